import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { join } from 'node:path';
import * as schema from './schema.ts';

export type AppDb = ReturnType<typeof openDatabase>;

/**
 * Opens the SQLite file with the settings a busy server needs (WAL, foreign keys, a
 * busy timeout so two processes wait for each other instead of failing) and brings
 * its schema up to date from the migrations in `drizzle/`.
 */
export function openDatabase(file: string, root: string) {
	const client = new Database(file);
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = NORMAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	client.pragma('cache_size = -65536');
	const db = drizzle({ client, schema });
	migrate(db, { migrationsFolder: join(root, 'drizzle') });
	return db;
}
