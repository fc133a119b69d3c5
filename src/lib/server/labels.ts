import { and, asc, eq, exists, gt, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import bwip from 'bwip-js/node';
import QRCode from 'qrcode';
import { z } from 'zod';
import { isSaleActive, labelIn, loadDefinition, readLocalized, ValidationError, type CatalogDefinition } from '$pim';
import { price, product, productCategory, variant } from '$pim/catalog/catalog.schema.ts';
import type { AppDb } from './db/index.ts';
import { inventory, location, store } from './db/store.schema.ts';

/** Most labels one request prints; a bigger selection is cut and says so. */
export const MAX_LABELS = 1000;

/** Languages labels are printed in. */
export const LABEL_LOCALES = [
	{ code: 'en', label: 'English' },
	{ code: 'zh-CN', label: '简体中文' },
	{ code: 'ru', label: 'Русский' }
] as const;

/** Label sizes, each a CSS class of the sheet. */
export const LABEL_SIZES = [
	{ code: 'shelf', label: 'Shelf edge 70×37 mm' },
	{ code: 'large', label: 'Large 100×70 mm' }
] as const;

const optionalCode = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().max(64, 'At most 64 characters').optional());

/** The label form, read from the query string: a scope, a language and a size; a bad language or size falls back. */
export const labelRequestSchema = z.object({
	product: optionalCode,
	category: optionalCode,
	store: optionalCode,
	lang: z.enum(LABEL_LOCALES.map((l) => l.code)).catch('en'),
	size: z.enum(LABEL_SIZES.map((s) => s.code)).catch('shelf')
});

/** What to print labels for; given together, the filters narrow each other. */
export interface LabelScope {
	/** A product code. */
	product?: string;
	/** A category code; its subcategories are included. */
	category?: string;
	/** A store code: only variants on hand at the store, priced in its currency. */
	store?: string;
}

export interface LabelOptions {
	locale: string;
	/** Where phones and the kiosk reach us, e.g. `https://aisle.example`; the QR codes point there. */
	baseUrl: string;
	/** ISO date the sale prices are judged on. */
	today?: string;
}

/** The barcode symbologies a consumer-unit GTIN is printed in. */
export type BarcodeType = 'ean13' | 'upca' | 'ean8';

export interface ShelfLabel {
	sku: string;
	productCode: string;
	name: string;
	/** Axis option labels, e.g. "Blue · M"; empty for a simple product. */
	options: string;
	/** The GTIN as printed under its barcode (8, 12, 13 or 14 digits), or null. */
	gtin: string | null;
	/** In minor units; `regular` is the price before a sale running today. */
	price: { amount: number; regular: number | null; currency: string } | null;
	/** The GS1 Digital Link URI (or the product link when there is no GTIN) the QR code holds. */
	link: string;
	qrSvg: string;
	/** Null when the variant has no GTIN or only a GTIN-14 with an indicator digit. */
	barcodeSvg: string | null;
}

export interface LabelSheet {
	labels: ShelfLabel[];
	currency: string;
	/** True when the selection held more than MAX_LABELS sellable variants. */
	truncated: boolean;
}

/**
 * The printed form of a GTIN-14 and the barcode that carries it: GTIN-8 → EAN-8, GTIN-12 →
 * UPC-A, GTIN-13 → EAN-13. A GTIN-14 with an indicator digit is a case code, not a shelf item:
 * it is printed in digits with no linear barcode (its QR code still carries it).
 */
export function printedGtin(gtin14: string): { text: string; bcid: BarcodeType | null } {
	if (gtin14.startsWith('000000')) return { text: gtin14.slice(6), bcid: 'ean8' };
	if (gtin14.startsWith('00')) return { text: gtin14.slice(2), bcid: 'upca' };
	if (gtin14.startsWith('0')) return { text: gtin14.slice(1), bcid: 'ean13' };
	return { text: gtin14, bcid: null };
}

/** The barcode of a printed GTIN as SVG, drawn by bwip-js with its digits under the bars. */
export function barcodeSvg(bcid: BarcodeType, text: string): string {
	// Bars 10 mm high (truncated, as on most shelf edges) keep the symbol wide enough to scan.
	return bwip.toSVG({ bcid, text, includetext: true, textxalign: 'center', height: 10 });
}

/** The QR code of a link as SVG; level Q survives a scuffed or partly covered shelf label. */
export function qrSvg(link: string): Promise<string> {
	return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'Q', margin: 1 });
}

function descendants(def: CatalogDefinition, rootId: number): number[] {
	const ids = [rootId];
	for (let i = 0; i < ids.length; i++) {
		for (const c of def.categoriesById.values()) if (c.parentId === ids[i]) ids.push(c.id);
	}
	return ids;
}

/**
 * Shelf labels for the sellable variants of published products in a scope (a product, a
 * category with its subcategories, the stock of a store), at most MAX_LABELS of them: name
 * and options in `locale` (falling back to the catalog's fallback locale), price in the store's
 * currency or the kiosk channel's, a QR code with the GS1 Digital Link URI and the EAN barcode.
 */
