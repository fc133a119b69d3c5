import { and, eq, sql } from 'drizzle-orm';
import type { PimDb } from '../db.ts';
import { attribute, category, channel, family, familyAttribute, familyRequirement, locale, type LocalizedText } from '../catalog/catalog.schema.ts';
import type { CatalogDefinition } from '../catalog/definition.ts';
import {
	attributeInputSchema,
	categoryInputSchema,
	channelInputSchema,
	familyInputSchema,
	localeInputSchema,
	type AttributeInput,
	type CategoryInput,
	type FamilyInput
} from '../catalog/input.ts';
import { createAttribute, createFamily } from '../catalog/structure.ts';
import { updateAttribute } from '../catalog/structure-edit.ts';
import { issuesFromZod, ValidationError, type Issue } from '../shared/errors.ts';
import type { BundleChannel, BundleLocale } from './bundle.ts';

/**
 * How an import writes catalog structure: what is new is created, what differs is updated, what
 * is the same is left alone (so importing a file twice changes nothing). An import adds and
 * updates but never removes: options, family attributes and channel locales that the file does
 * not mention stay, since a file may describe only part of the catalog.
 */
export type Outcome = 'created' | 'updated' | 'unchanged';

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown, what: string): T {
	const r = schema.safeParse(input);
	if (!r.success) throw new ValidationError(`Invalid ${what}`, issuesFromZod(r.error));
	return r.data;
}

/** JSON with sorted keys, to compare structures whatever order their keys came in. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

/** A label with translations only in the catalog's locales: others cannot be stored. */
function catalogLabel(def: CatalogDefinition, label: LocalizedText): LocalizedText {
	const out: LocalizedText = {};
	for (const [loc, text] of Object.entries(label)) if (def.locales.includes(loc) && text.trim()) out[loc] = text.trim();
	return out;
}

/** A new record's label needs the fallback locale (every screen falls back to it): the code when the file gave none. */
function newLabel(def: CatalogDefinition, label: LocalizedText, code: string): LocalizedText {
	const out = catalogLabel(def, label);
	if (!out[def.fallbackLocale]) out[def.fallbackLocale] = code;
	return out;
}

/** Existing translations with the file's over them. */
const mergeLabel = (current: LocalizedText, incoming: LocalizedText): LocalizedText => ({ ...current, ...incoming });

/**
 * Adds a locale the catalog lacks; one it has is left as it is (its name is the catalog's own,
 * and a mapping may bring several of the file's locales into it). The first locale of an empty
 * catalog becomes its fallback (`preferFallback` says which one when a file brings several).
 */
export function applyLocale(db: PimDb, input: BundleLocale, preferFallback: string | null): Outcome {
	const data = parse(localeInputSchema, { code: input.code, label: input.label || input.code }, 'locale');
	if (db.select({ code: locale.code }).from(locale).where(eq(locale.code, data.code)).get()) return 'unchanged';
	const hasFallback = db.select({ n: sql<number>`count(*)` }).from(locale).where(eq(locale.fallback, true)).get()!.n > 0;
	const position = db.select({ n: sql<number>`coalesce(max(${locale.position}) + 1, 0)` }).from(locale).get()!.n;
	const fallback = !hasFallback && (preferFallback === null || preferFallback === data.code);
	db.insert(locale).values({ code: data.code, label: data.label, fallback, position }).run();
	return 'created';
}

/** Adds a channel, or adds the file's locales, currencies and label translations to it. */
export function applyChannel(db: PimDb, input: BundleChannel): Outcome {
	const data = parse(channelInputSchema, input, 'channel');
	const known = new Set(db.select({ code: locale.code }).from(locale).all().map((l) => l.code));
	const missing = data.locales.filter((l) => !known.has(l));
	if (missing.length) throw new ValidationError(`Channel ${data.code} was not saved`, [{ path: 'locales', message: `Unknown locale ${missing.join(', ')}` }]);
	const existing = db.select().from(channel).where(eq(channel.code, data.code)).get();
	if (!existing) {
		db.insert(channel).values(data).run();
		return 'created';
	}
	const next = {
		label: mergeLabel(existing.label, data.label),
		locales: [...new Set([...existing.locales, ...data.locales])],
		currencies: [...new Set([...existing.currencies, ...data.currencies])]
	};
	if (canonical(next) === canonical({ label: existing.label, locales: existing.locales, currencies: existing.currencies })) return 'unchanged';
	db.update(channel).set(next).where(eq(channel.code, data.code)).run();
	return 'updated';
}

