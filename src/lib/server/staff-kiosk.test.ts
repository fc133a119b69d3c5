import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimitedError, ValidationError } from '$pim';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import { createUser, signOut, userFromSession } from './auth.ts';
import type { AppDb } from './db/index.ts';
import { issueBadge, KIOSK_STAFF_SESSION_MS, kioskStaffForStore, setPin, signInWithBadge, signInWithPin } from './staff-kiosk.ts';

let t: ReturnType<typeof createTestDb>;
let db: AppDb;
let sea: number;
let pdx: number;
let sam: number;
let pat: number;
const password = 'correct horse battery';
const place = () => ({ storeId: sea, deviceId: 1, address: '10.0.0.9' });

beforeEach(async () => {
	t = createTestDb();
	db = t.db;
	seedStores(db);
	const storeId = (code: string) => db.$client.prepare('SELECT id FROM store WHERE code = ?').pluck().get(code) as number;
	sea = storeId('SEA1');
	pdx = storeId('PDX1');
	sam = await createUser(db, { email: 'sam@example.com', name: 'Sam', role: 'associate', homeStore: 'SEA1', password });
	pat = await createUser(db, { email: 'pat@example.com', name: 'Pat', role: 'associate', homeStore: 'PDX1', password });
	await createUser(db, { email: 'mira@example.com', name: 'Mira', role: 'merchandiser', homeStore: 'SEA1', password });
});
afterEach(() => t.cleanup());

describe('kiosk PINs', () => {
	it('take 4 to 8 digits and are stored only as argon2id', async () => {
		for (const bad of ['123', '123456789', '12a4', ' 1234']) {
			await expect(setPin(db, sam, bad)).rejects.toMatchObject({ issues: [{ path: 'pin', message: 'Use 4 to 8 digits' }] });
		}
		await setPin(db, sam, '4821');
		expect(db.$client.prepare('SELECT pin_hash FROM user WHERE id = ?').pluck().get(sam)).toMatch(/^\$argon2id\$/);
	});

	it('open a short session for the right PIN and refuse a wrong one', async () => {
		await setPin(db, sam, '4821');
		await expect(signInWithPin(db, { ...place(), userId: sam, pin: '4822' })).rejects.toBeInstanceOf(ValidationError);
		const now = Date.now();
		const { token, user } = await signInWithPin(db, { ...place(), userId: sam, pin: '4821' }, now);
		expect(user).toEqual({ id: sam, name: 'Sam' });
		expect(userFromSession(db, token, now + KIOSK_STAFF_SESSION_MS + 1000)).toBeNull();
		expect(userFromSession(db, token, now + 1000)?.name).toBe('Sam');
	});

	it('let only the staff of the kiosk’s own store sign in, and list only them, without e-mails', async () => {
		await setPin(db, sam, '4821');
		await setPin(db, pat, '1357');
		expect(kioskStaffForStore(db, sea)).toEqual([{ id: sam, name: 'Sam' }]);
		expect(kioskStaffForStore(db, pdx)).toEqual([{ id: pat, name: 'Pat' }]);
		// Pat's PIN is right, but this is a Seattle kiosk.
		await expect(signInWithPin(db, { ...place(), userId: pat, pin: '1357' })).rejects.toMatchObject({ message: 'Wrong PIN' });
	});

	it('are limited to 5 attempts per person, even when the right PIN comes next', async () => {
		await setPin(db, sam, '4821');
		const now = Date.now();
		for (let i = 0; i < 5; i++) {
			// Each try from another screen, so only the per-person limit applies.
			await expect(signInWithPin(db, { ...place(), deviceId: 10 + i, userId: sam, pin: '0000' }, now)).rejects.toBeInstanceOf(ValidationError);
		}
		await expect(signInWithPin(db, { ...place(), deviceId: 99, userId: sam, pin: '4821' }, now)).rejects.toBeInstanceOf(RateLimitedError);
		// After the window the right PIN works again.
		await expect(signInWithPin(db, { ...place(), userId: sam, pin: '4821' }, now + 16 * 60_000)).resolves.toMatchObject({ user: { id: sam } });
	});

	it('are limited to 5 attempts per screen across people', async () => {
		await setPin(db, sam, '4821');
		const now = Date.now();
		for (let i = 0; i < 5; i++) await expect(signInWithPin(db, { ...place(), userId: 1000 + i, pin: '0000' }, now)).rejects.toBeInstanceOf(ValidationError);
		await expect(signInWithPin(db, { ...place(), userId: sam, pin: '4821' }, now)).rejects.toBeInstanceOf(RateLimitedError);
	});
});

describe('badges', () => {
	it('sign in with the code or the whole link, and only the code’s hash is stored', () => {
		const code = issueBadge(db, sam);
		const stored = db.$client.prepare('SELECT badge_token_hash FROM user WHERE id = ?').pluck().get(sam) as string;
		expect(stored).toMatch(/^[0-9a-f]{64}$/);
		expect(stored).not.toContain(code);
		expect(signInWithBadge(db, { ...place(), token: code }).user.name).toBe('Sam');
		expect(signInWithBadge(db, { ...place(), token: `https://shop.example/staff/badge?t=${code}` }).user.name).toBe('Sam');
	});

	it('stop working when a new one is issued, and never work in another store', () => {
		const old = issueBadge(db, sam);
		const current = issueBadge(db, sam);
		expect(() => signInWithBadge(db, { ...place(), token: old })).toThrow(ValidationError);
		expect(() => signInWithBadge(db, { ...place(), storeId: pdx, token: current })).toThrow('This badge cannot sign in here');
	});
});

it('ends the staff session when the kiosk resets (the reset signs the session out)', async () => {
	await setPin(db, sam, '4821');
	const { token } = await signInWithPin(db, { ...place(), userId: sam, pin: '4821' });
	expect(userFromSession(db, token)).not.toBeNull();
	signOut(db, token);
	expect(userFromSession(db, token)).toBeNull();
});
