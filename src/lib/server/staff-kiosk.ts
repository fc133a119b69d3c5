import { createHash, randomBytes } from 'node:crypto';
import { verify as argon2Verify } from '@node-rs/argon2';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { issuesFromZod, NotFoundError, ValidationError } from '$pim';
import { createSession, hashPassword, type SessionUser } from './auth.ts';
import type { AppDb } from './db/index.ts';
import { user } from './db/auth.schema.ts';
import { clearRateLimit, hitRateLimit, refundRateLimit } from './rate-limit.ts';

/** A staff session opened on a kiosk lasts this long; the idle reset ends it sooner. */
export const KIOSK_STAFF_SESSION_MS = 30 * 60_000;

/** PIN attempts on a kiosk: per screen (someone trying many colleagues) and per member of staff (guessing one PIN). */
export const PIN_LIMITS = {
	perDevice: { max: 5, windowMs: 15 * 60_000 },
	perUser: { max: 5, windowMs: 15 * 60_000 }
};

/** Badge codes tried on one screen; a badge secret cannot be guessed, so this only stops a flood. */
export const BADGE_LIMIT = { max: 20, windowMs: 15 * 60_000 };

/** A kiosk PIN: 4 to 8 digits. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'Use 4 to 8 digits');

/** The roles that may assist a shopper on a kiosk. */
const KIOSK_ROLES = ['associate', 'admin'] as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Sets (or changes) a member of staff's kiosk PIN; only its argon2id hash is kept. */
export async function setPin(db: AppDb, userId: number, pin: string): Promise<void> {
	const parsed = pinSchema.safeParse(pin);
	if (!parsed.success) throw new ValidationError('The PIN is not acceptable', issuesFromZod(parsed.error).map((i) => ({ ...i, path: 'pin' })));
	const pinHash = await hashPassword(parsed.data);
	const r = db.update(user).set({ pinHash }).where(eq(user.id, userId)).run();
	if (r.changes === 0) throw new NotFoundError('No such user');
}

/**
 * Makes a new badge secret for a member of staff and returns it, the only time it exists in
 * clear (it is printed as a QR code); only its SHA-256 is stored, and an older badge stops working.
 */
export function issueBadge(db: AppDb, userId: number): string {
	const token = randomBytes(24).toString('base64url');
	const r = db.update(user).set({ badgeTokenHash: sha256(token) }).where(eq(user.id, userId)).run();
	if (r.changes === 0) throw new NotFoundError('No such user');
	return token;
}

/** Whether a member of staff has a kiosk PIN and a badge, for their profile page. */
export function kioskCredentials(db: AppDb, userId: number): { hasPin: boolean; hasBadge: boolean } {
	const row = db.select({ pinHash: user.pinHash, badgeTokenHash: user.badgeTokenHash }).from(user).where(eq(user.id, userId)).get();
	return { hasPin: !!row?.pinHash, hasBadge: !!row?.badgeTokenHash };
}

/** Who may sign in with a PIN on a store's kiosks: names and ids only (the PIN pad's "who are you" step shows no e-mails). */
export function kioskStaffForStore(db: AppDb, storeId: number): { id: number; name: string }[] {
	return db
		.select({ id: user.id, name: user.name })
		.from(user)
		.where(and(eq(user.homeStoreId, storeId), inArray(user.role, [...KIOSK_ROLES]), isNull(user.disabledAt), isNotNull(user.pinHash)))
		.orderBy(asc(user.name))
		.all();
}

/** Whether the signed-in user is one who assists shoppers on a kiosk (an associate or an admin). */
export function isAssisting(u: SessionUser | null): u is SessionUser {
	return !!u && (KIOSK_ROLES as readonly string[]).includes(u.role);
}

/** Where a kiosk sign-in happens: the screen's store and device, and the client address. */
export interface KioskPlace {
	storeId: number;
	deviceId: number;
	address: string;
	userAgent?: string | null;
}

/** A kiosk sign-in: the session cookie's token and who signed in. */
export interface KioskSignIn {
	token: string;
	user: { id: number; name: string };
}

