import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.ts';

/**
 * The database the PIM works on. The app's database has more tables than these;
 * the PIM only needs to know its own.
 */
export type PimDb = BetterSQLite3Database<typeof schema> & { $client: import('better-sqlite3').Database };

/** Runs `fn` in one synchronous transaction (better-sqlite3 cannot await inside one). */
export function inTransaction<T>(db: PimDb, fn: () => T): T {
	const client = db.$client;
	if (client.inTransaction) return fn();
	return client.transaction(fn).immediate();
}
