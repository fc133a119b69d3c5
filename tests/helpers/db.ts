import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type AppDb } from '../../src/lib/server/db/index.ts';

/** A fresh SQLite file migrated from drizzle/, in its own temporary directory. */
export function createTestDb(): { db: AppDb; dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'aisle-test-db-'));
	const db = openDatabase(join(dir, 'aisle.db'), resolve(import.meta.dirname, '../..'));
	return {
		db,
		dir,
		cleanup() {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
