import { createHash, randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { and, asc, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, issuesFromZod, NotFoundError, ValidationError } from '$pim';
import type { AppDb } from './db/index.ts';
import { ROLES, session, user, type Role } from './db/auth.schema.ts';
import { store } from './db/store.schema.ts';
import { clearRateLimit, hitRateLimit, refundRateLimit } from './rate-limit.ts';

export { ROLES, type Role };

/** Name of the http-only cookie that holds a staff session token. */
export const SESSION_COOKIE = 'aisle_session';
/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 12 * 3600_000;

/** Failed sign-ins: per e-mail address (guessing one password) and per client address (trying many users). */
export const SIGN_IN_LIMITS = {
	perUser: { max: 5, windowMs: 15 * 60_000 },
	perAddress: { max: 30, windowMs: 15 * 60_000 }
};

/** The signed-in member of staff, as routes see it on `locals.user`. */
export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	homeStoreId: number | null;
	homeStoreCode: string | null;
}

export const emailSchema = z.string().trim().toLowerCase().max(200, 'At most 200 characters').pipe(z.email('Not an e-mail address'));
export const passwordSchema = z
	.string()
	.min(10, 'At least 10 characters')
	.max(200, 'At most 200 characters')
	.refine((p) => new Set(p).size >= 5, 'Use more different characters');

/** A new member of staff, as the admin page and the demo seed create them. */
export const userInputSchema = z
	.object({
		email: emailSchema,
		name: z.string().trim().min(1, 'Required').max(100, 'At most 100 characters'),
		role: z.enum(ROLES, 'Choose a role'),
		homeStore: z
			.string()
			.trim()
			.max(40)
			.transform((s) => s || null)
			.nullable()
			.default(null),
		password: passwordSchema
	})
	.superRefine((u, ctx) => {
		if (u.role === 'associate' && !u.homeStore) ctx.addIssue({ code: 'custom', path: ['homeStore'], message: 'An associate needs a home store' });
	});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum recommendation). */
export function hashPassword(password: string): Promise<string> {
	return argon2Hash(password);
}

function storeIdOf(db: AppDb, code: string | null): number | null {
	if (!code) return null;
	const s = db.select({ id: store.id }).from(store).where(eq(store.code, code)).get();
	if (!s) throw new ValidationError('The user has errors', [{ path: 'homeStore', message: `No store ${code}` }]);
	return s.id;
}

/** Adds a member of staff; the e-mail must be new. */
export async function createUser(db: AppDb, input: z.input<typeof userInputSchema>): Promise<number> {
	const parsed = userInputSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError('The user has errors', issuesFromZod(parsed.error));
	const u = parsed.data;
	const homeStoreId = storeIdOf(db, u.homeStore);
	const passwordHash = await hashPassword(u.password);
	const taken = db.select({ id: user.id }).from(user).where(eq(user.email, u.email)).get();
	if (taken) throw new ConflictError('The user has errors', [{ path: 'email', message: 'Someone already signs in with this e-mail' }]);
	return db.insert(user).values({ email: u.email, name: u.name, role: u.role, homeStoreId, passwordHash }).returning({ id: user.id }).get().id;
}

/** Everyone, for the admin page. */
export function listUsers(db: AppDb) {
	return db
		.select({
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role,
			homeStore: store.code,
			disabledAt: user.disabledAt,
			lastSignInAt: user.lastSignInAt,
			createdAt: user.createdAt
		})
		.from(user)
		.leftJoin(store, eq(store.id, user.homeStoreId))
		.orderBy(asc(user.email))
		.all();
}

function countActiveAdmins(db: AppDb, except: number): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(user)
		.where(and(eq(user.role, 'admin'), isNull(user.disabledAt), ne(user.id, except)))
		.get()!.n;
}

/** Disables or re-enables a user; disabling ends their sessions at once. The last admin stays. */
export function setUserDisabled(db: AppDb, id: number, disabled: boolean) {
	db.transaction(() => {
		const u = db.select().from(user).where(eq(user.id, id)).get();
		if (!u) throw new NotFoundError('No such user');
		if (disabled && u.role === 'admin' && countActiveAdmins(db, id) === 0)
			throw new ConflictError('This is the last admin: add another before disabling this one');
		db.update(user).set({ disabledAt: disabled ? new Date().toISOString() : null }).where(eq(user.id, id)).run();
		if (disabled) db.delete(session).where(eq(session.userId, id)).run();
	});
}

