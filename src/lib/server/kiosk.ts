import { createHash, createHmac, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { NotFoundError } from '$pim';
import type { AppDb } from './db/index.ts';
import { kioskDevice, kioskSetupLink } from './db/kiosk.schema.ts';
import { store } from './db/store.schema.ts';

/** Name of the http-only cookie that remembers which store a screen belongs to. */
export const KIOSK_COOKIE = 'aisle_kiosk';

function hash(token: string) {
	return createHash('sha256').update(token).digest('hex');
}

/** The demo stores' setup tokens, derived from the session secret so `npm start` can print them again without storing them. */
export function demoSetupToken(secret: string, storeCode: string): string {
	return createHmac('sha256', secret).update(`kiosk-setup:${storeCode}`).digest('base64url').slice(0, 32);
}

/** Records a setup link for a store; only the token's hash is kept. */
export function createSetupLink(db: AppDb, storeCode: string, token: string, label: string) {
	const s = db.select({ id: store.id }).from(store).where(eq(store.code, storeCode)).get();
	if (!s) throw new NotFoundError(`No store ${storeCode}`);
	db.insert(kioskSetupLink).values({ storeId: s.id, tokenHash: hash(token), label }).onConflictDoNothing().run();
}

/** The store a setup link binds to, or null when the link is unknown or revoked. */
export function findSetupLink(db: AppDb, storeCode: string, token: string) {
	return (
		db
			.select({ id: kioskSetupLink.id, storeId: store.id, storeCode: store.code, storeName: store.name, city: store.city })
			.from(kioskSetupLink)
			.innerJoin(store, eq(store.id, kioskSetupLink.storeId))
			.where(and(eq(kioskSetupLink.tokenHash, hash(token)), eq(store.code, storeCode), isNull(kioskSetupLink.revokedAt)))
			.get() ?? null
	);
}

/** Binds this screen to the link's store: records a device and returns the token for its cookie. */
export function registerDevice(db: AppDb, storeCode: string, setupToken: string, userAgent: string | null): string {
	const link = findSetupLink(db, storeCode, setupToken);
	if (!link) throw new NotFoundError('This setup link is not valid (it may have been revoked)');
	const token = randomBytes(32).toString('base64url');
	const count = db.select({ n: sql<number>`count(*)` }).from(kioskDevice).where(eq(kioskDevice.storeId, link.storeId)).get()?.n ?? 0;
	db.insert(kioskDevice)
		.values({ storeId: link.storeId, tokenHash: hash(token), name: `${link.city} kiosk ${count + 1}`, userAgent: userAgent?.slice(0, 300) ?? null })
		.run();
	return token;
}

/** The device and store behind a kiosk cookie, or null. */
export function deviceFromToken(db: AppDb, token: string | undefined) {
	if (!token || token.length > 100) return null;
	return (
		db
			.select({ deviceId: kioskDevice.id, storeId: store.id, storeCode: store.code })
			.from(kioskDevice)
			.innerJoin(store, eq(store.id, kioskDevice.storeId))
			.where(and(eq(kioskDevice.tokenHash, hash(token)), isNull(kioskDevice.revokedAt)))
			.get() ?? null
	);
}

/** Records that a kiosk is alive and which app version it runs. */
export function recordHeartbeat(db: AppDb, deviceId: number, appVersion: string) {
	db.update(kioskDevice)
		.set({ lastSeenAt: new Date().toISOString(), appVersion: appVersion.slice(0, 40) })
		.where(eq(kioskDevice.id, deviceId))
		.run();
}

/** The kiosks of a store (all stores when null) with their last contact and app version, for staff. */
export function listKiosks(db: AppDb, storeId: number | null) {
	return db
		.select({ id: kioskDevice.id, name: kioskDevice.name, store: store.code, storeName: store.name, lastSeenAt: kioskDevice.lastSeenAt, appVersion: kioskDevice.appVersion, revokedAt: kioskDevice.revokedAt })
		.from(kioskDevice)
		.innerJoin(store, eq(store.id, kioskDevice.storeId))
		.where(storeId == null ? sql`1` : eq(kioskDevice.storeId, storeId))
		.orderBy(store.code, kioskDevice.name)
		.all();
}
