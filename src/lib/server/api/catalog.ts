import { and, asc, eq, gt, gte, inArray, sql, type SQL } from 'drizzle-orm';
import {
	ALL,
	categoryPath,
	IMAGE_WIDTHS,
	imageFile,
	isSaleActive,
	loadDefinition,
	modelFile,
	visibleChannels,
	type CatalogDefinition,
	type CategoryDef
} from '$pim';
import { category, price, product, productCategory, variant, type LocalizedText, type RawValues } from '$pim/catalog/catalog.schema.ts';
import { completeness } from '$pim/completeness/completeness.schema.ts';
import { media, productMedia } from '$pim/media/media.schema.ts';
import type { AppDb } from '../db/index.ts';
import { sanitizeDescription } from '../product-page.ts';

/** One value of an attribute, Akeneo-style: null locale / channel when the attribute does not vary by it. */
export interface ApiValue {
	locale: string | null;
	channel: string | null;
	data: unknown;
}
export type ApiValues = Record<string, ApiValue[]>;

export interface ApiPrice {
	currency: string;
	/** Minor units (cents). */
	amount: number;
	sale: { amount: number; start: string | null; end: string | null } | null;
	/** What a shopper pays today: the sale price while it runs, else the amount. */
	current: number;
}

export interface ApiVariant {
	sku: string;
	gtin: string | null;
	/** Axis attribute → option code, both variant levels merged. */
	axes: Record<string, string>;
	/** Code of the first-level variant (e.g. the colour) this SKU sits under; null on one-level products. */
	group: string | null;
	values: ApiValues;
	prices: ApiPrice[];
}

export interface ApiMedia {
	type: 'image' | 'model3d';
	url: string;
	/** The variant (a colour group or a SKU) the file belongs to; null for the whole product. */
	variant: string | null;
	alt: LocalizedText;
	width: number | null;
	height: number | null;
	/** Images only: every stored width, for srcset. */
	renditions?: { width: number; url: string }[];
}

export interface ApiAxis {
	code: string;
	label: LocalizedText;
	options: { code: string; label: LocalizedText; hex: string | null }[];
}

export interface ApiProduct {
	code: string;
	status: 'draft' | 'published' | 'archived';
	family: string;
	revision: number;
	createdAt: string;
	updatedAt: string;
	/** Channels the product is visible on now: published and complete there in the fallback locale. */
	channels: string[];
	categories: string[];
	name: LocalizedText;
	/** Sanitized HTML per locale. */
	description: LocalizedText;
	brand: string | null;
	values: ApiValues;
	axes: ApiAxis[];
	variants: ApiVariant[];
	media: ApiMedia[];
}

export interface ApiCategory {
	code: string;
	parent: string | null;
	label: LocalizedText;
	position: number;
	/** Codes from the root down to this category. */
	path: string[];
}

export const PRODUCT_STATUSES = ['published', 'draft', 'archived', 'any'] as const;

export interface ProductFilter {
	status: (typeof PRODUCT_STATUSES)[number];
	/** ISO 8601 in UTC with milliseconds, as stored: products changed at or after it. */
	updatedSince?: string;
	/** A category code: products in it or any category below it. */
	category?: string;
	/** A channel code: products visible on it now. */
	channel?: string;
}

/** Attribute types whose values are the media list, not values. */
const MEDIA_TYPES = new Set(['image', 'model3d']);

function valuesOf(def: CatalogDefinition, raw: RawValues): ApiValues {
	const out: ApiValues = {};
	for (const [code, byChannel] of Object.entries(raw)) {
		const attr = def.attributes.get(code);
		if (!attr || MEDIA_TYPES.has(attr.type)) continue;
		const list: ApiValue[] = [];
		for (const [ch, byLocale] of Object.entries(byChannel))
			for (const [loc, data] of Object.entries(byLocale)) {
				if (data === null || data === undefined) continue;
				list.push({ locale: loc === ALL ? null : loc, channel: ch === ALL ? null : ch, data: attr.type === 'richtext' && typeof data === 'string' ? sanitizeDescription(data) : data });
			}
		if (list.length) out[code] = list;
	}
	return out;
}

