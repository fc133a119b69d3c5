import { asc } from 'drizzle-orm';
import type { PimDb } from '../db.ts';
import { locale } from '../catalog/catalog.schema.ts';
import type { CatalogDefinition, CategoryDef } from '../catalog/definition.ts';
import type { AttributeInput, CategoryInput, FamilyInput, ProductInput } from '../catalog/input.ts';
import type { ProductState } from '../catalog/products.ts';
import { exampleProduct, decodeText, type StoredLookup } from './aisle-csv.ts';
import type { BundleChannel, BundleLocale, ImportBundle, Sourced } from './bundle.ts';

/**
 * Aisle's own JSON: the catalog structure and whole products in the PIM's own input shapes
 * (prices in minor units, values as attribute → channel → locale → data, `*` for "any").
 * The JSON export writes exactly what this reads.
 */
export const AISLE_JSON_FORMAT = 'aisle-catalog';

/** The top of a JSON file: its structure sections, as the export writes them. */
export interface CatalogStructure {
	locales: BundleLocale[];
	channels: BundleChannel[];
	attributes: AttributeInput[];
	families: FamilyInput[];
	/** Parents before their children. */
	categories: CategoryInput[];
}

/** The catalog's structure as our JSON gives it. */
export function catalogStructure(db: PimDb, def: CatalogDefinition): CatalogStructure {
	const locales = db.select({ code: locale.code, label: locale.label }).from(locale).orderBy(asc(locale.position), asc(locale.code)).all();
	const children = new Map<number | null, CategoryDef[]>();
	for (const c of def.categories.values()) (children.get(c.parentId) ?? children.set(c.parentId, []).get(c.parentId)!).push(c);
	const categories: CategoryInput[] = [];
	const walk = (parent: number | null) => {
		for (const c of children.get(parent) ?? []) {
			categories.push({ code: c.code, parent: c.parentId === null ? null : (def.categoriesById.get(c.parentId)?.code ?? null), label: c.label });
			walk(c.id);
		}
	};
	walk(null);
	return {
		locales,
		channels: [...def.channels.values()].map((c) => ({ code: c.code, label: c.label, locales: c.locales, currencies: c.currencies })),
		attributes: [...def.attributes.values()].map((a) => ({
			code: a.code,
			type: a.type,
			label: a.label,
			localizable: a.localizable,
			perChannel: a.perChannel,
			unit: a.unit,
			options: [...a.options].map(([code, o]) => ({ code, label: o.label, hex: o.hex }))
		})),
		families: [...def.families.values()].map((f) => {
			const axes = new Set(f.axes.flat());
			const at = (level: number) => [...f.levels].filter(([code, l]) => l === level && !axes.has(code)).map(([code]) => code);
			return {
				code: f.code,
				label: f.label,
				attributes: at(0),
				required: Object.fromEntries([...f.required].map(([ch, codes]) => [ch, [...codes]])),
				variantLevels: f.axes.map((levelAxes, i) => ({ axes: levelAxes, attributes: at(i + 1) }))
			};
		}),
		categories
	};
}

/** The opening of an exported JSON file, up to (not including) its products. */
export function catalogJsonHead(db: PimDb, def: CatalogDefinition): string {
	const s = catalogStructure(db, def);
	const section = (name: string, list: unknown[]) => `"${name}": [${list.map((x) => `\n${JSON.stringify(x)}`).join(',')}\n]`;
	return [
		`{"format": ${JSON.stringify(AISLE_JSON_FORMAT)}, "version": 1`,
		section('locales', s.locales),
		section('channels', s.channels),
		section('attributes', s.attributes),
		section('families', s.families),
		section('categories', s.categories)
	].join(',\n');
}

/** A stored product as our JSON gives it: the save input, without ids or revisions. */
export function productJson(p: ProductState): ProductInput {
	return {
		code: p.code,
		family: p.family,
		status: p.status,
		categories: p.categories,
		values: p.values,
		variants: p.variants.map((v) => ({
			code: v.code,
			axes: v.axes,
			values: v.values,
			gtin: v.gtin,
			prices: v.prices,
			children: v.children.map((c) => ({ code: c.code, axes: c.axes, values: c.values, gtin: c.gtin, prices: c.prices }))
		})),
		media: p.media
	};
}

/** A file to start from: one example draft product (no structure), in the JSON the import reads. */
export function aisleJsonTemplate(def: CatalogDefinition): string {
	const example = exampleProduct(def);
	const products = example ? [productJson(example)].map(({ media: _media, ...p }) => p) : [];
	return `${JSON.stringify({ format: AISLE_JSON_FORMAT, version: 1, products }, null, 2)}\n`;
}

/**
 * Lines where the elements of the top-level arrays start: under '' for a file that is one
 * array, else under each key whose value is an array. The text is valid JSON (parsed before).
 */
