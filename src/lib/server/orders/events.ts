import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/index.ts';
import { customerOrder, orderEvent, outgoingMessage } from '../db/orders.schema.ts';

/** Message kinds the customer is sent, with their subject lines. */
export const MESSAGE_SUBJECTS = {
	confirmation: (code: string) => `Your order ${code}`,
	shipped: (code: string) => `Your order ${code} is on its way`,
	ready: (code: string) => `Your order ${code} is ready for collection`,
	cancelled: (code: string) => `Your order ${code} was cancelled`
} as const;

export type MessageKind = keyof typeof MESSAGE_SUBJECTS;

/** Writes one entry of the order's timeline. */
export function recordEvent(db: AppDb, orderId: number, type: string, actor: string, reason: string | null = null, data: Record<string, unknown> | null = null) {
	db.insert(orderEvent).values({ orderId, type, actor, reason, data, createdAt: new Date().toISOString() }).run();
}

/** Queues a message to the customer (sent later by the mailer); none when there is no e-mail to send it to. */
export function queueMessage(db: AppDb, order: { id: number; code: string; customerEmail: string | null }, kind: MessageKind) {
	if (!order.customerEmail) return;
	db.insert(outgoingMessage).values({ orderId: order.id, kind, recipient: order.customerEmail, subject: MESSAGE_SUBJECTS[kind](order.code) }).run();
}

/** The SQL timestamp the schema's defaults use, for updated_at. */
export const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export type OrderRow = typeof customerOrder.$inferSelect;
