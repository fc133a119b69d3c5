import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimitedError, ValidationError } from '$pim';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { seedStores } from '../../../tests/helpers/stores.ts';
import { createUser, hashPassword, rolesFor, setUserDisabled, signIn, signOut, SESSION_IDLE_MS, SIGN_IN_LIMITS, userFromSession, resetPassword } from './auth.ts';
import type { AppDb } from './db/index.ts';

let t: ReturnType<typeof createTestDb>;
let db: AppDb;
const client = { address: '10.0.0.1', userAgent: 'test' };

beforeEach(async () => {
	t = createTestDb();
	db = t.db;
	seedStores(db);
	await createUser(db, { email: 'Mira@Example.com', name: 'Mira', role: 'merchandiser', password: 'correct horse battery' });
});
afterEach(() => t.cleanup());

describe('passwords', () => {
	it('are hashed with argon2id, never stored in clear', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$/);
		expect(db.$client.prepare('SELECT password_hash FROM user').pluck().get()).toMatch(/^\$argon2id\$v=19\$/);
	});

	it('must be long enough, and an associate needs a home store', async () => {
		await expect(createUser(db, { email: 'a@b.co', name: 'A', role: 'associate', password: 'short' })).rejects.toMatchObject({
			issues: expect.arrayContaining([
				{ path: 'password', message: 'At least 10 characters' },
				{ path: 'homeStore', message: 'An associate needs a home store' }
			])
		});
	});
});

describe('sign-in', () => {
	it('opens a session for the right password, whatever the e-mail case', async () => {
		const { token, user } = await signIn(db, { email: ' mira@example.COM ', password: 'correct horse battery', ...client });
		expect(user).toMatchObject({ email: 'mira@example.com', role: 'merchandiser' });
		expect(userFromSession(db, token)?.email).toBe('mira@example.com');
		// Only the token's hash is stored.
		expect(db.$client.prepare('SELECT id FROM session').pluck().get()).not.toBe(token);
	});

	it('answers a wrong password and an unknown e-mail the same way', async () => {
		const a = await signIn(db, { email: 'mira@example.com', password: 'wrong password!', ...client }).catch((e) => e);
		const b = await signIn(db, { email: 'nobody@example.com', password: 'wrong password!', ...client }).catch((e) => e);
		expect(a).toBeInstanceOf(ValidationError);
		expect(b.message).toBe(a.message);
	});

	it('locks out guessing after five failures per user, even with the right password', async () => {
		for (let i = 0; i < SIGN_IN_LIMITS.perUser.max; i++)
			await expect(signIn(db, { email: 'mira@example.com', password: `guess number ${i}`, ...client })).rejects.toBeInstanceOf(ValidationError);
		const locked = await signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client }).catch((e) => e);
		expect(locked).toBeInstanceOf(RateLimitedError);
		expect(locked.retryAfter).toBeGreaterThan(0);
		// A window later it works again.
		const later = Date.now() + SIGN_IN_LIMITS.perUser.windowMs + 1000;
		await expect(signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client }, later)).resolves.toBeTruthy();
	});

	it('does not count successful sign-ins against a shared address', async () => {
		for (let i = 0; i <= SIGN_IN_LIMITS.perAddress.max; i++)
			await expect(signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client })).resolves.toBeTruthy();
	});

	it('limits one address trying many users', async () => {
		let refused = 0;
		for (let i = 0; i <= SIGN_IN_LIMITS.perAddress.max; i++) {
			const e = await signIn(db, { email: `user${i}@example.com`, password: 'whatever pass', ...client }).catch((x) => x);
			if (e instanceof RateLimitedError) refused++;
		}
		expect(refused).toBe(1);
	});
});

describe('sessions', () => {
	it('expire after the idle time, end on sign-out, and end when the user is disabled or reset', async () => {
		const now = Date.now();
		const { token } = await signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client }, now);
		expect(userFromSession(db, token, now + SESSION_IDLE_MS + 1)).toBeNull();
		const second = (await signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client })).token;
		signOut(db, second);
		expect(userFromSession(db, second)).toBeNull();
		const third = await signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client });
		await createUser(db, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: 'another good one' });
		setUserDisabled(db, third.user.id, true);
		expect(userFromSession(db, third.token)).toBeNull();
		await expect(signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client })).rejects.toBeInstanceOf(ValidationError);
		setUserDisabled(db, third.user.id, false);
		const fourth = await signIn(db, { email: 'mira@example.com', password: 'correct horse battery', ...client });
		await resetPassword(db, fourth.user.id, 'a brand new secret');
		expect(userFromSession(db, fourth.token)).toBeNull();
	});

	it('keeps the last admin', async () => {
		const id = await createUser(db, { email: 'root@example.com', name: 'Root', role: 'admin', password: 'admin password 1' });
		expect(() => setUserDisabled(db, id, true)).toThrow(/last admin/);
	});
});

describe('areas', () => {
	it('close the PIM, admin and associate pages to the wrong roles and leave the kiosk open', () => {
		expect(rolesFor('/pim/products')).toEqual(['merchandiser', 'admin']);
		expect(rolesFor('/admin/users')).toEqual(['admin']);
		expect(rolesFor('/associate')).toEqual(['associate', 'admin']);
		expect(rolesFor('/pimento')).toBeNull();
		expect(rolesFor('/p/CHAIR-1')).toBeNull();
		expect(rolesFor('/')).toBeNull();
	});
});
