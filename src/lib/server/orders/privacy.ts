import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { ConflictError } from '$pim';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from '../db/index.ts';
import { customerOrder, outgoingMessage } from '../db/orders.schema.ts';
import { recordEvent } from './events.ts';
import { orderFor } from './lifecycle.ts';
import { viewsOf } from './queries.ts';
import { orderSettings } from './settings.ts';

/** Orders whose details may be erased: nothing is left to deliver. */
const FINISHED = ['delivered', 'collected', 'cancelled'] as const;

/** A customer's orders, newest first, found by e-mail or phone as the checkout stored them. */
export function findCustomerOrders(db: AppDb, who: { email?: string; phone?: string }) {
	const email = who.email?.trim().toLowerCase();
	const phoneRaw = who.phone?.trim();
	const phone = phoneRaw ? (phoneRaw.startsWith('+') ? '+' : '') + phoneRaw.replace(/\D/g, '') : '';
	const conds: SQL[] = [];
	if (email) conds.push(eq(customerOrder.customerEmail, email));
	if (phone.replace('+', '').length >= 6) conds.push(eq(customerOrder.customerPhone, phone));
	if (conds.length === 0) return [];
	const rows = db.select().from(customerOrder).where(or(...conds)).orderBy(desc(customerOrder.createdAt), desc(customerOrder.id)).limit(200).all();
	return viewsOf(db, rows);
}

/**
 * Erases the customer's name, e-mail, phone and address from a finished order (and from
 * its messages), keeping lines, money and events; writes an 'erased' event.
 */
export function eraseCustomerData(db: AppDb, orderId: number, actor: string, reason = 'customer request') {
	inTransaction(db, () => {
		const o = orderFor(db, orderId, [...FINISHED], 'erased before it is delivered, collected or cancelled');
		if (o.erasedAt) throw new ConflictError(`The customer details of order ${o.code} were already erased`);
		const now = new Date().toISOString();
		db.update(customerOrder)
			.set({ customerName: null, customerEmail: null, customerPhone: null, address: null, erasedAt: now, updatedAt: now })
			.where(eq(customerOrder.id, o.id))
			.run();
		db.update(outgoingMessage).set({ recipient: null }).where(eq(outgoingMessage.orderId, o.id)).run();
		db.update(outgoingMessage)
			.set({ status: 'failed', error: 'customer details erased' })
			.where(and(eq(outgoingMessage.orderId, o.id), eq(outgoingMessage.status, 'pending')))
			.run();
		recordEvent(db, o.id, 'erased', actor, reason);
	});
}

/** The scheduled job: erases customer details of orders finished more than retentionDays ago; returns how many. */
export function eraseExpiredCustomerData(db: AppDb, now = new Date()): number {
	const cutoff = new Date(now.getTime() - orderSettings(db).retentionDays * 86_400_000).toISOString();
	const due = db
		.select({ id: customerOrder.id })
		.from(customerOrder)
		.where(and(inArray(customerOrder.status, [...FINISHED]), isNull(customerOrder.erasedAt), lt(customerOrder.updatedAt, cutoff)))
		.all();
	for (const { id } of due) eraseCustomerData(db, id, 'system', 'retention period ended');
	return due.length;
}