export function elementLines(text: string): Map<string, number[]> {
	const out = new Map<string, number[]>();
	let line = 1;
	let depth = 0;
	let inString = false;
	let escaped = false;
	let stringStart = 0;
	let lastString = '';
	let key: string | null = null;
	let topArray = false;
	let current: number[] | null = null;
	let arrayDepth = 0;
	let pending = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (escaped) escaped = false;
			else if (ch === '\\') escaped = true;
			else if (ch === '"') {
				inString = false;
				lastString = text.slice(stringStart + 1, i);
			}
			continue;
		}
		if (ch === '\n') {
			line++;
			continue;
		}
		if (ch === ' ' || ch === '\t' || ch === '\r') continue;
		if (pending && ch !== ']') {
			current!.push(line);
			pending = false;
		}
		switch (ch) {
			case '"':
				inString = true;
				stringStart = i;
				break;
			case ':':
				if (depth === 1 && !topArray) key = lastString;
				break;
			case '[':
			case '{':
				depth++;
				if (depth === 1) topArray = ch === '[';
				if (ch === '[' && current === null && ((depth === 1 && topArray) || (depth === 2 && !topArray && key !== null))) {
					current = [];
					out.set(depth === 1 ? '' : key!, current);
					arrayDepth = depth;
					pending = true;
				}
				break;
			case ']':
			case '}':
				if (current !== null && depth === arrayDepth) {
					current = null;
					pending = false;
				}
				depth--;
				break;
			case ',':
				if (current !== null && depth === arrayDepth) pending = true;
				break;
		}
	}
	return out;
}

/** The line a JSON syntax error points at. */
function errorLine(text: string, message: string): number {
	const byLine = /line (\d+)/.exec(message);
	if (byLine) return Number(byLine[1]);
	const byPosition = /position (\d+)/.exec(message);
	return byPosition ? text.slice(0, Number(byPosition[1])).split('\n').length : 1;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export interface AisleJsonReadOptions {
	/**
	 * Stored products, so a product that leaves out `family`, `status`, `categories` or `values`
	 * keeps what it has. Without it, the input's defaults apply (a draft without categories).
	 */
	stored?: StoredLookup;
}

/**
 * Reads one of our JSON files: `{ "products": [...] }` with optional structure sections, or a
 * bare array of products. Each record keeps the line it starts on for the report. A product
 * without `media` keeps its media (an import carries no files).
 */
export function readAisleJson(file: string, content: string | Uint8Array, opts: AisleJsonReadOptions = {}): ImportBundle {
	const bundle: ImportBundle = { locales: [], channels: [], attributes: [], families: [], categories: [], products: [], rejected: [], notes: [] };
	const text = decodeText(content);
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		const message = (e as Error).message;
		bundle.rejected.push({ file, line: errorLine(text, message), code: null, reason: `This file is not valid JSON: ${message}` });
		return bundle;
	}
	const lines = elementLines(text);
	const top = Array.isArray(doc) ? { products: doc } : isObject(doc) ? doc : null;
	if (!top || (top.products !== undefined && !Array.isArray(top.products))) {
		bundle.rejected.push({ file, line: 1, code: null, reason: 'Expected a list of products, or an object with a "products" list (see the JSON template)' });
		return bundle;
	}
	const lineOf = (section: string, i: number) => lines.get(Array.isArray(doc) ? '' : section)?.[i] ?? 1;
	const section = <T>(name: string, into: Sourced<T>[]) => {
		const list = top[name];
		if (list === undefined) return;
		if (!Array.isArray(list)) {
			bundle.rejected.push({ file, line: 1, code: null, reason: `"${name}" must be a list` });
			return;
		}
		list.forEach((item, i) => {
			if (isObject(item) && typeof item.code === 'string') into.push({ data: item as T, source: { file, line: lineOf(name, i) } });
			else bundle.rejected.push({ file, line: lineOf(name, i), code: null, reason: `Each of "${name}" needs at least a code` });
		});
	};
	for (const [name, into] of [
		['locales', bundle.locales],
		['channels', bundle.channels]
	] as const) {
		const list = top[name];
		if (!Array.isArray(list)) continue;
		list.forEach((item, i) => {
			if (isObject(item) && typeof item.code === 'string') (into as unknown[]).push(item);
			else bundle.rejected.push({ file, line: lineOf(name, i), code: null, reason: `Each of "${name}" needs at least a code` });
		});
	}
	section('attributes', bundle.attributes);
	section('families', bundle.families);
	section('categories', bundle.categories);

	const products: Sourced<Record<string, unknown>>[] = [];
	section('products', products);
	const keys = ['family', 'status', 'categories', 'values'] as const;
	for (let i = 0; i < products.length; i += 500) {
		const slice = products.slice(i, i + 500);
		const partial = slice.filter((p) => keys.some((k) => p.data[k] === undefined)).map((p) => String(p.data.code));
		const stored = partial.length && opts.stored ? opts.stored(partial) : new Map<string, ProductState>();
		for (const p of slice) {
			const before = stored.get(String(p.data.code));
			const data = { ...p.data } as Record<string, unknown>;
			if (before) for (const k of keys) if (data[k] === undefined) data[k] = before[k];
			bundle.products.push({ data: data as unknown as ProductInput, source: p.source, publish: 'as-given' });
		}
	}
	return bundle;
}