const isSelect = (type: string) => type === 'select' || type === 'multiselect';

/**
 * Creates an attribute, or updates its label, unit, flags and options. Its type cannot change
 * (stored values are of that type); options the file leaves out stay, new ones go last.
 */
export function applyAttribute(db: PimDb, def: CatalogDefinition, input: AttributeInput): Outcome {
	const data = parse(attributeInputSchema, input, 'attribute');
	const label = catalogLabel(def, data.label);
	const issues: Issue[] = [];
	const seen = new Set<string>();
	for (const [i, o] of data.options.entries()) {
		if (seen.has(o.code)) issues.push({ path: `options.${i}.code`, message: `Option ${o.code} is listed twice` });
		seen.add(o.code);
	}
	if (!isSelect(data.type) && data.options.length) issues.push({ path: 'options', message: 'Only select attributes have options' });
	if (issues.length) throw new ValidationError(`Attribute ${data.code} was not saved`, issues);
	const options = data.options.map((o) => ({ ...o, label: catalogLabel(def, o.label) }));
	const existing = def.attributes.get(data.code);
	if (!existing) {
		if (isSelect(data.type) && options.length === 0)
			throw new ValidationError(`Attribute ${data.code} was not saved`, [{ path: 'options', message: 'A select needs at least one option' }]);
		const position = db.select({ n: sql<number>`coalesce(max(${attribute.position}) + 1, 0)` }).from(attribute).get()!.n;
		createAttribute(db, { ...data, label: newLabel(def, label, data.code), options: options.map((o) => ({ ...o, label: newLabel(def, o.label, o.code) })) }, position);
		return 'created';
	}
	if (existing.type !== data.type)
		throw new ValidationError(`Attribute ${data.code} was not saved`, [
			{ path: 'type', message: `${data.code} is a ${existing.type} attribute in this catalog; an import cannot make it ${data.type}` }
		]);
	const current = [...existing.options].map(([code, o]) => ({ code, label: o.label, hex: o.hex }));
	const incoming = new Map(options.map((o) => [o.code, o]));
	const merged = current.map((o) => {
		const n = incoming.get(o.code);
		return n ? { code: o.code, label: mergeLabel(o.label, n.label), hex: n.hex ?? o.hex } : o;
	});
	for (const o of options) if (!existing.options.has(o.code)) merged.push({ ...o, label: newLabel(def, o.label, o.code) });
	const next = { label: mergeLabel(existing.label, label), unit: data.unit ?? existing.unit, localizable: data.localizable, perChannel: data.perChannel, options: merged };
	const before = { label: existing.label, unit: existing.unit, localizable: existing.localizable, perChannel: existing.perChannel, options: current };
	if (canonical(next) === canonical(before)) return 'unchanged';
	updateAttribute(db, data.code, next);
	return 'updated';
}

/** What a family change did, so the products it reaches can be refreshed after the import. */
export interface FamilyOutcome {
	outcome: Outcome;
	/** The family's id when its requirements or attributes changed (completeness may differ). */
	refresh: number | null;
}

/**
 * Creates a family, or updates its label, adds attributes and replaces the requirements of the
 * channels the file names. Variant axes and the level an attribute lives on cannot change
 * (products are built on them); attributes the file leaves out stay.
 */