function openSession(db: AppDb, userId: number, place: KioskPlace, now: number): string {
	const userAgent = `kiosk #${place.deviceId}${place.userAgent ? ` ${place.userAgent}` : ''}`;
	const token = createSession(db, userId, { address: place.address, userAgent }, now, KIOSK_STAFF_SESSION_MS);
	db.update(user).set({ lastSignInAt: new Date(now).toISOString() }).where(eq(user.id, userId)).run();
	return token;
}

function staffOfStore(db: AppDb, storeId: number, where: ReturnType<typeof eq>) {
	return db
		.select({ id: user.id, name: user.name, pinHash: user.pinHash })
		.from(user)
		.where(and(where, eq(user.homeStoreId, storeId), inArray(user.role, [...KIOSK_ROLES]), isNull(user.disabledAt)))
		.get();
}

// Verified when nobody matches, so a refusal takes as long as a wrong PIN.
let dummyHash: Promise<string> | null = null;

/**
 * Checks a member of staff's PIN on a kiosk of their home store and opens a short session.
 * Attempts count against the screen and the person (RateLimitedError past the limit); a wrong
 * PIN, someone of another store and someone without a PIN all get the same answer.
 */
export async function signInWithPin(db: AppDb, input: KioskPlace & { userId: number; pin: string }, now = Date.now()): Promise<KioskSignIn> {
	const waitMessage = 'Too many PIN attempts. Wait a few minutes and try again.';
	hitRateLimit(db, `kiosk-pin:device:${input.deviceId}`, PIN_LIMITS.perDevice, waitMessage, now);
	hitRateLimit(db, `kiosk-pin:user:${input.userId}`, PIN_LIMITS.perUser, waitMessage, now);
	const wrong = new ValidationError('Wrong PIN', [{ path: 'pin', message: 'Wrong PIN' }]);
	const pin = input.pin.slice(0, 8);
	const row = staffOfStore(db, input.storeId, eq(user.id, input.userId));
	if (!row?.pinHash) {
		dummyHash ??= hashPassword(randomBytes(4).toString('hex'));
		await argon2Verify(await dummyHash, pin || '0').catch(() => false);
		throw wrong;
	}
	const ok = pinSchema.safeParse(pin).success && (await argon2Verify(row.pinHash, pin).catch(() => false));
	if (!ok) throw wrong;
	clearRateLimit(db, `kiosk-pin:user:${input.userId}`);
	refundRateLimit(db, `kiosk-pin:device:${input.deviceId}`);
	return { token: openSession(db, row.id, input, now), user: { id: row.id, name: row.name } };
}

/** The secret of a badge from what a scanner or a person gives: the code alone, or the whole `/staff/badge?t=` link. */
export function badgeTokenFrom(text: string): string {
	const s = text.trim();
	const m = /[?&]t=([^&#\s]+)/.exec(s);
	return m ? decodeURIComponent(m[1]) : s;
}

/** Signs a member of staff in on a kiosk of their home store with the secret on their badge. */
export function signInWithBadge(db: AppDb, input: KioskPlace & { token: string }, now = Date.now()): KioskSignIn {
	hitRateLimit(db, `kiosk-badge:device:${input.deviceId}`, BADGE_LIMIT, 'Too many badge attempts. Wait a few minutes and try again.', now);
	const token = badgeTokenFrom(input.token);
	const row = token && token.length <= 100 ? staffOfStore(db, input.storeId, eq(user.badgeTokenHash, sha256(token))) : undefined;
	if (!row) throw new ValidationError('This badge cannot sign in here', [{ path: 'badge', message: 'This badge cannot sign in here' }]);
	return { token: openSession(db, row.id, input, now), user: { id: row.id, name: row.name } };
}

/** Options of the session cookie a kiosk sign-in sets: http-only, and gone with the short session. */
export function kioskSessionCookie(secure: boolean) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: KIOSK_STAFF_SESSION_MS / 1000 };
}
