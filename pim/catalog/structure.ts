import { eq } from 'drizzle-orm';
import { inTransaction, type PimDb } from '../db.ts';
import { ConflictError, issuesFromZod, NotFoundError, ValidationError } from '../shared/errors.ts';
import {
	attribute,
	attributeOption,
	category,
	channel,
	family,
	familyAttribute,
	familyRequirement,
	locale
} from './catalog.schema.ts';
import {
	attributeInputSchema,
	categoryInputSchema,
	channelInputSchema,
	familyInputSchema,
	localeInputSchema,
	type AttributeInput,
	type CategoryInput,
	type FamilyInput
} from './input.ts';

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown, what: string): T {
	const r = schema.safeParse(input);
	if (!r.success) throw new ValidationError(`Invalid ${what}`, issuesFromZod(r.error));
	return r.data;
}

/** Adds a locale or updates its label; marking one as fallback unmarks the others. */
export function upsertLocale(db: PimDb, input: { code: string; label: string; fallback?: boolean }, position = 0) {
	const data = parse(localeInputSchema, input, 'locale');
	inTransaction(db, () => {
		if (data.fallback) db.update(locale).set({ fallback: false }).run();
		db.insert(locale)
			.values({ ...data, position })
			.onConflictDoUpdate({ target: locale.code, set: { label: data.label, fallback: data.fallback } })
			.run();
	});
}

/** Adds a channel or updates its locales and currencies. */
export function upsertChannel(db: PimDb, input: unknown) {
	const data = parse(channelInputSchema, input, 'channel');
	db.insert(channel)
		.values(data)
		.onConflictDoUpdate({ target: channel.code, set: { label: data.label, locales: data.locales, currencies: data.currencies } })
		.run();
}

/** Creates an attribute with its options. */
export function createAttribute(db: PimDb, input: AttributeInput, position = 0): number {
	const data = parse(attributeInputSchema, input, 'attribute');
	if ((data.type === 'select' || data.type === 'multiselect') && data.options.length === 0)
		throw new ValidationError('Invalid attribute', [{ path: 'options', message: 'A select needs options' }]);
	return inTransaction(db, () => {
		if (db.select({ id: attribute.id }).from(attribute).where(eq(attribute.code, data.code)).get())
			throw new ConflictError(`Attribute ${data.code} already exists`, [{ path: 'code', message: 'Already taken' }]);
		const { id } = db
			.insert(attribute)
			.values({ code: data.code, type: data.type, label: data.label, localizable: data.localizable, perChannel: data.perChannel, unit: data.unit, position })
			.returning({ id: attribute.id })
			.get();
		data.options.forEach((o, i) =>
			db.insert(attributeOption).values({ attributeId: id, code: o.code, label: o.label, hex: o.hex, position: i }).run()
		);
		return id;
	});
}

/** Creates a family: its attributes, the variant level of each, axes and per-channel requirements. */
export function createFamily(db: PimDb, input: FamilyInput): number {
	const data = parse(familyInputSchema, input, 'family');
	return inTransaction(db, () => {
		if (db.select({ id: family.id }).from(family).where(eq(family.code, data.code)).get())
			throw new ConflictError(`Family ${data.code} already exists`, [{ path: 'code', message: 'Already taken' }]);
		const attrIds = new Map(db.select({ id: attribute.id, code: attribute.code }).from(attribute).all().map((a) => [a.code, a.id]));
		const channels = new Set(db.select({ code: channel.code }).from(channel).all().map((c) => c.code));
		const issues = [];
		const level = new Map<string, number>();
		const axes = new Set<string>();
		for (const code of data.attributes) level.set(code, 0);
		data.variantLevels.forEach((l, i) => {
			for (const code of [...l.axes, ...l.attributes]) level.set(code, i + 1);
			for (const code of l.axes) axes.add(code);
		});
		for (const code of level.keys()) if (!attrIds.has(code)) issues.push({ path: 'attributes', message: `Unknown attribute ${code}` });
		for (const [ch, codes] of Object.entries(data.required)) {
			if (!channels.has(ch)) issues.push({ path: `required.${ch}`, message: `Unknown channel ${ch}` });
			for (const code of codes) if (!level.has(code)) issues.push({ path: `required.${ch}`, message: `${code} is not in the family` });
		}
		if (issues.length) throw new ValidationError('Invalid family', issues);
		const { id } = db.insert(family).values({ code: data.code, label: data.label }).returning({ id: family.id }).get();
		for (const [code, lvl] of level)
			db.insert(familyAttribute).values({ familyId: id, attributeId: attrIds.get(code)!, level: lvl, axis: axes.has(code) }).run();
		for (const [ch, codes] of Object.entries(data.required))
			for (const code of new Set(codes))
				db.insert(familyRequirement).values({ familyId: id, attributeId: attrIds.get(code)!, channel: ch }).run();
		return id;
	});
}

/** Creates a category under `parent` (or at the root). */
export function createCategory(db: PimDb, input: CategoryInput, position = 0): number {
	const data = parse(categoryInputSchema, input, 'category');
	return inTransaction(db, () => {
		if (db.select({ id: category.id }).from(category).where(eq(category.code, data.code)).get())
			throw new ConflictError(`Category ${data.code} already exists`, [{ path: 'code', message: 'Already taken' }]);
		let parentId: number | null = null;
		if (data.parent) {
			const parent = db.select({ id: category.id }).from(category).where(eq(category.code, data.parent)).get();
			if (!parent) throw new NotFoundError(`No category ${data.parent}`);
			parentId = parent.id;
		}
		return db.insert(category).values({ code: data.code, parentId, label: data.label, position }).returning({ id: category.id }).get().id;
	});
}
