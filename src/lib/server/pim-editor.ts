import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
	codeSchema,
	completenessOf,
	ConflictError,
	getProduct,
	issuesFromZod,
	labelIn,
	loadDefinition,
	NotFoundError,
	saveProduct,
	skuSchema,
	ValidationError,
	type AttributeType,
	type CatalogDefinition,
	type CompletenessRow,
	type FamilyDef,
	type ProductInput,
	type ProductState,
	type SaveResult,
	type VariantData
} from '$pim';
import { locale, variant } from '$pim/catalog/catalog.schema.ts';
import type { EditorMedia } from '$lib/pim-types';
import type { AppDb } from './db/index.ts';
import { inventory, location } from './db/store.schema.ts';
import { setStock } from './inventory.ts';

/** The PIM speaks English; labels are read in English, else the catalog's fallback locale. */
const UI_LOCALE = 'en';

/** An attribute of the product's family, as the editor needs it to draw an input. */
export interface EditorAttribute {
	code: string;
	type: AttributeType;
	label: string;
	localizable: boolean;
	perChannel: boolean;
	unit: string | null;
	/** 0 = the product, 1 and 2 = variant levels. */
	level: number;
	/** Whether it is an axis of its variant level (e.g. colour, size). */
	axis: boolean;
	/** Channels that require it. */
	requiredIn: string[];
	options: { code: string; label: string; hex: string | null }[];
}

/** A locale of the catalog, named in its own language. */
export interface EditorLocale {
	code: string;
	label: string;
	fallback: boolean;
}

/** A channel with the locales it shows and the currencies it sells in. */
export interface EditorChannel {
	code: string;
	label: string;
	locales: string[];
	currencies: string[];
}

/** A category and those under it, for the category picker. */
export interface EditorCategory {
	code: string;
	label: string;
	children: EditorCategory[];
}

/** Everything the editor must know about the catalog to edit one product, serializable. */
export interface EditorDefinition {
	family: { code: string; label: string };
	/** The family's attributes in the catalog's order. */
	attributes: EditorAttribute[];
	/** Axis attribute codes per variant level: axes[0] for level 1, axes[1] for level 2. */
	axes: string[][];
	locales: EditorLocale[];
	fallbackLocale: string;
	channels: EditorChannel[];
	/** Every currency some channel sells in, sorted. */
	currencies: string[];
	categories: EditorCategory[];
}

/** Stock of each sellable variant at each location. */
export interface StockGrid {
	locations: { code: string; name: string; kind: 'store' | 'warehouse' }[];
	/** SKU → location code → counts; absent means nothing was ever counted there. */
	bySku: Record<string, Record<string, { onHand: number; reserved: number }>>;
}

/** A product as the editor loads it: what a save sends back, plus identity and revision. */
export type EditorProduct = Omit<ProductState, 'createdAt'>;

/** What the editor page loads (media excepted, which the media module supplies). */
export interface EditorData {
	product: EditorProduct;
	definition: EditorDefinition;
	completeness: CompletenessRow[];
	stock: StockGrid;
}

/** What the editor page gets: the editor's data and the product's media with previews. */
export interface EditorPageData extends EditorData {
	media: EditorMedia[];
}

const label = (def: CatalogDefinition, text: Record<string, string>) => labelIn(text, UI_LOCALE, def.fallbackLocale);

/** The category tree, roots first, children in their stored order. */
function categoryTree(def: CatalogDefinition): EditorCategory[] {
	const children = new Map<number | null, EditorCategory[]>();
	const all = [...def.categories.values()].sort((a, b) => a.position - b.position || a.id - b.id);
	const nodes = new Map(all.map((c) => [c.id, { code: c.code, label: label(def, c.label), children: [] as EditorCategory[] }]));
	for (const c of all) {
		const parent = c.parentId != null && nodes.has(c.parentId) ? c.parentId : null;
		const list = children.get(parent) ?? [];
		list.push(nodes.get(c.id)!);
		children.set(parent, list);
	}
	for (const [id, node] of nodes) node.children = children.get(id) ?? [];
	return children.get(null) ?? [];
}

