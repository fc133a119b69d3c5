import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { enqueueProducts } from '$pim';
import { product, variant } from '$pim/catalog/catalog.schema.ts';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from '../db/index.ts';
import { inventory, location, store } from '../db/store.schema.ts';

/** Stock of one SKU at one location, as other channels read it. */
export interface ApiLocationStock {
	location: string;
	kind: 'store' | 'warehouse';
	/** The store's code for a store location; null for a warehouse. */
	store: string | null;
	ships: boolean;
	onHand: number;
	reserved: number;
	/** On hand − reserved: what is physically free there now. */
	available: number;
	/** Available − the location's safety stock: what it may promise to other places. */
	promisable: number;
	aisle: string | null;
	bay: string | null;
	/** Sequence of the last till or ERP update applied; null when none came yet. */
	seq: number | null;
	updatedAt: string | null;
}

export interface ApiAvailability {
	sku: string;
	product: string;
	/** Whether any shipping location can promise a unit for delivery. */
	deliverable: boolean;
	locations: ApiLocationStock[];
}

type LocationRow = typeof location.$inferSelect & { storeCode: string | null };

/** A location by code with its store's code, or null. */
export function locationByCode(db: AppDb, code: string): LocationRow | null {
	return (
		db
			.select({ ...tableColumns(), storeCode: store.code })
			.from(location)
			.leftJoin(store, eq(store.id, location.storeId))
			.where(eq(location.code, code))
			.get() ?? null
	);
}

function tableColumns() {
	return {
		id: location.id,
		code: location.code,
		kind: location.kind,
		storeId: location.storeId,
		name: location.name,
		latitude: location.latitude,
		longitude: location.longitude,
		ships: location.ships,
		safetyStock: location.safetyStock
	};
}

interface SellableRow {
	id: number;
	sku: string;
	product: string;
}

/**
 * Up to `limit + 1` sellable variants after id `after`, in id order; only the given SKUs
 * when `skus` is set (SKUs that are not sellable variants are left out).
 */
export function sellableRowsAfter(db: AppDb, f: { skus?: string[]; productId?: number }, after: number, limit: number): SellableRow[] {
	const conds: (SQL | undefined)[] = [eq(variant.sellable, true), gt(variant.id, after)];
	if (f.skus) conds.push(f.skus.length ? inArray(variant.code, f.skus) : sql`0`);
	if (f.productId !== undefined) conds.push(eq(variant.productId, f.productId));
	return db
		.select({ id: variant.id, sku: variant.code, product: product.code })
		.from(variant)
		.innerJoin(product, eq(product.id, variant.productId))
		.where(and(...conds))
		.orderBy(asc(variant.id))
		.limit(limit + 1)
		.all();
}

/**
 * Availability of some sellable variants: every location holding a stock row for them, or
 * only `only` (with zeros where it has no row), by location code.
 */
export function availabilityViews(db: AppDb, rows: SellableRow[], only?: LocationRow): ApiAvailability[] {
	if (rows.length === 0) return [];
	const stock = db
		.select({ row: inventory, loc: tableColumns(), storeCode: store.code })
		.from(inventory)
		.innerJoin(location, eq(location.id, inventory.locationId))
		.leftJoin(store, eq(store.id, location.storeId))
		.where(and(inArray(inventory.variantId, rows.map((r) => r.id)), only ? eq(location.id, only.id) : undefined))
		.orderBy(asc(location.code))
		.all();
	const view = (loc: LocationRow, inv: typeof inventory.$inferSelect | null): ApiLocationStock => {
		const onHand = inv?.onHand ?? 0;
		const reserved = inv?.reserved ?? 0;
		return {
			location: loc.code,
			kind: loc.kind,
			store: loc.storeCode,
			ships: loc.ships,
			onHand,
			reserved,
			available: onHand - reserved,
			promisable: Math.max(0, onHand - reserved - loc.safetyStock),
			aisle: inv?.aisle ?? null,
			bay: inv?.bay ?? null,
			seq: inv?.sourceSeq ?? null,
			updatedAt: inv?.updatedAt ?? null
		};
	};
	return rows.map((r) => {
		const mine = stock.filter((s) => s.row.variantId === r.id).map((s) => view({ ...s.loc, storeCode: s.storeCode }, s.row));
		const locations = only && mine.length === 0 ? [view(only, null)] : mine;
		return { sku: r.sku, product: r.product, deliverable: locations.some((l) => l.ships && l.promisable > 0), locations };
	});
}

const MAX_UNITS = 1_000_000;

/** One stock update from a till or ERP: an absolute count or an adjustment, with its sequence. */
export const stockUpdateSchema = z
	.strictObject({
		location: z.string({ error: 'Required' }).trim().min(1, 'Required').max(64),
		sku: z.string({ error: 'Required' }).trim().min(1, 'Required').max(64),
		onHand: z.number().int('A whole number').min(0, 'Stock cannot be negative').max(MAX_UNITS).optional(),
		adjust: z
			.number()
			.int('A whole number')
			.min(-MAX_UNITS)
			.max(MAX_UNITS)
			.refine((n) => n !== 0, 'An adjustment of 0 changes nothing')
			.optional(),
		seq: z.number({ error: 'Required: a number that grows with every update of this SKU at this location' }).int('A whole number').min(0).max(Number.MAX_SAFE_INTEGER)
	})
	.superRefine((u, ctx) => {
		if ((u.onHand === undefined) === (u.adjust === undefined))
			ctx.addIssue({ code: 'custom', path: ['onHand'], message: 'Give either onHand (a count) or adjust (a change), not both or neither' });
	});