function localized(raw: RawValues, code: string, sanitize = false): LocalizedText {
	const out: LocalizedText = {};
	for (const [loc, v] of Object.entries(raw[code]?.[ALL] ?? {})) if (typeof v === 'string' && v.trim()) out[loc] = sanitize ? sanitizeDescription(v) : v;
	return out;
}

function group<T, K>(list: T[], key: (t: T) => K): Map<K, T[]> {
	const m = new Map<K, T[]>();
	for (const x of list) {
		const k = key(x);
		const arr = m.get(k);
		if (arr) arr.push(x);
		else m.set(k, [x]);
	}
	return m;
}

type ProductRow = typeof product.$inferSelect;

/**
 * The API's view of some products, in a handful of queries for the whole page: localized
 * texts, values, variants with prices, media with absolute links, channels and categories.
 */
export function productViews(db: AppDb, def: CatalogDefinition, rows: ProductRow[], base: string, today = new Date().toISOString().slice(0, 10)): ApiProduct[] {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const vars = db.select().from(variant).where(inArray(variant.productId, ids)).orderBy(asc(variant.position), asc(variant.id)).all();
	const leafIds = vars.filter((v) => v.sellable).map((v) => v.id);
	const prices = leafIds.length ? db.select().from(price).where(inArray(price.variantId, leafIds)).orderBy(asc(price.currency)).all() : [];
	const cats = db.select().from(productCategory).where(inArray(productCategory.productId, ids)).all();
	const comp = db
		.select({ productId: completeness.productId, channel: completeness.channel, locale: completeness.locale, ratio: completeness.ratio, required: completeness.required, missing: completeness.missing })
		.from(completeness)
		.where(and(inArray(completeness.productId, ids), eq(completeness.locale, def.fallbackLocale)))
		.all();
	const files = db
		.select({ productId: productMedia.productId, variantId: productMedia.variantId, role: productMedia.role, alt: productMedia.alt, file: media.file, width: media.width, height: media.height })
		.from(productMedia)
		.innerJoin(media, eq(media.id, productMedia.mediaId))
		.where(inArray(productMedia.productId, ids))
		.orderBy(asc(productMedia.position), asc(productMedia.id))
		.all();
	const varsBy = group(vars, (v) => v.productId);
	const pricesBy = group(prices, (p) => p.variantId);
	const catsBy = group(cats, (c) => c.productId);
	const compBy = group(comp, (c) => c.productId);
	const filesBy = group(files, (f) => f.productId);
	const codeOf = new Map(vars.map((v) => [v.id, v.code]));
	const link = (path: string) => `${base}/media/${path}`;

	return rows.map((p) => {
		const pv = varsBy.get(p.id) ?? [];
		const byId = new Map(pv.map((v) => [v.id, v]));
		// Tree order, as the PIM shows them: each first-level variant, then the SKUs under it.
		const tree = pv.filter((v) => v.level === 1).flatMap((v) => [v, ...pv.filter((c) => c.parentId === v.id)]);
		const variants: ApiVariant[] = tree
			.filter((v) => v.sellable)
			.map((v) => {
				const parent = v.parentId != null ? byId.get(v.parentId) : undefined;
				return {
					sku: v.code,
					gtin: v.gtin,
					axes: { ...(parent?.axes ?? {}), ...v.axes },
					group: parent?.code ?? null,
					values: valuesOf(def, { ...(parent?.values ?? {}), ...v.values }),
					prices: (pricesBy.get(v.id) ?? []).map((pr) => {
						const sale = pr.saleAmount == null ? null : { amount: pr.saleAmount, start: pr.saleStart, end: pr.saleEnd };
						return { currency: pr.currency, amount: pr.amount, sale, current: sale && isSaleActive(sale, today) && sale.amount < pr.amount ? sale.amount : pr.amount };
					})
				};
			});
		const fam = def.familiesById.get(p.familyId);
		const axes: ApiAxis[] = (fam?.axes.flat() ?? []).map((code) => {
			const attr = def.attributes.get(code);
			const used = new Set(variants.map((v) => v.axes[code]).filter(Boolean));
			return {
				code,
				label: attr?.label ?? {},
				options: [...(attr?.options ?? new Map()).entries()].filter(([c]) => used.has(c)).map(([c, o]) => ({ code: c, label: o.label, hex: o.hex }))
			};
		});
		const mediaList: ApiMedia[] = (filesBy.get(p.id) ?? []).map((f) => {
			const owner = f.variantId == null ? null : (codeOf.get(f.variantId) ?? null);
			if (f.role === 'model3d') return { type: 'model3d', url: link(modelFile(f.file)), variant: owner, alt: f.alt ?? {}, width: null, height: null };
			const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];
			return {
				type: 'image',
				url: link(imageFile(f.file, largest)),
				variant: owner,
				alt: f.alt ?? {},
				width: f.width,
				height: f.height,
				renditions: IMAGE_WIDTHS.map((w) => ({ width: w, url: link(imageFile(f.file, w)) }))
			};
		});
		const brand = p.values.brand?.[ALL]?.[ALL];
		return {
			code: p.code,
			status: p.status,
			family: fam?.code ?? '',
			revision: p.revision,
			createdAt: p.createdAt,
			updatedAt: p.updatedAt,
			channels: visibleChannels(p.status, compBy.get(p.id) ?? [], def.fallbackLocale),
			categories: (catsBy.get(p.id) ?? []).map((c) => def.categoriesById.get(c.categoryId)?.code).filter((c): c is string => !!c).sort(),
			name: localized(p.values, 'name'),
			description: localized(p.values, 'description', true),
			brand: typeof brand === 'string' ? brand : null,
			values: valuesOf(def, p.values),
			axes,
			variants,
			media: mediaList
		};
	});
}

