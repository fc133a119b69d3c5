import { and, eq, inArray, sql } from 'drizzle-orm';
import { enqueueProducts, issuesFromZod, NotFoundError, ValidationError } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from './db/index.ts';
import { inventory, location, store } from './db/store.schema.ts';
import { z } from 'zod';

/** Where a product can be had, as search and the kiosk need it. */
export interface ProductAvailability {
	/** Codes of stores with shelf stock (on hand − reserved > 0) of any variant. */
	storesInStock: string[];
	/** Whether any shipping location can promise a unit (on hand − reserved − safety stock > 0). */
	deliverable: boolean;
}

/** Availability of the given products, in one query. */
export function availabilityOf(db: AppDb, productIds: number[]): Map<number, ProductAvailability> {
	const out = new Map<number, ProductAvailability>();
	for (const id of productIds) out.set(id, { storesInStock: [], deliverable: false });
	if (productIds.length === 0) return out;
	const rows = db
		.select({
			productId: variant.productId,
			kind: location.kind,
			ships: location.ships,
			storeCode: store.code,
			free: sql<number>`sum(${inventory.onHand} - ${inventory.reserved})`,
			promisable: sql<number>`sum(max(0, ${inventory.onHand} - ${inventory.reserved} - ${location.safetyStock}))`
		})
		.from(inventory)
		.innerJoin(variant, eq(variant.id, inventory.variantId))
		.innerJoin(location, eq(location.id, inventory.locationId))
		.leftJoin(store, eq(store.id, location.storeId))
		.where(inArray(variant.productId, productIds))
		.groupBy(variant.productId, location.id)
		.all();
	for (const r of rows) {
		const a = out.get(r.productId)!;
		if (r.kind === 'store' && r.storeCode && r.free > 0) a.storesInStock.push(r.storeCode);
		if (r.ships && r.promisable > 0) a.deliverable = true;
	}
	for (const a of out.values()) a.storesInStock.sort();
	return out;
}

export const stockInputSchema = z.object({
	location: z.string().min(1),
	sku: z.string().min(1),
	onHand: z.number().int().min(0, 'Stock cannot be negative').max(1_000_000),
	aisle: z.string().trim().max(10).nullable().optional(),
	bay: z.string().trim().max(10).nullable().optional()
});

/**
 * Sets the counted stock of a variant at a location (a stock take or a delivery), keeping
 * what is reserved, and tells search in the same transaction.
 */
export function setStock(db: AppDb, input: z.input<typeof stockInputSchema>) {
	const r = stockInputSchema.safeParse(input);
	if (!r.success) throw new ValidationError('Invalid stock', issuesFromZod(r.error));
	const data = r.data;
	inTransaction(db, () => {
		const loc = db.select({ id: location.id }).from(location).where(eq(location.code, data.location)).get();
		const v = db.select({ id: variant.id, productId: variant.productId, sellable: variant.sellable }).from(variant).where(eq(variant.code, data.sku)).get();
		if (!loc) throw new NotFoundError(`No location ${data.location}`);
		if (!v || !v.sellable) throw new NotFoundError(`No sellable variant ${data.sku}`);
		const current = db.select().from(inventory).where(and(eq(inventory.locationId, loc.id), eq(inventory.variantId, v.id))).get();
		if (current && data.onHand < current.reserved)
			throw new ValidationError('Invalid stock', [{ path: 'onHand', message: `${current.reserved} units are reserved for orders` }]);
		const row = {
			onHand: data.onHand,
			aisle: data.aisle === undefined ? (current?.aisle ?? null) : data.aisle,
			bay: data.bay === undefined ? (current?.bay ?? null) : data.bay,
			updatedAt: new Date().toISOString()
		};
		db.insert(inventory)
			.values({ locationId: loc.id, variantId: v.id, ...row })
			.onConflictDoUpdate({ target: [inventory.locationId, inventory.variantId], set: row })
			.run();
		enqueueProducts(db, [v.productId]);
	});
}