export const MAX_STOCK_UPDATES = 500;
export const stockBatchSchema = z.strictObject({
	updates: z.array(stockUpdateSchema, { error: 'Send the updates as a list' }).min(1, 'Send at least one update').max(MAX_STOCK_UPDATES, `At most ${MAX_STOCK_UPDATES} updates per request`)
});
export type StockUpdate = z.output<typeof stockUpdateSchema>;

export type StockOutcome = 'applied' | 'stale' | 'rejected';

export interface StockResult {
	index: number;
	location: string;
	sku: string;
	outcome: StockOutcome;
	/** The stock after this update (or as it stays, when stale or rejected); absent when the pair is unknown. */
	onHand?: number;
	reserved?: number;
	available?: number;
	seq?: number | null;
	error?: { code: 'not_found' | 'conflict'; message: string };
}

export interface StockBatchResult {
	results: StockResult[];
	summary: Record<StockOutcome, number>;
}

/**
 * Applies a batch of stock updates in one transaction, each on its own merits (per-item
 * results, not all-or-nothing):
 * - an update whose `seq` is not above the last one applied to that SKU at that location is
 *   stale (a late or repeated message) and ignored;
 * - `onHand` sets the count, `adjust` adds to it in SQL, so concurrent adjustments never
 *   overwrite one another;
 * - stock held for orders is never given away: a count or adjustment that would leave on hand
 *   below what is reserved is rejected with the reason, and changes nothing.
 * Search hears of every product whose stock changed, in the same transaction, so kiosks show it.
 */
export function applyStockUpdates(db: AppDb, updates: StockUpdate[]): StockBatchResult {
	return inTransaction(db, () => {
		const locCodes = [...new Set(updates.map((u) => u.location))];
		const skus = [...new Set(updates.map((u) => u.sku))];
		const locs = new Map(db.select({ id: location.id, code: location.code }).from(location).where(inArray(location.code, locCodes)).all().map((l) => [l.code, l.id]));
		const vars = new Map(
			db
				.select({ id: variant.id, code: variant.code, productId: variant.productId })
				.from(variant)
				.where(and(inArray(variant.code, skus), eq(variant.sellable, true)))
				.all()
				.map((v) => [v.code, v])
		);
		const changed = new Set<number>();
		const results = updates.map((u, index): StockResult => {
			const base = { index, location: u.location, sku: u.sku };
			const locationId = locs.get(u.location);
			const v = vars.get(u.sku);
			if (locationId === undefined) return { ...base, outcome: 'rejected', error: { code: 'not_found', message: `No location ${u.location}` } };
			if (!v) return { ...base, outcome: 'rejected', error: { code: 'not_found', message: `No sellable variant ${u.sku}` } };
			const where = and(eq(inventory.locationId, locationId), eq(inventory.variantId, v.id));
			const current = db.select().from(inventory).where(where).get();
			const state = (row: typeof current) => ({ onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0, available: (row?.onHand ?? 0) - (row?.reserved ?? 0), seq: row?.sourceSeq ?? null });
			if (current?.sourceSeq != null && u.seq <= current.sourceSeq) return { ...base, outcome: 'stale', ...state(current) };
			const reserved = current?.reserved ?? 0;
			const target = u.onHand ?? (current?.onHand ?? 0) + u.adjust!;
			if (target < reserved || target < 0) {
				const message =
					target < 0
						? `Adjusting by ${u.adjust} would leave ${target} on hand; stock cannot be negative`
						: `${reserved} ${reserved === 1 ? 'unit is' : 'units are'} reserved for orders here; on hand cannot go below that (asked for ${target})`;
				return { ...base, outcome: 'rejected', ...state(current), error: { code: 'conflict', message } };
			}
			const stamp = new Date().toISOString();
			if (!current) {
				db.insert(inventory).values({ locationId, variantId: v.id, onHand: target, sourceSeq: u.seq, updatedAt: stamp }).run();
			} else {
				// Conditional on what was read, as every stock move is: on a server where another
				// writer could slip in, the update then changes nothing instead of undoing theirs.
				const onHand = u.onHand ?? sql`${inventory.onHand} + ${u.adjust!}`;
				const r = db
					.update(inventory)
					.set({ onHand, sourceSeq: u.seq, updatedAt: stamp })
					.where(
						and(
							where,
							sql`(${inventory.sourceSeq} IS NULL OR ${inventory.sourceSeq} < ${u.seq})`,
							u.onHand !== undefined ? sql`${inventory.reserved} <= ${u.onHand}` : sql`${inventory.onHand} + ${u.adjust!} >= ${inventory.reserved}`
						)
					)
					.run();
				if (r.changes === 0) return { ...base, outcome: 'rejected', ...state(current), error: { code: 'conflict', message: 'The stock changed meanwhile; send the update again' } };
			}
			changed.add(v.productId);
			return { ...base, outcome: 'applied', ...state(db.select().from(inventory).where(where).get()) };
		});
		enqueueProducts(db, changed);
		const summary = { applied: 0, stale: 0, rejected: 0 };
		for (const r of results) summary[r.outcome]++;
		return { results, summary };
	});
}
