import { eq, lt, sql } from 'drizzle-orm';
import { RateLimitedError } from '$pim';
import type { AppDb } from './db/index.ts';
import { rateLimit } from './db/auth.schema.ts';

export interface Limit {
	/** Attempts allowed per window. */
	max: number;
	windowMs: number;
}

/**
 * Counts one attempt against `key` and throws RateLimitedError once `max` attempts fall in
 * the current window. One conditional upsert, so concurrent requests (or servers) cannot
 * both slip under the limit.
 */
export function hitRateLimit(db: AppDb, key: string, limit: Limit, message: string, now = Date.now()) {
	const row = db.get<{ window_start: number; count: number }>(sql`
		INSERT INTO rate_limit (key, window_start, count) VALUES (${key}, ${now}, 1)
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN window_start <= ${now - limit.windowMs} THEN 1 ELSE count + 1 END,
			window_start = CASE WHEN window_start <= ${now - limit.windowMs} THEN ${now} ELSE window_start END
		RETURNING window_start, count`);
	if (row.count > limit.max) {
		const retryAfter = Math.max(1, Math.ceil((row.window_start + limit.windowMs - now) / 1000));
		throw new RateLimitedError(message, retryAfter);
	}
}

/** Forgets the attempts counted against `key` (a successful sign-in clears its user's failures). */
export function clearRateLimit(db: AppDb, key: string) {
	db.delete(rateLimit).where(eq(rateLimit.key, key)).run();
}

/** Drops counters whose window ended long ago. */
export function pruneRateLimits(db: AppDb, olderThanMs = 24 * 3600_000, now = Date.now()) {
	db.delete(rateLimit).where(lt(rateLimit.windowStart, now - olderThanMs)).run();
}

/** Gives back one attempt (a sign-in that succeeded should not count against its address). */
export function refundRateLimit(db: AppDb, key: string) {
	db.update(rateLimit).set({ count: sql`max(${rateLimit.count} - 1, 0)` }).where(eq(rateLimit.key, key)).run();
}
