import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { PimDb } from '../db.ts';
import { outbox } from './search.schema.ts';

/** Records that these products changed; call inside the transaction that changed them. */
export function enqueueProducts(db: PimDb, productIds: Iterable<number>) {
	const t = Date.now();
	const rows = [...new Set(productIds)].map((entityId) => ({ topic: 'product' as const, entityId, createdAt: t, availableAt: t }));
	for (let i = 0; i < rows.length; i += 500) db.insert(outbox).values(rows.slice(i, i + 500)).run();
}

export interface ClaimedBatch {
	/** Outbox row ids claimed. */
	rowIds: number[];
	/** Distinct products they name: repeated changes to one product coalesce to one update. */
	productIds: number[];
}

/**
 * Claims up to `limit` due rows for `owner` for `leaseMs`. Rows whose lease ran out (a
 * crashed worker) are due again, so a change is never lost and never stuck.
 */
export function claimOutbox(db: PimDb, owner: string, limit = 500, leaseMs = 30_000): ClaimedBatch {
	const t = Date.now();
	const claimed = db.$client
		.prepare(
			`UPDATE outbox SET lease_owner = ?, lease_until = ?
			 WHERE id IN (SELECT id FROM outbox WHERE processed_at IS NULL AND available_at <= ?
			   AND (lease_until IS NULL OR lease_until < ?) ORDER BY id LIMIT ?)
			 RETURNING id, entity_id`
		)
		.all(owner, t + leaseMs, t, t, limit) as { id: number; entity_id: number }[];
	return { rowIds: claimed.map((r) => r.id), productIds: [...new Set(claimed.map((r) => r.entity_id))] };
}

/** Marks claimed rows done (only those still leased by `owner`). */
export function completeOutbox(db: PimDb, owner: string, rowIds: number[]) {
	const t = Date.now();
	for (let i = 0; i < rowIds.length; i += 500)
		db.update(outbox)
			.set({ processedAt: t, leaseOwner: null, leaseUntil: null })
			.where(and(inArray(outbox.id, rowIds.slice(i, i + 500)), eq(outbox.leaseOwner, owner)))
			.run();
}

/**
 * Gives claimed rows back. With `countAttempt` (the documents themselves failed) the row
 * waits longer each time; without it (the search server was unreachable) it is due at `retryAt`.
 */
export function releaseOutbox(db: PimDb, owner: string, rowIds: number[], error: string, countAttempt: boolean, retryAt = Date.now()) {
	for (let i = 0; i < rowIds.length; i += 500) {
		const ids = rowIds.slice(i, i + 500);
		db.update(outbox)
			.set({
				leaseOwner: null,
				leaseUntil: null,
				lastError: error.slice(0, 500),
				attempts: countAttempt ? sql`${outbox.attempts} + 1` : outbox.attempts,
				availableAt: countAttempt ? sql`${Date.now()} + min(60000, 500 * (1 << min(${outbox.attempts}, 7)))` : retryAt
			})
			.where(and(inArray(outbox.id, ids), eq(outbox.leaseOwner, owner)))
			.run();
	}
}

/** Number of changes not yet in the index. */
export function pendingOutboxCount(db: PimDb): number {
	return db.select({ n: sql<number>`count(*)` }).from(outbox).where(isNull(outbox.processedAt)).get()?.n ?? 0;
}

/** Highest outbox id so far (0 when empty): a rebuild replays what comes after it. */
export function outboxHighWater(db: PimDb): number {
	return db.select({ n: sql<number>`coalesce(max(id), 0)` }).from(outbox).get()?.n ?? 0;
}

/** Products changed after outbox row `afterId`. */
export function productsChangedSince(db: PimDb, afterId: number): number[] {
	return db
		.selectDistinct({ id: outbox.entityId })
		.from(outbox)
		.where(and(sql`${outbox.id} > ${afterId}`, eq(outbox.topic, 'product')))
		.orderBy(asc(outbox.entityId))
		.all()
		.map((r) => r.id);
}

/** Deletes processed rows older than `ageMs`. */
export function pruneOutbox(db: PimDb, ageMs = 24 * 3600_000) {
	db.delete(outbox)
		.where(and(lte(outbox.processedAt, Date.now() - ageMs), or(isNull(outbox.leaseOwner), lt(outbox.leaseUntil, Date.now()))))
		.run();
}

/**
 * Enqueues products whose sale price starts or ends on `today` (YYYY-MM-DD): their search
 * price changes with the date, not with an edit.
 */
export function enqueueSaleBoundaries(db: PimDb, today: string): number {
	const yesterday = new Date(Date.parse(today) - 86400_000).toISOString().slice(0, 10);
	const rows = db.all<{ id: number }>(
		sql`SELECT DISTINCT v.product_id AS id FROM price p JOIN variant v ON v.id = p.variant_id WHERE p.sale_start = ${today} OR p.sale_end = ${yesterday}`
	);
	enqueueProducts(db, rows.map((r) => r.id));
	return rows.length;
}
