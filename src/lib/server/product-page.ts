import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import {
	ALL,
	categoryPath,
	getProduct,
	isSaleActive,
	imageFile,
	labelIn,
	modelFile,
	usdzFile,
	loadDefinition,
	plainText,
	readLocalized,
	type AttributeDef,
	type CatalogDefinition,
	type LeafVariantData
} from '$pim';
import { variant, type RawValues } from '$pim/catalog/catalog.schema.ts';
import { media, productMedia } from '$pim/media/media.schema.ts';
import { review } from '$pim/reviews/reviews.schema.ts';
import type { AppDb } from './db/index.ts';
import { inventory, location, store } from './db/store.schema.ts';

/** Attributes that are shown elsewhere on the page (or not at all), never in the specifications. */
const NOT_SPECS = new Set(['name', 'description', 'image', 'model_3d', 'tagline', 'brand']);

export interface AxisOption {
	code: string;
	label: string;
	hex: string | null;
}

export interface Axis {
	code: string;
	label: string;
	/** Colour axes are shown as swatches. */
	swatches: boolean;
	options: AxisOption[];
}

export interface Sellable {
	sku: string;
	/** Axis code → option code, both levels merged. */
	axes: Record<string, string>;
	/** Code of the level-1 variant (e.g. the colour) this SKU sits under, if any. */
	parent: string | null;
	price: { amount: number; regular: number | null } | null;
}

export interface GalleryImage {
	src: string;
	srcset: string;
	alt: string;
	width: number | null;
	height: number | null;
	/** Code of the variant (a colour node or a SKU) the image belongs to; null for the whole product. */
	variant: string | null;
}

export interface Spec {
	code: string;
	label: string;
	value: string;
}

export interface RatingSummary {
	average: number | null;
	count: number;
	/** Counts for 5, 4, 3, 2 and 1 stars, in that order. */
	histogram: { stars: number; count: number }[];
}

export interface ProductDetail {
	id: number;
	code: string;
	name: string;
	brand: string;
	/** Sanitized HTML: only p, ul, ol, li, strong, em and br survive. */
	descriptionHtml: string;
	currency: string;
	leafCategoryId: number | null;
	categoryPath: string[];
	axes: Axis[];
	sellables: Sellable[];
	images: GalleryImage[];
	specs: Spec[];
	rating: RatingSummary;
	/** The product's 3D model, when it has one. */
	model: ProductModel | null;
}

export interface ProductModel {
	/** The stored model's name under the media directory (what the AR files are made from). */
	file: string;
	/** glTF binary, for the viewer and Android's Scene Viewer. */
	src: string;
	/** USDZ, for iOS Quick Look. */
	usdz: string;
	/** "46 × 82 × 52 cm" (width × height × depth) from the PIM, when all three are known. */
	dimensions: string | null;
}

/** Keeps only the few tags a description may use; everything else (scripts, links, styles, attributes) goes. */
export function sanitizeDescription(html: string): string {
	return sanitizeHtml(html, { allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'br'], allowedAttributes: {}, disallowedTagsMode: 'discard' });
}

const UNIT_SYMBOLS: Record<string, string> = { WATT: 'W', KILOWATT: 'kW', LUMEN: 'lm', KELVIN: 'K', VOLT: 'V', MILLIAMPERE_HOUR: 'mAh' };