/** Ids of a category and every category below it. */
function subtree(def: CatalogDefinition, root: CategoryDef): number[] {
	const ids = [root.id];
	for (let i = 0; i < ids.length; i++) for (const c of def.categoriesById.values()) if (c.parentId === ids[i]) ids.push(c.id);
	return ids;
}

/**
 * Up to `limit + 1` products after id `after`, in id order, matching the filter (the surplus
 * row tells the caller a next page exists). Unknown category or channel codes match nothing.
 */
export function productRowsAfter(db: AppDb, def: CatalogDefinition, f: ProductFilter, after: number, limit: number): ProductRow[] {
	const conds: (SQL | undefined)[] = [gt(product.id, after)];
	if (f.status !== 'any') conds.push(eq(product.status, f.status));
	if (f.updatedSince) conds.push(gte(product.updatedAt, f.updatedSince));
	if (f.category !== undefined) {
		const root = def.categories.get(f.category);
		const ids = root ? subtree(def, root) : [];
		conds.push(ids.length ? sql`EXISTS (SELECT 1 FROM ${productCategory} WHERE ${productCategory.productId} = ${product.id} AND ${inArray(productCategory.categoryId, ids)})` : sql`0`);
	}
	if (f.channel !== undefined) {
		conds.push(eq(product.status, 'published'));
		conds.push(
			sql`EXISTS (SELECT 1 FROM ${completeness} WHERE ${completeness.productId} = ${product.id} AND ${completeness.channel} = ${f.channel} AND ${completeness.locale} = ${def.fallbackLocale} AND ${completeness.ratio} = 100)`
		);
	}
	return db
		.select()
		.from(product)
		.where(and(...conds))
		.orderBy(asc(product.id))
		.limit(limit + 1)
		.all();
}

/** One product by code, whatever its status, or null. */
export function productByCode(db: AppDb, code: string, base: string): ApiProduct | null {
	const row = db.select().from(product).where(eq(product.code, code)).get();
	if (!row) return null;
	return productViews(db, loadDefinition(db), [row], base)[0];
}

type CategoryRow = typeof category.$inferSelect;

/** Up to `limit + 1` categories after id `after`, in id order. */
export function categoryRowsAfter(db: AppDb, after: number, limit: number): CategoryRow[] {
	return db.select().from(category).where(gt(category.id, after)).orderBy(asc(category.id)).limit(limit + 1).all();
}

/** The API's view of some categories, with their parent's code and their path. */
export function categoryViews(def: CatalogDefinition, rows: CategoryRow[]): ApiCategory[] {
	return rows.map((c) => ({
		code: c.code,
		parent: c.parentId == null ? null : (def.categoriesById.get(c.parentId)?.code ?? null),
		label: c.label,
		position: c.position,
		path: categoryPath(def, c.id).map((n) => n.code)
	}));
}