export async function labelsFor(db: AppDb, scope: LabelScope, opts: LabelOptions): Promise<LabelSheet> {
	const def = loadDefinition(db);
	const today = opts.today ?? new Date().toISOString().slice(0, 10);
	const where: SQL[] = [eq(product.status, 'published'), eq(variant.sellable, true)];
	let currency = def.channels.get('kiosk')?.currencies[0] ?? 'USD';

	if (!scope.product && !scope.category && !scope.store) {
		throw new ValidationError('Choose a product, a category or a store', [{ path: 'product', message: 'Choose a product, a category or a store' }]);
	}
	if (scope.product) {
		const p = db.select({ id: product.id }).from(product).where(eq(product.code, scope.product)).get();
		if (!p) throw new ValidationError('Unknown product', [{ path: 'product', message: 'No product has this code' }]);
		where.push(eq(product.id, p.id));
	}
	if (scope.category) {
		const c = def.categories.get(scope.category);
		if (!c) throw new ValidationError('Unknown category', [{ path: 'category', message: 'No category has this code' }]);
		const inCategory = db
			.select({ one: productCategory.productId })
			.from(productCategory)
			.where(and(eq(productCategory.productId, product.id), inArray(productCategory.categoryId, descendants(def, c.id))));
		where.push(exists(inCategory));
	}
	if (scope.store) {
		const s = db.select({ id: store.id, currency: store.currency }).from(store).where(eq(store.code, scope.store)).get();
		if (!s) throw new ValidationError('Unknown store', [{ path: 'store', message: 'No store has this code' }]);
		currency = s.currency;
		const onShelf = db
			.select({ one: inventory.variantId })
			.from(inventory)
			.innerJoin(location, eq(location.id, inventory.locationId))
			.where(and(eq(inventory.variantId, variant.id), eq(location.storeId, s.id), eq(location.kind, 'store'), gt(inventory.onHand, 0)));
		where.push(exists(onShelf));
	}

	const parent = alias(variant, 'parent_variant');
	const rows = db
		.select({
			id: variant.id,
			sku: variant.code,
			gtin: variant.gtin,
			axes: variant.axes,
			parentAxes: parent.axes,
			productId: product.id,
			productCode: product.code,
			familyId: product.familyId
		})
		.from(variant)
		.innerJoin(product, eq(product.id, variant.productId))
		.leftJoin(parent, eq(parent.id, variant.parentId))
		.where(and(...where))
		.orderBy(asc(product.code), asc(parent.position), asc(variant.position), asc(variant.id))
		.limit(MAX_LABELS + 1)
		.all();
	const truncated = rows.length > MAX_LABELS;
	const chosen = rows.slice(0, MAX_LABELS);
	if (chosen.length === 0) return { labels: [], currency, truncated };

	const prices = new Map(
		db
			.select()
			.from(price)
			.where(and(inArray(price.variantId, chosen.map((r) => r.id)), eq(price.currency, currency)))
			.all()
			.map((p) => [p.variantId, p])
	);
	const productIds = [...new Set(chosen.map((r) => r.productId))];
	const names = new Map(
		db
			.select({ id: product.id, values: product.values })
			.from(product)
			.where(inArray(product.id, productIds))
			.all()
			.map((p) => [p.id, readLocalized(p.values, 'name', 'kiosk', opts.locale, def.fallbackLocale)])
	);
	const optionLabel = (axis: string, code: string) => {
		const o = def.attributes.get(axis)?.options.get(code);
		return o ? labelIn(o.label, opts.locale, def.fallbackLocale) : code;
	};

	const labels: ShelfLabel[] = [];
	for (const r of chosen) {
		const axes = { ...r.parentAxes, ...r.axes };
		const order = def.familiesById.get(r.familyId)?.axes.flat() ?? Object.keys(axes);
		const options = order.filter((a) => axes[a]).map((a) => optionLabel(a, axes[a])).join(' · ');
		const pr = prices.get(r.id);
		const onSale = !!pr && pr.saleAmount != null && pr.saleAmount < pr.amount && isSaleActive({ start: pr.saleStart, end: pr.saleEnd }, today);
		const printed = r.gtin ? printedGtin(r.gtin) : null;
		const link = r.gtin
			? `${opts.baseUrl}/01/${r.gtin}`
			: `${opts.baseUrl}/p/${encodeURIComponent(r.productCode)}?v=${encodeURIComponent(r.sku)}`;
		const name = names.get(r.productId);
		labels.push({
			sku: r.sku,
			productCode: r.productCode,
			name: typeof name === 'string' && name ? name : r.productCode,
			options,
			gtin: printed?.text ?? null,
			price: pr ? { amount: onSale ? pr.saleAmount! : pr.amount, regular: onSale ? pr.amount : null, currency } : null,
			link,
			qrSvg: await qrSvg(link),
			barcodeSvg: printed?.bcid ? barcodeSvg(printed.bcid, printed.text) : null
		});
	}
	return { labels, currency, truncated };
}
