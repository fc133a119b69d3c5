import { eq } from 'drizzle-orm';
import type { AppDb } from './index.ts';
import { appMeta } from './meta.schema.ts';

/** Reads a recorded fact, or null. */
export function getMeta(db: AppDb, key: string): string | null {
	return db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key)).get()?.value ?? null;
}

/** Records a fact. */
export function setMeta(db: AppDb, key: string, value: string) {
	db.insert(appMeta).values({ key, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } }).run();
}

/** Forgets a fact. */
export function deleteMeta(db: AppDb, key: string) {
	db.delete(appMeta).where(eq(appMeta.key, key)).run();
}