/** Builds the editor's definition for a family from the loaded catalog structure. */
export function editorDefinition(db: AppDb, def: CatalogDefinition, fam: FamilyDef): EditorDefinition {
	const localeRows = db.select().from(locale).orderBy(asc(locale.position), asc(locale.code)).all();
	const axisSet = new Set(fam.axes.flat());
	const attributes: EditorAttribute[] = [...def.attributes.values()]
		.filter((a) => fam.levels.has(a.code))
		.map((a) => ({
			code: a.code,
			type: a.type,
			label: label(def, a.label) || a.code,
			localizable: a.localizable,
			perChannel: a.perChannel,
			unit: a.unit,
			level: fam.levels.get(a.code) ?? 0,
			axis: axisSet.has(a.code),
			requiredIn: [...fam.required].filter(([, codes]) => codes.includes(a.code)).map(([ch]) => ch).sort(),
			options: [...a.options]
				.sort(([, x], [, y]) => x.position - y.position)
				.map(([code, o]) => ({ code, label: label(def, o.label) || code, hex: o.hex }))
		}));
	const channels = [...def.channels.values()].map((c) => ({ code: c.code, label: label(def, c.label) || c.code, locales: c.locales, currencies: c.currencies }));
	return {
		family: { code: fam.code, label: label(def, fam.label) || fam.code },
		attributes,
		axes: fam.axes,
		locales: localeRows.map((l) => ({ code: l.code, label: l.label, fallback: l.fallback })),
		fallbackLocale: def.fallbackLocale,
		channels,
		currencies: [...new Set(channels.flatMap((c) => c.currencies))].sort(),
		categories: categoryTree(def)
	};
}

/** Stock of the product's sellable variants at every location, for the variants grid. */
export function stockGrid(db: AppDb, productId: number): StockGrid {
	const locations = db.select({ id: location.id, code: location.code, name: location.name, kind: location.kind }).from(location).orderBy(asc(location.kind), asc(location.code)).all();
	const variants = db.select({ id: variant.id, code: variant.code }).from(variant).where(eq(variant.productId, productId)).all();
	const bySku: StockGrid['bySku'] = {};
	if (variants.length) {
		const codeOf = new Map(variants.map((v) => [v.id, v.code]));
		const locOf = new Map(locations.map((l) => [l.id, l.code]));
		const rows = db.select().from(inventory).where(inArray(inventory.variantId, [...codeOf.keys()])).all();
		for (const r of rows) {
			const sku = codeOf.get(r.variantId)!;
			(bySku[sku] ??= {})[locOf.get(r.locationId)!] = { onHand: r.onHand, reserved: r.reserved };
		}
	}
	return { locations: locations.map(({ code, name, kind }) => ({ code, name, kind })), bySku };
}

/** Loads everything the product editor shows, or null when there is no such product. */
export function loadEditor(db: AppDb, code: string): EditorData | null {
	const def = loadDefinition(db);
	const p = getProduct(db, code, def);
	if (!p) return null;
	const fam = def.families.get(p.family);
	if (!fam) throw new Error(`Product ${p.code} has no family`);
	const { createdAt: _, ...product } = p;
	return { product, definition: editorDefinition(db, def, fam), completeness: completenessOf(db, p.id), stock: stockGrid(db, p.id) };
}

/** The SKUs of a product's sellable variants (the leaves of its variant tree). */
export function sellableSkus(p: Pick<ProductState, 'variants'>): string[] {
	return p.variants.flatMap((v) => (v.children.length ? v.children.map((c) => c.code) : [v.code]));
}

