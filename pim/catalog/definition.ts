import { asc } from 'drizzle-orm';
import type { PimDb } from '../db.ts';
import {
	attribute,
	attributeOption,
	category,
	channel,
	family,
	familyAttribute,
	familyRequirement,
	locale,
	type LocalizedText
} from './catalog.schema.ts';
import type { AttributeType } from './input.ts';

export interface AttributeDef {
	id: number;
	code: string;
	type: AttributeType;
	label: LocalizedText;
	localizable: boolean;
	perChannel: boolean;
	unit: string | null;
	options: Map<string, { id: number; label: LocalizedText; hex: string | null; position: number }>;
}

export interface FamilyDef {
	id: number;
	code: string;
	label: LocalizedText;
	/** attribute code → level it lives on (0 = product, 1, 2). */
	levels: Map<string, number>;
	/** Axis attribute codes per variant level: axes[0] for level 1, axes[1] for level 2. */
	axes: string[][];
	/** channel code → required attribute codes. */
	required: Map<string, string[]>;
}

export interface CategoryDef {
	id: number;
	code: string;
	parentId: number | null;
	label: LocalizedText;
	position: number;
}

/** The catalog's structure (locales, channels, attributes, families, categories), loaded once per operation. */
export interface CatalogDefinition {
	locales: string[];
	fallbackLocale: string;
	channels: Map<string, { code: string; label: LocalizedText; locales: string[]; currencies: string[] }>;
	attributes: Map<string, AttributeDef>;
	families: Map<string, FamilyDef>;
	familiesById: Map<number, FamilyDef>;
	categories: Map<string, CategoryDef>;
	categoriesById: Map<number, CategoryDef>;
}

/** Loads the catalog structure; small tables, read in a few queries. */
export function loadDefinition(db: PimDb): CatalogDefinition {
	const locales = db.select().from(locale).orderBy(asc(locale.position), asc(locale.code)).all();
	const attrs = db.select().from(attribute).orderBy(asc(attribute.position), asc(attribute.id)).all();
	const options = db.select().from(attributeOption).orderBy(asc(attributeOption.position)).all();
	const attributes = new Map<string, AttributeDef>();
	const attributesById = new Map<number, AttributeDef>();
	for (const a of attrs) {
		const def: AttributeDef = {
			id: a.id,
			code: a.code,
			type: a.type,
			label: a.label,
			localizable: a.localizable,
			perChannel: a.perChannel,
			unit: a.unit,
			options: new Map()
		};
		attributes.set(a.code, def);
		attributesById.set(a.id, def);
	}
	for (const o of options) {
		attributesById
			.get(o.attributeId)
			?.options.set(o.code, { id: o.id, label: o.label, hex: o.hex, position: o.position });
	}
	const families = new Map<string, FamilyDef>();
	const familiesById = new Map<number, FamilyDef>();
	for (const f of db.select().from(family).all()) {
		const def: FamilyDef = { id: f.id, code: f.code, label: f.label, levels: new Map(), axes: [], required: new Map() };
		families.set(f.code, def);
		familiesById.set(f.id, def);
	}
	for (const fa of db.select().from(familyAttribute).all()) {
		const f = familiesById.get(fa.familyId);
		const a = attributesById.get(fa.attributeId);
		if (!f || !a) continue;
		f.levels.set(a.code, fa.level);
		if (fa.axis) {
			while (f.axes.length < fa.level) f.axes.push([]);
			f.axes[fa.level - 1].push(a.code);
		}
	}
	for (const r of db.select().from(familyRequirement).all()) {
		const f = familiesById.get(r.familyId);
		const a = attributesById.get(r.attributeId);
		if (!f || !a) continue;
		const list = f.required.get(r.channel) ?? [];
		list.push(a.code);
		f.required.set(r.channel, list);
	}
	const categories = new Map<string, CategoryDef>();
	const categoriesById = new Map<number, CategoryDef>();
	for (const c of db.select().from(category).orderBy(asc(category.position), asc(category.id)).all()) {
		const def = { id: c.id, code: c.code, parentId: c.parentId, label: c.label, position: c.position };
		categories.set(c.code, def);
		categoriesById.set(c.id, def);
	}
	const channels = new Map(db.select().from(channel).all().map((c) => [c.code, c]));
	return {
		locales: locales.map((l) => l.code),
		fallbackLocale: locales.find((l) => l.fallback)?.code ?? locales[0]?.code ?? 'en',
		channels,
		attributes,
		families,
		familiesById,
		categories,
		categoriesById
	};
}

/** The category and its ancestors, root first. */
export function categoryPath(def: CatalogDefinition, id: number): CategoryDef[] {
	const path: CategoryDef[] = [];
	let c = def.categoriesById.get(id);
	while (c && path.length < 20) {
		path.unshift(c);
		c = c.parentId == null ? undefined : def.categoriesById.get(c.parentId);
	}
	return path;
}

/** A localized label in `loc`, else the fallback locale, else any. */
export function labelIn(label: LocalizedText, loc: string, fallback: string): string {
	return label[loc] || label[fallback] || Object.values(label)[0] || '';
}
