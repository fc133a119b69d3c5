import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { imageFile, isSaleActive, NotFoundError, readLocalized } from '$pim';
import { attribute, attributeOption, locale as localeTable, price, product, variant } from '$pim/catalog/catalog.schema.ts';
import { media, productMedia } from '$pim/media/media.schema.ts';
import type { AppDb } from '../db/index.ts';
import { inventory, location, store } from '../db/store.schema.ts';
import { haversineKm } from '../product-page.ts';
import { orderSettings, type OrderSettings } from './settings.ts';
import type { Quote, QuotedLine, QuotedShipment, WantedLine } from './types.ts';

/** Rounds half away from zero: what tax authorities and receipts expect. */
export function roundHalfAway(x: number): number {
	return Math.sign(x) * Math.round(Math.abs(x));
}

/** The tax in `amount` (minor units) at `bp` basis points: the included part, or what is added on top. */
export function taxOf(amount: number, bp: number, included: boolean): number {
	return roundHalfAway(included ? (amount * bp) / (10_000 + bp) : (amount * bp) / 10_000);
}

/** YYYY-MM-DD plus some calendar days. */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Adds up repeated variants, keeping the first one's place. */
export function mergeLines(lines: WantedLine[]): WantedLine[] {
	const out = new Map<number, number>();
	for (const l of lines) out.set(l.variantId, (out.get(l.variantId) ?? 0) + l.quantity);
	return [...out].map(([variantId, quantity]) => ({ variantId, quantity }));
}

interface Source {
	locationId: number;
	name: string;
	kind: 'store' | 'warehouse';
	distanceKm: number;
	/** On hand − reserved − safety stock: what this location may promise. */
	promisable: number;
}

interface VariantInfo {
	id: number;
	sku: string;
	productId: number;
	name: string;
	options: string;
	image: string | null;
	unitPrice: number | null;
	shelf: QuotedLine['shelf'];
	/** Shipping locations other than this store, warehouses first then nearest stores. */
	sources: Source[];
}

/** Where each wanted unit comes from: one or more sources per line. */
export interface Allocation {
	variantId: number;
	productId: number;
	locationId: number;
	quantity: number;
}

/** A quote and the allocations behind it, for placeOrder. */
export interface Plan {
	quote: Quote;
	storeCode: string;
	allocations: Allocation[];
	variants: Map<number, VariantInfo>;
}