export function applyFamily(db: PimDb, def: CatalogDefinition, input: FamilyInput): FamilyOutcome {
	const data = parse(familyInputSchema, input, 'family');
	const label = catalogLabel(def, data.label);
	const existing = def.families.get(data.code);
	if (!existing) {
		createFamily(db, { ...data, label: newLabel(def, label, data.code) });
		return { outcome: 'created', refresh: null };
	}
	const issues: Issue[] = [];
	const axes = data.variantLevels.map((l) => l.axes);
	if (canonical(axes) !== canonical(existing.axes))
		issues.push({
			path: 'variantLevels',
			message: `The variant axes of ${data.code} are ${existing.axes.map((a) => a.join(' + ')).join(', then ') || 'none'}; an import cannot change them`
		});
	const level = new Map<string, number>();
	for (const a of data.attributes) level.set(a, 0);
	data.variantLevels.forEach((l, i) => [...l.axes, ...l.attributes].forEach((a) => level.set(a, i + 1)));
	const added: [string, number][] = [];
	for (const [a, lvl] of level) {
		if (!def.attributes.has(a)) issues.push({ path: 'attributes', message: `Unknown attribute ${a}` });
		const now = existing.levels.get(a);
		if (now === undefined) added.push([a, lvl]);
		else if (now !== lvl) issues.push({ path: 'attributes', message: `${a} lives on level ${now} of ${data.code}; an import cannot move it to level ${lvl}` });
	}
	const inFamily = new Set([...existing.levels.keys(), ...level.keys()]);
	const changedChannels: string[] = [];
	for (const [ch, codes] of Object.entries(data.required)) {
		if (!def.channels.has(ch)) issues.push({ path: `required.${ch}`, message: `Unknown channel ${ch}` });
		for (const a of codes) if (!inFamily.has(a)) issues.push({ path: `required.${ch}`, message: `${a} is not in the family` });
		const before = [...new Set(existing.required.get(ch) ?? [])].sort();
		if (canonical([...new Set(codes)].sort()) !== canonical(before)) changedChannels.push(ch);
	}
	if (issues.length) throw new ValidationError(`Family ${data.code} was not saved`, issues);
	const nextLabel = mergeLabel(existing.label, label);
	const labelChanged = canonical(nextLabel) !== canonical(existing.label);
	if (!labelChanged && !added.length && !changedChannels.length) return { outcome: 'unchanged', refresh: null };
	if (labelChanged) db.update(family).set({ label: nextLabel, updatedAt: new Date().toISOString() }).where(eq(family.id, existing.id)).run();
	for (const [a, lvl] of added) db.insert(familyAttribute).values({ familyId: existing.id, attributeId: def.attributes.get(a)!.id, level: lvl, axis: false }).run();
	for (const ch of changedChannels) {
		db.delete(familyRequirement).where(and(eq(familyRequirement.familyId, existing.id), eq(familyRequirement.channel, ch))).run();
		for (const a of new Set(data.required[ch]))
			db.insert(familyRequirement).values({ familyId: existing.id, attributeId: def.attributes.get(a)!.id, channel: ch }).run();
	}
	return { outcome: 'updated', refresh: added.length || changedChannels.length ? existing.id : null };
}

/** What a category change did; `refresh` is its id when the path its products carry changed. */
export interface CategoryOutcome {
	outcome: Outcome;
	refresh: number | null;
	/** Said when the file puts an existing category elsewhere in the tree. */
	note?: string;
}

/**
 * Creates a category (last among its siblings), or updates its label. Parents come first in a
 * file, so they exist by the time their children are read. An existing category stays where it
 * is in the tree even when the file puts it elsewhere (the kiosk's navigation is built on the
 * tree, and another PIM's tree often has a root of its own above ours): the report says so, and
 * the structure editor moves it if that is what is wanted.
 */
export function applyCategory(db: PimDb, def: CatalogDefinition, input: CategoryInput): CategoryOutcome {
	const data = parse(categoryInputSchema, input, 'category');
	const label = catalogLabel(def, data.label);
	const byCode = (code: string) => db.select().from(category).where(eq(category.code, code)).get();
	const existing = byCode(data.code);
	let parentId: number | null = null;
	if (data.parent) {
		const parent = byCode(data.parent);
		if (!parent && !existing) throw new ValidationError(`Category ${data.code} was not saved`, [{ path: 'parent', message: `Unknown category ${data.parent}` }]);
		parentId = parent?.id ?? null;
	}
	if (!existing) {
		const position = db
			.select({ n: sql<number>`coalesce(max(${category.position}) + 1, 0)` })
			.from(category)
			.where(parentId === null ? sql`${category.parentId} IS NULL` : eq(category.parentId, parentId))
			.get()!.n;
		db.insert(category).values({ code: data.code, parentId, label: newLabel(def, label, data.code), position }).run();
		return { outcome: 'created', refresh: null };
	}
	const currentParent = existing.parentId === null ? null : (db.select({ code: category.code }).from(category).where(eq(category.id, existing.parentId)).get()?.code ?? null);
	const elsewhere = (data.parent ?? null) !== currentParent;
	const note = elsewhere ? `Category ${data.code} stays where it is in the tree; the file puts it under ${data.parent ?? 'the root'}` : undefined;
	const nextLabel = mergeLabel(existing.label, label);
	if (canonical(nextLabel) === canonical(existing.label)) return { outcome: 'unchanged', refresh: null, note };
	db.update(category).set({ label: nextLabel }).where(eq(category.id, existing.id)).run();
	return { outcome: 'updated', refresh: existing.id, note };
}