/** "45 cm", "3.2 kg", "45 см": Intl's short units where it knows them, a symbol otherwise. */
export function formatMeasurement(amount: number, unit: string, locale: string): string {
	const intlUnit = unit.toLowerCase().replace(/_/g, '-');
	try {
		return new Intl.NumberFormat(locale, { style: 'unit', unit: intlUnit, unitDisplay: 'short', maximumFractionDigits: 2 }).format(amount);
	} catch {
		return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)} ${UNIT_SYMBOLS[unit] ?? unit.toLowerCase()}`;
	}
}

function formatValue(attr: AttributeDef, data: unknown, locale: string, fallback: string, yesNo: [string, string]): string | null {
	const opt = (code: string) => {
		const o = attr.options.get(code);
		return o ? labelIn(o.label, locale, fallback) : code;
	};
	switch (attr.type) {
		case 'text':
			return typeof data === 'string' ? data : null;
		case 'richtext':
			return typeof data === 'string' ? plainText(data) : null;
		case 'number':
			return typeof data === 'number' ? new Intl.NumberFormat(locale).format(data) : null;
		case 'boolean':
			return typeof data === 'boolean' ? (data ? yesNo[0] : yesNo[1]) : null;
		case 'select':
			return typeof data === 'string' ? opt(data) : null;
		case 'multiselect':
			return Array.isArray(data) && data.length ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(data.map((d) => opt(String(d)))) : null;
		case 'measurement': {
			const m = data as { amount?: unknown; unit?: unknown } | null;
			return m && typeof m.amount === 'number' && typeof m.unit === 'string' ? formatMeasurement(m.amount, m.unit, locale) : null;
		}
		case 'date':
			return typeof data === 'string' ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(data)) : null;
		default:
			return null;
	}
}

function currencyFor(db: AppDb, def: CatalogDefinition, storeCode: string | null): string {
	if (storeCode) {
		const s = db.select({ currency: store.currency }).from(store).where(eq(store.code, storeCode)).get();
		if (s) return s.currency;
	}
	return def.channels.get('kiosk')?.currencies[0] ?? 'USD';
}

/**
 * Everything the product page shows that does not depend on the shopper's choices:
 * localized texts, variant axes and SKUs with prices in the store's currency, images,
 * specifications and the rating summary. Null when the product is missing or not published.
 */
export function productDetail(
	db: AppDb,
	code: string,
	locale: string,
	storeCode: string | null,
	labels: { yes: string; no: string } = { yes: 'Yes', no: 'No' },
	today = new Date().toISOString().slice(0, 10)
): ProductDetail | null {
	const def = loadDefinition(db);
	const p = getProduct(db, code, def);
	if (!p || p.status !== 'published') return null;
	const fam = def.families.get(p.family);
	const fallback = def.fallbackLocale;
	const read = (values: RawValues, attr: string) => readLocalized(values, attr, 'kiosk', locale, fallback);
	const name = String(read(p.values, 'name') ?? p.code);
	const brand = p.values.brand?.[ALL]?.[ALL];
	const description = read(p.values, 'description');
	const currency = currencyFor(db, def, storeCode);

	// Variants: leaves are sellable; a one-level (or simple) product's level-1 variants are its leaves.
	const sellables: Sellable[] = [];
	const leafPrice = (v: LeafVariantData): Sellable['price'] => {
		const pr = v.prices[currency];
		if (!pr) return null;
		return pr.sale && isSaleActive(pr.sale, today) && pr.sale.amount < pr.amount ? { amount: pr.sale.amount, regular: pr.amount } : { amount: pr.amount, regular: null };
	};
	for (const v of p.variants) {
		if (v.children.length === 0) sellables.push({ sku: v.code, axes: { ...v.axes }, parent: null, price: leafPrice(v) });
		for (const c of v.children) sellables.push({ sku: c.code, axes: { ...v.axes, ...c.axes }, parent: v.code, price: leafPrice(c) });
	}
	const axes: Axis[] = (fam?.axes.flat() ?? []).map((axisCode) => {
		const attr = def.attributes.get(axisCode);
		const used = new Set(sellables.map((s) => s.axes[axisCode]).filter(Boolean));
		const options = [...(attr?.options ?? new Map()).entries()]
			.filter(([c]) => used.has(c))
			.map(([c, o]) => ({ code: c, label: labelIn(o.label, locale, fallback), hex: o.hex }));
		return { code: axisCode, label: attr ? labelIn(attr.label, locale, fallback) : axisCode, swatches: options.some((o) => o.hex), options };
	});

	const imageRows = db
		.select({ file: media.file, width: media.width, height: media.height, alt: productMedia.alt, variantId: productMedia.variantId })
		.from(productMedia)
		.innerJoin(media, eq(media.id, productMedia.mediaId))
		.where(and(eq(productMedia.productId, p.id), eq(productMedia.role, 'image')))
		.orderBy(asc(productMedia.position), asc(productMedia.id))
		.all();
	const variantCodes = new Map(
		imageRows.some((i) => i.variantId != null)
			? db.select({ id: variant.id, code: variant.code }).from(variant).where(eq(variant.productId, p.id)).all().map((v) => [v.id, v.code])
			: []
	);
	const images: GalleryImage[] = imageRows.map((i) => ({
		src: `/media/${imageFile(i.file, 640)}`,
		srcset: [320, 640, 1024].map((w) => `/media/${imageFile(i.file, w)} ${w}w`).join(', '),
		alt: labelIn(i.alt ?? {}, locale, fallback) || name,
		width: i.width,
		height: i.height,
		variant: i.variantId == null ? null : (variantCodes.get(i.variantId) ?? null)
	}));

	// Specifications: the family's attributes in their defined order, read from the product,
	// then its first variant's nodes (so a per-variant material still shows).
	const axisCodes = new Set(fam?.axes.flat() ?? []);
	const first = p.variants[0];
	const nodeValues: RawValues[] = [p.values, ...(first ? [first.values, ...(first.children[0] ? [first.children[0].values] : [])] : [])];
	const specs: Spec[] = [];
	for (const attr of def.attributes.values()) {
		if (!fam?.levels.has(attr.code) || NOT_SPECS.has(attr.code) || axisCodes.has(attr.code)) continue;
		if (attr.type === 'image' || attr.type === 'model3d' || attr.type === 'price') continue;
		const data = nodeValues.map((v) => read(v, attr.code)).find((d) => d !== undefined && d !== null && d !== '');
		if (data === undefined) continue;
		const value = formatValue(attr, data, locale, fallback, [labels.yes, labels.no]);
		if (value) specs.push({ code: attr.code, label: labelIn(attr.label, locale, fallback), value });
	}

	const modelRow = db
		.select({ file: media.file })
		.from(productMedia)
		.innerJoin(media, eq(media.id, productMedia.mediaId))
		.where(and(eq(productMedia.productId, p.id), eq(productMedia.role, 'model3d')))
		.orderBy(asc(productMedia.position), asc(productMedia.id))
		.get();
	const model = modelRow ? { file: modelRow.file, src: `/media/${modelFile(modelRow.file)}`, usdz: `/media/${usdzFile(modelRow.file)}`, dimensions: dimensionsOf(nodeValues, read, locale) } : null;

	// The leaf category: the deepest of the product's categories.
	let leafCategoryId: number | null = null;
	let path: string[] = [];
	for (const c of p.categories) {
		const cat = def.categories.get(c);
		if (!cat) continue;
		const nodes = categoryPath(def, cat.id);
		if (nodes.length > path.length) {
			leafCategoryId = cat.id;
			path = nodes.map((n) => labelIn(n.label, locale, fallback));
		}
	}

	return {
		id: p.id,
		code: p.code,
		name,
		brand: typeof brand === 'string' ? brand : '',
		descriptionHtml: typeof description === 'string' ? sanitizeDescription(description) : '',
		currency,
		leafCategoryId,
		categoryPath: path,
		axes,
		sellables,
		images,
		specs,
		rating: ratingSummary(db, p.id),
		model
	};
}

/** Width × height × depth in one unit, as the PIM has them; null unless all three are there. */
function dimensionsOf(nodes: RawValues[], read: (values: RawValues, attr: string) => unknown, locale: string): string | null {
	const sizes = ['width', 'height', 'depth'].map((code) => nodes.map((v) => read(v, code)).find((d) => d != null) as { amount?: unknown; unit?: unknown } | undefined);
	if (sizes.some((s) => typeof s?.amount !== 'number' || typeof s.unit !== 'string')) return null;
	const unit = sizes[0]!.unit as string;
	if (sizes.some((s) => s!.unit !== unit)) return sizes.map((s) => formatMeasurement(s!.amount as number, s!.unit as string, locale)).join(' × ');
	const last = formatMeasurement(sizes[2]!.amount as number, unit, locale);
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	return `${number.format(sizes[0]!.amount as number)} × ${number.format(sizes[1]!.amount as number)} × ${last}`;
}

/** Average, count and per-star counts of a product's approved reviews. */
export function ratingSummary(db: AppDb, productId: number): RatingSummary {
	const rows = db
		.select({ rating: review.rating, n: sql<number>`count(*)` })
		.from(review)
		.where(and(eq(review.productId, productId), eq(review.status, 'approved')))
		.groupBy(review.rating)
		.all();
	const count = rows.reduce((s, r) => s + r.n, 0);
	const sum = rows.reduce((s, r) => s + r.rating * r.n, 0);
	return {
		average: count ? Math.round((sum / count) * 10) / 10 : null,
		count,
		histogram: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: rows.find((r) => r.rating === stars)?.n ?? 0 }))
	};
}

export const REVIEW_SORTS = ['newest', 'highest', 'lowest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const REVIEWS_PER_PAGE = 10;

/** The review controls as they arrive in the URL; anything invalid falls back to the default. */
export const reviewQuerySchema = z.object({
	sort: z.enum(REVIEW_SORTS).catch('newest'),
	stars: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().int().min(1).max(5).optional()).catch(undefined),
	shown: z.coerce.number().int().min(REVIEWS_PER_PAGE).max(500).catch(REVIEWS_PER_PAGE)
});
export type ReviewQuery = z.output<typeof reviewQuerySchema>;

/** Reads the review controls from URL search parameters. */
export function reviewQueryFrom(sp: URLSearchParams): ReviewQuery {
	return reviewQuerySchema.parse({ sort: sp.get('sort') ?? undefined, stars: sp.get('stars') ?? undefined, shown: sp.get('shown') ?? undefined });
}

export interface ReviewItem {
	id: number;
	rating: number;
	title: string;
	body: string;
	nickname: string;
	locale: string;
	createdAt: string;
}

/** One page of a product's approved reviews (in every locale), sorted and filtered by stars. */
export function productReviews(
	db: AppDb,
	productId: number,
	opts: { sort?: ReviewSort; stars?: number; offset?: number; limit?: number } = {}
): { items: ReviewItem[]; total: number } {
	const where = and(eq(review.productId, productId), eq(review.status, 'approved'), opts.stars ? eq(review.rating, opts.stars) : undefined);
	const order =
		opts.sort === 'highest' ? [desc(review.rating), desc(review.createdAt), desc(review.id)]
		: opts.sort === 'lowest' ? [asc(review.rating), desc(review.createdAt), desc(review.id)]
		: [desc(review.createdAt), desc(review.id)];
	const items = db
		.select({ id: review.id, rating: review.rating, title: review.title, body: review.body, nickname: review.nickname, locale: review.locale, createdAt: review.createdAt })
		.from(review)
		.where(where)
		.orderBy(...order)
		.limit(opts.limit ?? REVIEWS_PER_PAGE)
		.offset(opts.offset ?? 0)
		.all();
	const total = db.select({ n: sql<number>`count(*)` }).from(review).where(where).get()?.n ?? 0;
	return { items, total };
}

export interface StoreStock {
	code: string;
	name: string;
	city: string;
	/** Distance from this kiosk's store; null when the screen has no store. */
	distanceKm: number | null;
	/** Units on the shelf (on hand − reserved). */
	onShelf: number;
	/** Units that store may promise to others (minus its safety stock). */
	promisable: number;
}

export interface VariantAvailability {
	/** This kiosk's store; null when the screen is not bound to one. */
	here: { available: number; aisle: string | null; bay: string | null } | null;
	/** Other stores holding stock, nearest first. */
	stores: StoreStock[];
	/** Units the warehouses may promise for home delivery. */
	warehouse: number;
	/** Whether any shipping location can promise a unit. */
	deliverable: boolean;
}

/** Great-circle distance in kilometres. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const rad = (d: number) => (d * Math.PI) / 180;
	const dLat = rad(b.lat - a.lat);
	const dLng = rad(b.lng - a.lng);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Availability of each sellable variant of a product, by SKU: on this store's shelf with
 * aisle and bay, in other stores (nearest first) and in the warehouse for delivery.
 */
export function availabilityFor(db: AppDb, productId: number, storeCode: string | null): Record<string, VariantAvailability> {
	const leaves = db
		.select({ id: variant.id, code: variant.code })
		.from(variant)
		.where(and(eq(variant.productId, productId), eq(variant.sellable, true)))
		.all();
	const out: Record<string, VariantAvailability> = {};
	if (leaves.length === 0) return out;
	const here = storeCode
		? (db.select({ code: store.code, lat: store.latitude, lng: store.longitude }).from(store).where(eq(store.code, storeCode)).get() ?? null)
		: null;
	for (const l of leaves) out[l.code] = { here: here ? { available: 0, aisle: null, bay: null } : null, stores: [], warehouse: 0, deliverable: false };
	const codeOf = new Map(leaves.map((l) => [l.id, l.code]));
	const rows = db
		.select({
			variantId: inventory.variantId,
			onHand: inventory.onHand,
			reserved: inventory.reserved,
			aisle: inventory.aisle,
			bay: inventory.bay,
			kind: location.kind,
			ships: location.ships,
			safety: location.safetyStock,
			lat: location.latitude,
			lng: location.longitude,
			locationName: location.name,
			storeCode: store.code,
			storeName: store.name,
			city: store.city
		})
		.from(inventory)
		.innerJoin(location, eq(location.id, inventory.locationId))
		.leftJoin(store, eq(store.id, location.storeId))
		.where(inArray(inventory.variantId, leaves.map((l) => l.id)))
		.all();
	for (const r of rows) {
		const a = out[codeOf.get(r.variantId)!];
		const free = r.onHand - r.reserved;
		const promisable = Math.max(0, free - r.safety);
		if (r.ships && promisable > 0) a.deliverable = true;
		if (r.kind === 'warehouse') {
			a.warehouse += promisable;
		} else if (here && r.storeCode === here.code) {
			a.here = { available: Math.max(0, free), aisle: r.aisle, bay: r.bay };
		} else if (free > 0) {
			a.stores.push({
				code: r.storeCode ?? '',
				name: r.storeName ?? r.locationName,
				city: r.city ?? '',
				distanceKm: here ? Math.round(haversineKm(here, { lat: r.lat, lng: r.lng }) * 10) / 10 : null,
				onShelf: free,
				promisable
			});
		}
	}
	for (const a of Object.values(out)) a.stores.sort((x, y) => (x.distanceKm ?? 0) - (y.distanceKm ?? 0) || x.name.localeCompare(y.name));
	return out;
}