function loadVariants(db: AppDb, here: { id: number; currency: string; lat: number; lng: number }, ids: number[], loc: string, today: string) {
	const out = new Map<number, VariantInfo>();
	if (ids.length === 0) return out;
	const parent = alias(variant, 'parent_variant');
	const rows = db
		.select({ id: variant.id, sku: variant.code, sellable: variant.sellable, axes: variant.axes, parentId: variant.parentId, parentAxes: parent.axes, productId: product.id, status: product.status, values: product.values })
		.from(variant)
		.innerJoin(product, eq(product.id, variant.productId))
		.leftJoin(parent, eq(parent.id, variant.parentId))
		.where(inArray(variant.id, ids))
		.all()
		.filter((r) => r.sellable && r.status === 'published');
	if (rows.length === 0) return out;
	const fallback = db.select({ code: localeTable.code }).from(localeTable).where(eq(localeTable.fallback, true)).get()?.code ?? 'en';
	const axisCodes = [...new Set(rows.flatMap((r) => [...Object.keys(r.parentAxes ?? {}), ...Object.keys(r.axes)]))];
	const optionLabels = new Map<string, Record<string, string>>();
	if (axisCodes.length) {
		for (const o of db
			.select({ attr: attribute.code, code: attributeOption.code, label: attributeOption.label })
			.from(attributeOption)
			.innerJoin(attribute, eq(attribute.id, attributeOption.attributeId))
			.where(inArray(attribute.code, axisCodes))
			.all())
			optionLabels.set(`${o.attr}:${o.code}`, o.label);
	}
	const prices = new Map(
		db.select().from(price).where(and(inArray(price.variantId, ids), eq(price.currency, here.currency))).all().map((p) => [p.variantId, p])
	);
	const images = db
		.select({ productId: productMedia.productId, variantId: productMedia.variantId, file: media.file })
		.from(productMedia)
		.innerJoin(media, eq(media.id, productMedia.mediaId))
		.where(and(inArray(productMedia.productId, [...new Set(rows.map((r) => r.productId))]), eq(productMedia.role, 'image')))
		.orderBy(asc(productMedia.position), asc(productMedia.id))
		.all();
	for (const r of rows) {
		const axes = { ...(r.parentAxes ?? {}), ...r.axes };
		const options = Object.entries(axes)
			.map(([a, o]) => {
				const label = optionLabels.get(`${a}:${o}`);
				return label ? label[loc] || label[fallback] || o : o;
			})
			.join(' · ');
		const mine = images.filter((i) => i.productId === r.productId);
		const img = mine.find((i) => i.variantId === r.id) ?? mine.find((i) => i.variantId != null && i.variantId === r.parentId) ?? mine.find((i) => i.variantId == null) ?? mine[0];
		const p = prices.get(r.id);
		const sale = p && p.saleAmount != null ? { start: p.saleStart, end: p.saleEnd } : null;
		out.set(r.id, {
			id: r.id,
			sku: r.sku,
			productId: r.productId,
			name: String(readLocalized(r.values, 'name', 'kiosk', loc, fallback) ?? r.sku),
			options,
			image: img ? `/media/${imageFile(img.file, 320)}` : null,
			unitPrice: !p ? null : sale && isSaleActive(sale, today) && p.saleAmount! < p.amount ? p.saleAmount! : p.amount,
			shelf: null,
			sources: []
		});
	}
	const stock = db
		.select({
			variantId: inventory.variantId,
			onHand: inventory.onHand,
			reserved: inventory.reserved,
			aisle: inventory.aisle,
			bay: inventory.bay,
			locationId: location.id,
			name: location.name,
			kind: location.kind,
			storeId: location.storeId,
			ships: location.ships,
			safety: location.safetyStock,
			lat: location.latitude,
			lng: location.longitude
		})
		.from(inventory)
		.innerJoin(location, eq(location.id, inventory.locationId))
		.where(inArray(inventory.variantId, [...out.keys()]))
		.all();
	for (const s of stock) {
		const v = out.get(s.variantId)!;
		const free = s.onHand - s.reserved;
		if (s.kind === 'store' && s.storeId === here.id) {
			// This store's shelf: taken to the counter, never ordered.
			if (free > 0) v.shelf = { available: free, aisle: s.aisle, bay: s.bay };
			continue;
		}
		const promisable = free - s.safety;
		if (!s.ships || promisable <= 0) continue;
		v.sources.push({ locationId: s.locationId, name: s.name, kind: s.kind, distanceKm: haversineKm(here, { lat: s.lat, lng: s.lng }), promisable });
	}
	for (const v of out.values())
		v.sources.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'warehouse' ? -1 : 1) || a.distanceKm - b.distanceKm || a.locationId - b.locationId);
	return out;
}

/**
 * Where `quantity` units come from: the first source (warehouse, then nearest store) that
 * has them all; if none does, the fewest sources that together do (largest first). Null
 * when all sources together are short.
 */
export function pickSources(sources: Source[], quantity: number): { source: Source; quantity: number }[] | null {
	const single = sources.find((s) => s.promisable >= quantity);
	if (single) return [{ source: single, quantity }];
	const bySize = [...sources].sort((a, b) => b.promisable - a.promisable);
	const out: { source: Source; quantity: number }[] = [];
	let left = quantity;
	for (const s of bySize) {
		if (left === 0) break;
		const take = Math.min(left, s.promisable);
		out.push({ source: s, quantity: take });
		left -= take;
	}
	return left === 0 ? out : null;
}