/** Families a new product can be created in, with their variant axes, for the "new product" form. */
export function familyChoices(db: AppDb): { code: string; label: string; axes: string[][] }[] {
	const def = loadDefinition(db);
	return [...def.families.values()]
		.map((f) => ({ code: f.code, label: label(def, f.label) || f.code, axes: f.axes }))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** What the "new product" form asks: a code and a family. */
export const newProductSchema = z.object({ code: skuSchema, family: codeSchema });

/**
 * The first variant tree a new product gets: its single sellable variant when the family has
 * no axes, else one variant per level on each axis's first option, so the grid has a row to start from.
 */
export function firstVariants(def: CatalogDefinition, fam: FamilyDef, code: string): VariantData[] {
	const pick = (level: number) =>
		Object.fromEntries(fam.axes[level].flatMap((a) => {
			const first = def.attributes.get(a)?.options.keys().next().value;
			return first ? [[a, first]] : [];
		}));
	const suffix = (axes: Record<string, string>) => Object.values(axes).map((o) => o.toUpperCase()).join('-');
	const node = (nodeCode: string, axes: Record<string, string>): VariantData => ({ code: nodeCode, axes, values: {}, gtin: null, prices: {}, children: [] });
	if (fam.axes.length === 0) return [node(code, {})];
	const top = pick(0);
	const first = node(`${code}-${suffix(top)}`, top);
	if (fam.axes.length === 2) {
		const below = pick(1);
		first.children = [node(`${first.code}-${suffix(below)}`, below)];
	}
	return [first];
}

/** Creates an empty draft product in a family and returns its code; a taken code is a conflict on `code`. */
export function createDraftProduct(db: AppDb, input: unknown, author: string): string {
	const parsed = newProductSchema.safeParse(input);
	if (!parsed.success)
		throw new ValidationError('The product has errors', issuesFromZod(parsed.error));
	const { code, family } = parsed.data;
	const def = loadDefinition(db);
	const fam = def.families.get(family);
	if (!fam) throw new ValidationError('The product has errors', [{ path: 'family', message: 'Choose a family' }]);
	if (getProduct(db, code, def)) throw new ConflictError('A product with this code exists', [{ path: 'code', message: `${code} is taken` }]);
	try {
		saveProduct(db, { code, family, status: 'draft', variants: firstVariants(def, fam, code) }, author, { definition: def, comment: 'Created' });
	} catch (e) {
		// The generated variant codes derive from the product code: report their problems on it.
		const onCode = (err: ConflictError | ValidationError) => [{ path: 'code', message: err.issues[0]?.message ?? err.message }];
		if (e instanceof ConflictError) throw new ConflictError(e.message, onCode(e));
		if (e instanceof ValidationError) throw new ValidationError(e.message, onCode(e));
		throw e;
	}
	return code;
}

const DAMAGED = 'The editor sent a damaged product; reload the page and try again.';

/**
 * Saves the editor's draft (sent as JSON) over product `code`. The address names the product
 * and the status has its own actions, so a save can neither write over another product nor
 * publish one on the side; `expectedRevision` refuses a save over someone else's.
 */
export function saveDraft(db: AppDb, code: string, json: string, expectedRevision: number | null, author: string): SaveResult {
	let body: unknown;
	try {
		body = JSON.parse(json);
	} catch {
		throw new ValidationError(DAMAGED, []);
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ValidationError(DAMAGED, []);
	const current = getProduct(db, code);
	if (!current) throw new NotFoundError('This product no longer exists.');
	const input = { ...body, code: current.code, status: current.status, expectedRevision: expectedRevision ?? undefined } as ProductInput;
	return saveProduct(db, input, author);
}

/** Sets the on-hand count of one of the product's own SKUs at a location, from the editor's stock form. */
export function setProductStock(db: AppDb, code: string, input: { sku: string; location: string; onHand: string }) {
	const current = getProduct(db, code);
	if (!current || !sellableSkus(current).includes(input.sku)) throw new NotFoundError(`No sellable variant ${input.sku} in this product`);
	const raw = input.onHand.trim();
	setStock(db, { sku: input.sku, location: input.location, onHand: raw === '' ? Number.NaN : Number(raw) });
}
