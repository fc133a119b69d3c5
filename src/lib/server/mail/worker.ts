import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { AppDb } from '../db/index.ts';
import { customerOrder, outgoingMessage } from '../db/orders.schema.ts';
import { store } from '../db/store.schema.ts';
import type { OrderView } from '../orders/types.ts';
import { MESSAGE_KINDS, type MessageKind } from './copy.ts';
import { renderOrderMessage } from './templates.ts';
import type { MailTransport } from './transport.ts';

/** What the mail worker reads and sends with; the orders module supplies the order functions. */
export interface MailWorkerDeps {
	db: AppDb;
	transport: MailTransport;
	/** The order as pages show it (`orders.getOrder`). */
	loadOrder(orderId: number): OrderView | null;
	/** The phone status link of an order (`${publicUrl}/m/o/${orders.statusToken(secret, code)}`). */
	statusUrl(orderCode: string): string;
	/** Days customer details are kept (`orders.orderSettings(db).retentionDays`). */
	retentionDays?(): number;
	log?(message: string): void;
}

export interface MailWorkerOptions {
	intervalMs?: number;
	maxAttempts?: number;
	/** First retry delay; it doubles with each failed attempt. */
	backoffMs?: number;
	/** How long a claimed row is left alone before another worker may try it (longer than a send can take). */
	leaseMs?: number;
	batchSize?: number;
}

/** Why a message is not sent at all: it ends 'failed' at once, with this as its error. */
const NO_EMAIL = 'no e-mail address';

const iso = (d: Date) => d.toISOString();

/**
 * Sends the customer messages the orders module queues in `outgoing_message`.
 *
 * While a row is pending, `sent_at` holds the start of its last attempt: claiming a row is a
 * conditional update on (status, attempts, sent_at) as read, so of two servers only one
 * wins an attempt, and the other leaves the row alone for the lease. A failed attempt waits
 * `backoffMs · 2^(attempts−1)` (at least the lease); after `maxAttempts` the row is 'failed'.
 * Rows without an e-mail address (phone-only customers) are marked 'failed' with the error
 * "no e-mail address" and nothing is written: the associate console shows that no message
 * went, and no extra copy of the customer's details lands on disk.
 */
export class MailWorker {
	#timer: NodeJS.Timeout | undefined;
	#running: Promise<unknown> | null = null;
	#stopped = true;
	#lastPrune = 0;
	readonly #o: Required<MailWorkerOptions>;

	constructor(
		private deps: MailWorkerDeps,
		options: MailWorkerOptions = {}
	) {
		this.#o = { intervalMs: 2000, maxAttempts: 5, backoffMs: 30_000, leaseMs: 120_000, batchSize: 20, ...options };
	}

	start() {
		this.#stopped = false;
		this.#schedule(0);
	}

	/** Stops polling and waits for a batch in progress. */
	async stop() {
		this.#stopped = true;
		clearTimeout(this.#timer);
		await this.#running;
	}

	#schedule(ms: number) {
		if (this.#stopped) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#running = this.runOnce()
				.then((n) => this.#schedule(n >= this.#o.batchSize ? 0 : this.#o.intervalMs))
				.catch((e) => {
					this.deps.log?.(`Mail: ${e instanceof Error ? e.message : e}`);
					this.#schedule(this.#o.intervalMs);
				})
				.finally(() => (this.#running = null));
		}, ms);
		this.#timer.unref();
	}

	#delay(attempts: number) {
		if (attempts === 0) return 0;
		return Math.max(this.#o.leaseMs, this.#o.backoffMs * 2 ** (attempts - 1));
	}

	/** Handles the due pending rows (up to a batch); returns how many it took on. */
	async runOnce(now = new Date()): Promise<number> {
		const { db, transport } = this.deps;
		if (now.getTime() - this.#lastPrune > 3600_000 && this.deps.retentionDays) {
			this.#lastPrune = now.getTime();
			transport.prune(new Date(now.getTime() - this.deps.retentionDays() * 86400_000));
		}
		const candidates = db
			.select()
			.from(outgoingMessage)
			.where(and(eq(outgoingMessage.status, 'pending'), lt(outgoingMessage.attempts, this.#o.maxAttempts)))
			.orderBy(asc(outgoingMessage.id))
			.limit(this.#o.batchSize * 5)
			.all()
			.filter((m) => !m.sentAt || Date.parse(m.sentAt) + this.#delay(m.attempts) <= now.getTime())
			.slice(0, this.#o.batchSize);
		let handled = 0;
		for (const m of candidates) {
			const claimed = db.run(
				sql`UPDATE outgoing_message SET attempts = attempts + 1, sent_at = ${iso(now)}
				    WHERE id = ${m.id} AND status = 'pending' AND attempts = ${m.attempts} AND sent_at IS ${m.sentAt}`
			);
			if (claimed.changes === 0) continue; // another worker took this attempt
			handled++;
			await this.#deliver(m);
		}
		return handled;
	}

	async #deliver(m: typeof outgoingMessage.$inferSelect) {
		const { db, transport } = this.deps;
		const giveUp = (error: string) =>
			db.update(outgoingMessage).set({ status: 'failed', error, sentAt: null }).where(eq(outgoingMessage.id, m.id)).run();
		if (!m.recipient?.trim()) return giveUp(NO_EMAIL);
		if (!(MESSAGE_KINDS as readonly string[]).includes(m.kind)) return giveUp(`unknown message kind "${m.kind}"`);
		const order = m.orderId === null ? null : this.deps.loadOrder(m.orderId);
		if (!order) return giveUp('order not found');
		if (order.customer.erased) return giveUp('customer data erased');
		try {
			const place = db
				.select({ locale: customerOrder.locale, name: store.name, street: store.street, city: store.city, postalCode: store.postalCode, timeZone: store.timezone })
				.from(customerOrder)
				.innerJoin(store, eq(store.id, customerOrder.storeId))
				.where(eq(customerOrder.id, order.id))
				.get();
			const message = renderOrderMessage(order, m.kind as MessageKind, place?.locale ?? 'en', {
				statusUrl: this.deps.statusUrl(order.code),
				retentionDays: this.deps.retentionDays?.(),
				store: place ?? null,
				timeZone: place?.timeZone
			});
			const result = await transport.send({ to: m.recipient, ...message, ref: m.id });
			db.update(outgoingMessage).set({ status: result.status, sentAt: iso(new Date()), error: null }).where(eq(outgoingMessage.id, m.id)).run();
		} catch (e) {
			const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
			this.deps.log?.(`Mail ${m.id} (${m.kind}, order ${m.orderId}) attempt ${m.attempts + 1} failed: ${error}`);
			db.run(
				sql`UPDATE outgoing_message SET error = ${error},
				    status = CASE WHEN attempts >= ${this.#o.maxAttempts} THEN 'failed' ELSE 'pending' END,
				    sent_at = CASE WHEN attempts >= ${this.#o.maxAttempts} THEN NULL ELSE sent_at END
				    WHERE id = ${m.id}`
			);
		}
	}
}