/** Builds the quote and the allocations behind it; placeOrder runs this inside its transaction. */
export function planOrder(
	db: AppDb,
	q: { storeId: number; lines: WantedLine[]; fulfilment: 'delivery' | 'collect'; locale: string; today?: string },
	settings: OrderSettings = orderSettings(db)
): Plan {
	const today = q.today ?? new Date().toISOString().slice(0, 10);
	const here = db
		.select({ id: store.id, code: store.code, currency: store.currency, taxRateBp: store.taxRateBp, taxIncluded: store.taxIncluded, lat: store.latitude, lng: store.longitude })
		.from(store)
		.where(eq(store.id, q.storeId))
		.get();
	if (!here) throw new NotFoundError(`No store ${q.storeId}`);
	const wanted = mergeLines(q.lines).filter((l) => l.quantity > 0);
	const variants = loadVariants(db, here, wanted.map((l) => l.variantId), q.locale, today);

	const lines: QuotedLine[] = [];
	const unavailable: Quote['unavailable'] = [];
	const allocations: Allocation[] = [];
	const shipments = new Map<number, QuotedShipment>();
	for (const w of wanted) {
		const v = variants.get(w.variantId);
		if (!v || v.unitPrice == null) {
			// Gone from the catalog, or not sold in this store's currency.
			unavailable.push({ variantId: w.variantId, sku: v?.sku ?? '', name: v?.name ?? '', wanted: w.quantity, available: 0 });
			lines.push({ variantId: w.variantId, sku: v?.sku ?? '', name: v?.name ?? '', options: v?.options ?? '', image: v?.image ?? null, quantity: w.quantity, unitPrice: v?.unitPrice ?? 0, shelf: v?.shelf ?? null, orderable: 0 });
			continue;
		}
		const total = v.sources.reduce((s, x) => s + x.promisable, 0);
		const picked = pickSources(v.sources, w.quantity);
		lines.push({ variantId: v.id, sku: v.sku, name: v.name, options: v.options, image: v.image, quantity: w.quantity, unitPrice: v.unitPrice, shelf: v.shelf, orderable: Math.min(total, w.quantity) });
		if (!picked) {
			unavailable.push({ variantId: v.id, sku: v.sku, name: v.name, wanted: w.quantity, available: total });
			continue;
		}
		for (const p of picked) {
			allocations.push({ variantId: v.id, productId: v.productId, locationId: p.source.locationId, quantity: p.quantity });
			let sh = shipments.get(p.source.locationId);
			if (!sh) {
				sh = { locationId: p.source.locationId, locationName: p.source.name, kind: p.source.kind, lines: [], fee: 0, estimatedDate: addDays(today, settings.leadDays[p.source.kind]) };
				shipments.set(p.source.locationId, sh);
			}
			sh.lines.push({ variantId: v.id, sku: v.sku, name: v.name, quantity: p.quantity, unitPrice: v.unitPrice });
		}
	}
	const subtotal = allocations.reduce((s, a) => s + a.quantity * variants.get(a.variantId)!.unitPrice!, 0);
	const free = q.fulfilment === 'collect' || subtotal >= settings.freeAbove;
	for (const sh of shipments.values()) sh.fee = free ? 0 : settings.flatFee;
	const shippingFee = [...shipments.values()].reduce((s, sh) => s + sh.fee, 0);
	// Tax is charged on goods and delivery alike.
	const tax = taxOf(subtotal + shippingFee, here.taxRateBp, here.taxIncluded);
	const quote: Quote = {
		currency: here.currency,
		taxRateBp: here.taxRateBp,
		taxIncluded: here.taxIncluded,
		lines,
		shipments: [...shipments.values()],
		subtotal,
		shippingFee,
		tax,
		total: subtotal + shippingFee + (here.taxIncluded ? 0 : tax),
		unavailable
	};
	return { quote, storeCode: here.code, allocations, variants };
}

/**
 * What ordering these lines would be in this store: each line's shelf stock here (shown,
 * not ordered), the shipments that would bring it (warehouse first, else the nearest store
 * that ships; one per source), fees, dates, tax and total, and what cannot be sourced.
 */
export function quote(db: AppDb, q: { storeId: number; lines: WantedLine[]; fulfilment: 'delivery' | 'collect'; locale: string; today?: string }): Quote {
	return planOrder(db, q).quote;
}