/** Sets a new password (an admin's reset) and signs the user out everywhere. */
export async function resetPassword(db: AppDb, id: number, password: string) {
	const parsed = passwordSchema.safeParse(password);
	if (!parsed.success) throw new ValidationError('The password is not acceptable', issuesFromZod(parsed.error).map((i) => ({ ...i, path: 'password' })));
	const passwordHash = await hashPassword(parsed.data);
	db.transaction(() => {
		const r = db.update(user).set({ passwordHash }).where(eq(user.id, id)).run();
		if (r.changes === 0) throw new NotFoundError('No such user');
		db.delete(session).where(eq(session.userId, id)).run();
	});
}

// Verified when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;

export interface SignInInput {
	email: string;
	password: string;
	address: string;
	userAgent: string | null;
}

/**
 * Checks an e-mail and password and opens a session; returns the cookie token. Every
 * attempt counts against the e-mail and the client address (RateLimitedError past the
 * limit); a wrong e-mail, wrong password and disabled account all get the same answer.
 */
export async function signIn(db: AppDb, input: SignInInput, now = Date.now()): Promise<{ token: string; user: SessionUser }> {
	const email = input.email.trim().toLowerCase().slice(0, 200);
	const wrong = new ValidationError('Wrong e-mail or password', [{ path: 'password', message: 'Wrong e-mail or password' }]);
	const waitMessage = 'Too many sign-in attempts. Wait a few minutes and try again.';
	hitRateLimit(db, `signin:address:${input.address}`, SIGN_IN_LIMITS.perAddress, waitMessage, now);
	hitRateLimit(db, `signin:user:${email}`, SIGN_IN_LIMITS.perUser, waitMessage, now);
	const row = db.select().from(user).where(eq(user.email, email)).get();
	const password = input.password.slice(0, 200);
	if (!row) {
		dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
		await argon2Verify(await dummyHash, password).catch(() => false);
		throw wrong;
	}
	const ok = await argon2Verify(row.passwordHash, password).catch(() => false);
	if (!ok || row.disabledAt) throw wrong;
	clearRateLimit(db, `signin:user:${email}`);
	refundRateLimit(db, `signin:address:${input.address}`);
	const token = createSession(db, row.id, input, now);
	db.update(user).set({ lastSignInAt: new Date(now).toISOString() }).where(eq(user.id, row.id)).run();
	return { token, user: (await userFromSession(db, token, now))! };
}

/** Opens a session for a user and returns its token (the only place the token exists in clear). */
export function createSession(
	db: AppDb,
	userId: number,
	input: { address: string; userAgent: string | null },
	now = Date.now(),
	ttlMs = SESSION_IDLE_MS
): string {
	const token = randomBytes(32).toString('base64url');
	db.insert(session)
		.values({ id: sha256(token), userId, expiresAt: now + ttlMs, ttlMs, address: input.address.slice(0, 60), userAgent: input.userAgent?.slice(0, 300) ?? null })
		.run();
	return token;
}

/**
 * The user behind a session cookie, or null when it is unknown, expired or the user is
 * disabled. Renews the session when less than half its idle time remains.
 */
export function userFromSession(db: AppDb, token: string | undefined, now = Date.now()): SessionUser | null {
	if (!token || token.length > 100) return null;
	const id = sha256(token);
	const row = db
		.select({
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role,
			homeStoreId: user.homeStoreId,
			homeStoreCode: store.code,
			expiresAt: session.expiresAt,
			ttlMs: session.ttlMs
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.leftJoin(store, eq(store.id, user.homeStoreId))
		.where(and(eq(session.id, id), gt(session.expiresAt, now), isNull(user.disabledAt)))
		.get();
	if (!row) return null;
	const ttl = row.ttlMs ?? SESSION_IDLE_MS;
	if (row.expiresAt - now < ttl / 2) db.update(session).set({ expiresAt: now + ttl }).where(eq(session.id, id)).run();
	const { expiresAt: _, ttlMs: __, ...u } = row;
	return u;
}

/** Ends the session behind a cookie token. */
export function signOut(db: AppDb, token: string | undefined) {
	if (token) db.delete(session).where(eq(session.id, sha256(token))).run();
}

/** Drops expired sessions. */
export function pruneSessions(db: AppDb, now = Date.now()) {
	db.delete(session).where(lt(session.expiresAt, now)).run();
}

/** Which roles may open which part of the app; checked in the server hook for every request. */
export const AREA_ROLES: { prefix: string; roles: readonly Role[] }[] = [
	{ prefix: '/admin', roles: ['admin'] },
	{ prefix: '/pim', roles: ['merchandiser', 'admin'] },
	{ prefix: '/associate', roles: ['associate', 'admin'] }
];

/** The roles allowed on a path, or null when the path is public (kiosk, phone pages, sign-in). */
export function rolesFor(pathname: string): readonly Role[] | null {
	const area = AREA_ROLES.find((a) => pathname === a.prefix || pathname.startsWith(`${a.prefix}/`));
	return area?.roles ?? null;
}
