import { createHmac, randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { ConflictError, enqueueProducts, issuesFromZod, ValidationError } from '$pim';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from '../db/index.ts';
import { customerOrder, orderLine, shipment } from '../db/orders.schema.ts';
import { inventory, location } from '../db/store.schema.ts';
import { checkoutSchemaFor, type CheckoutInput } from './checkout.ts';
import { queueMessage, recordEvent } from './events.ts';
import { getOrder, sha256 } from './queries.ts';
import { mergeLines, planOrder } from './sourcing.ts';
import { orderSettings } from './settings.ts';
import type { OrderView, WantedLine } from './types.ts';

/** Order codes use characters nobody misreads aloud or on a receipt: no 0/O, 1/I. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const MAX_QUANTITY = 99;

/** A fresh order code: the store's code, a dash and six unambiguous characters. */
export function newOrderCode(storeCode: string): string {
	let s = '';
	for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return `${storeCode}-${s}`;
}

/** The secret in an order's phone status link: an HMAC of its code, so it cannot be guessed from the code. */
export function statusToken(secret: string, orderCode: string): string {
	return createHmac('sha256', secret).update(`order-status:${orderCode}`).digest('base64url');
}

function validateLines(lines: WantedLine[]): WantedLine[] {
	if (!Array.isArray(lines) || lines.length === 0) throw new ValidationError('The cart is empty', [{ path: 'lines', message: 'Add something to order first' }]);
	const issues = lines
		.filter((l) => !Number.isInteger(l.variantId) || !Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_QUANTITY)
		.map((l) => ({ path: `lines.${l.variantId}`, message: `Quantity must be a whole number from 1 to ${MAX_QUANTITY}` }));
	if (issues.length) throw new ValidationError('Invalid quantities', issues);
	return mergeLines(lines);
}

/**
 * Places an order for delivery or collection: sources every line, reserves its stock with
 * conditional updates in one transaction (each succeeds only while enough remains, so the
 * last unit is never sold twice, whichever process gets there first), and writes the order,
 * its shipments, the 'placed' event and the confirmation message. A line that cannot be
 * sourced throws ConflictError naming it (`lines.<variantId>`) and nothing is reserved.
 * The same idempotency key returns the order it placed before (`repeated: true`).
 */
export function placeOrder(
	db: AppDb,
	p: { idempotencyKey: string; storeId: number; channel: 'kiosk' | 'associate' | 'api'; associateId?: number | null; locale: string; lines: WantedLine[]; checkout: CheckoutInput; actor: string; secret: string }
): { order: OrderView; statusToken: string; repeated: boolean } {
	const key = p.idempotencyKey?.trim();
	if (!key || key.length > 200) throw new ValidationError('Missing idempotency key', [{ path: 'idempotencyKey', message: 'A key from 1 to 200 characters is required' }]);
	const previous = () => db.select({ id: customerOrder.id, code: customerOrder.code }).from(customerOrder).where(eq(customerOrder.idempotencyKey, key)).get();
	const repeat = (o: { id: number; code: string }) => ({ order: getOrder(db, o.id)!, statusToken: statusToken(p.secret, o.code), repeated: true });
	const before = previous();
	if (before) return repeat(before);

	const settings = orderSettings(db);
	const parsed = checkoutSchemaFor(settings.shipsTo).safeParse(p.checkout);
	if (!parsed.success) throw new ValidationError('Check the highlighted fields', issuesFromZod(parsed.error));
	const checkout = parsed.data;
	const lines = validateLines(p.lines);

	const placed = inTransaction(db, () => {
		// A twin submission may have committed while this one waited for the write lock.
		const twin = previous();
		if (twin) return { ...twin, repeated: true };
		const plan = planOrder(db, { storeId: p.storeId, lines, fulfilment: checkout.fulfilment, locale: p.locale }, settings);
		const { quote } = plan;
		if (quote.unavailable.length) {
			throw new ConflictError(
				quote.unavailable.length === 1 ? `${quote.unavailable[0].name || quote.unavailable[0].sku} can no longer be ordered` : 'Some items can no longer be ordered',
				quote.unavailable.map((u) => ({
					path: `lines.${u.variantId}`,
					message: u.available > 0 ? `Only ${u.available} can be ordered` : 'No longer available to order'
				}))
			);
		}
		for (const a of plan.allocations) {
			const r = db
				.update(inventory)
				.set({ reserved: sql`${inventory.reserved} + ${a.quantity}`, updatedAt: new Date().toISOString() })
				.where(
					and(
						eq(inventory.locationId, a.locationId),
						eq(inventory.variantId, a.variantId),
						sql`${inventory.onHand} - ${inventory.reserved} - (SELECT ${location.safetyStock} FROM ${location} WHERE ${location.id} = ${a.locationId}) >= ${a.quantity}`
					)
				)
				.run();
			if (r.changes === 0) {
				const v = plan.variants.get(a.variantId)!;
				throw new ConflictError(`${v.name} can no longer be ordered`, [{ path: `lines.${a.variantId}`, message: 'No longer available to order' }]);
			}
		}
		let code = newOrderCode(plan.storeCode);
		while (db.select({ id: customerOrder.id }).from(customerOrder).where(eq(customerOrder.code, code)).get()) code = newOrderCode(plan.storeCode);
		const now = new Date();
		const order = db
			.insert(customerOrder)
			.values({
				code,
				statusTokenHash: sha256(statusToken(p.secret, code)),
				idempotencyKey: key,
				storeId: p.storeId,
				channel: p.channel,
				associateId: p.channel === 'associate' ? (p.associateId ?? null) : null,
				fulfilment: checkout.fulfilment,
				currency: quote.currency,
				subtotal: quote.subtotal,
				shippingFee: quote.shippingFee,
				tax: quote.tax,
				total: quote.total,
				customerName: checkout.name,
				customerEmail: checkout.email ?? null,
				customerPhone: checkout.phone ?? null,
				address: checkout.address ? Object.fromEntries(Object.entries(checkout.address).filter(([, v]) => v != null)) as Record<string, string> : null,
				locale: p.locale,
				expiresAt: new Date(now.getTime() + settings.expiryMinutes * 60_000).toISOString(),
				createdAt: now.toISOString(),
				updatedAt: now.toISOString()
			})
			.returning({ id: customerOrder.id, code: customerOrder.code, customerEmail: customerOrder.customerEmail })
			.get();
		for (const sh of quote.shipments) {
			const { id: shipmentId } = db
				.insert(shipment)
				.values({ orderId: order.id, locationId: sh.locationId, fee: sh.fee, estimatedDate: sh.estimatedDate })
				.returning({ id: shipment.id })
				.get();
			for (const l of sh.lines) {
				const v = plan.variants.get(l.variantId)!;
				db.insert(orderLine)
					.values({ orderId: order.id, shipmentId, variantId: l.variantId, locationId: sh.locationId, sku: l.sku, name: v.options ? `${l.name} (${v.options})` : l.name, quantity: l.quantity, unitPrice: l.unitPrice })
					.run();
			}
		}
		recordEvent(db, order.id, 'placed', p.actor, null, { channel: p.channel });
		queueMessage(db, order, 'confirmation');
		enqueueProducts(db, plan.allocations.map((a) => a.productId));
		return { id: order.id, code: order.code, repeated: false };
	});
	if (placed.repeated) return repeat(placed);
	return { order: getOrder(db, placed.id)!, statusToken: statusToken(p.secret, placed.code), repeated: false };
}
