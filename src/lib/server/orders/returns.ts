import { and, eq, sql } from 'drizzle-orm';
import { enqueueProducts, NotFoundError, ValidationError, type Issue } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from '../db/index.ts';
import { orderLine, orderReturn } from '../db/orders.schema.ts';
import { inventory, location } from '../db/store.schema.ts';
import { recordEvent } from './events.ts';
import { orderFor } from './lifecycle.ts';

/** Input of a return at the counter. */
export interface ReturnInput {
	storeId: number;
	lines: { lineId: number; quantity: number; restock: boolean }[];
	reason: string;
	/** Minor units paid back. */
	refund: number;
	refundReference?: string;
}

/**
 * Records a return in a store: the chosen lines and quantities (never more than was
 * bought and not yet returned), the refund, and, for lines put back on sale, adds the
 * units to that store's shelf stock. The order's figures stay as they were.
 */
export function recordReturn(db: AppDb, orderId: number, input: ReturnInput, actor: string) {
	const issues: Issue[] = [];
	const reason = (input.reason ?? '').trim();
	if (!reason) issues.push({ path: 'reason', message: 'Say why the items come back' });
	if (reason.length > 500) issues.push({ path: 'reason', message: 'At most 500 characters' });
	if (!Number.isInteger(input.refund) || input.refund < 0) issues.push({ path: 'refund', message: 'Enter the refund, zero or more' });
	const chosen = (input.lines ?? []).filter((l) => l.quantity !== 0);
	if (chosen.length === 0) issues.push({ path: 'lines', message: 'Choose what comes back' });
	if (issues.length) throw new ValidationError('Check the return', issues);
	inTransaction(db, () => {
		const o = orderFor(db, orderId, ['shipped', 'delivered', 'ready', 'collected'], 'returned');
		const here = db
			.select({ id: location.id })
			.from(location)
			.where(and(eq(location.storeId, input.storeId), eq(location.kind, 'store')))
			.get();
		if (!here) throw new NotFoundError(`Store ${input.storeId} has no stock location`);
		const lines = new Map(db.select().from(orderLine).where(eq(orderLine.orderId, o.id)).all().map((l) => [l.id, l]));
		for (const c of chosen) {
			const l = lines.get(c.lineId);
			if (!l) issues.push({ path: `lines.${c.lineId}`, message: 'Not a line of this order' });
			else if (!Number.isInteger(c.quantity) || c.quantity < 1 || c.quantity > l.quantity - l.returnedQuantity)
				issues.push({ path: `lines.${c.lineId}`, message: `Between 1 and ${l.quantity - l.returnedQuantity} can come back` });
		}
		const refunded = db.select({ n: sql<number>`coalesce(sum(${orderReturn.refund}), 0)` }).from(orderReturn).where(eq(orderReturn.orderId, o.id)).get()?.n ?? 0;
		if (input.refund > o.total - refunded) issues.push({ path: 'refund', message: `At most ${o.total - refunded} can be refunded` });
		if (issues.length) throw new ValidationError('Check the return', issues);

		const products = new Set<number>();
		const recorded: { lineId: number; quantity: number; restocked: boolean }[] = [];
		for (const c of chosen) {
			const l = lines.get(c.lineId)!;
			db.update(orderLine).set({ returnedQuantity: sql`${orderLine.returnedQuantity} + ${c.quantity}` }).where(eq(orderLine.id, l.id)).run();
			const restocked = c.restock && l.variantId != null;
			if (restocked) {
				db.insert(inventory)
					.values({ locationId: here.id, variantId: l.variantId!, onHand: c.quantity })
					.onConflictDoUpdate({ target: [inventory.locationId, inventory.variantId], set: { onHand: sql`${inventory.onHand} + ${c.quantity}`, updatedAt: new Date().toISOString() } })
					.run();
				const v = db.select({ productId: variant.productId }).from(variant).where(eq(variant.id, l.variantId!)).get();
				if (v) products.add(v.productId);
			}
			recorded.push({ lineId: l.id, quantity: c.quantity, restocked });
		}
		const ref = input.refundReference?.trim() || null;
		db.insert(orderReturn).values({ orderId: o.id, storeId: input.storeId, reason, refund: input.refund, refundReference: ref, lines: recorded, actor }).run();
		recordEvent(db, o.id, 'return', actor, reason, { refund: input.refund, refundReference: ref, lines: recorded });
		enqueueProducts(db, products);
	});
}

