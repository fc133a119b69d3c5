import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { issuesFromZod, NotFoundError, ValidationError } from '$pim';
import type { AppDb } from '../db/index.ts';
import { API_SCOPES, apiToken, type ApiScope } from '../db/analytics.schema.ts';
import { ApiError } from './errors.ts';

export { API_SCOPES, type ApiScope };

/** What each scope allows, as the admin page and the API document explain it. */
export const SCOPE_LABELS: Record<ApiScope, string> = {
	'catalog:read': 'Read products and categories',
	'stock:read': 'Read availability per location',
	'stock:write': 'Send stock counts and adjustments',
	'orders:write': 'Place orders and read their status'
};

/** Every secret starts with this, so a leaked one is recognised by secret scanners and people. */
export const TOKEN_PREFIX = 'aisle_';
/** Characters of the secret kept in clear to tell tokens apart: the prefix and six more. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;
/** last_used_at is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const tokenInputSchema = z.object({
	name: z.string({ error: 'Give the token a name' }).trim().min(1, 'Give the token a name, e.g. the system that will use it').max(80, 'At most 80 characters'),
	scopes: z.array(z.enum(API_SCOPES, 'Unknown scope'), { error: 'Choose at least one scope' }).min(1, 'Choose at least one scope').max(API_SCOPES.length)
});
/** What the admin form sends: checked here, so unknown scopes are refused with a message. */
export type TokenInput = { name: string; scopes: readonly string[] };

/** A token as staff see it: never its secret, which is not stored. */
export interface ApiTokenView {
	id: number;
	name: string;
	prefix: string;
	scopes: ApiScope[];
	createdBy: string;
	createdAt: string;
	lastUsedAt: string | null;
	revokedAt: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function viewOf(row: typeof apiToken.$inferSelect): ApiTokenView {
	const { tokenHash: _, ...view } = row;
	return { ...view, scopes: API_SCOPES.filter((s) => row.scopes.includes(s)) };
}

/**
 * Creates a token: 32 random bytes behind the `aisle_` prefix. Only its SHA-256 is stored,
 * so the secret is returned this once and can never be shown again.
 */
export function createToken(db: AppDb, input: TokenInput, createdBy: string): { token: ApiTokenView; secret: string } {
	const parsed = tokenInputSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError('The token has errors', issuesFromZod(parsed.error));
	const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
	const row = db
		.insert(apiToken)
		.values({
			name: parsed.data.name,
			prefix: secret.slice(0, SHOWN_CHARS),
			tokenHash: sha256(secret),
			scopes: API_SCOPES.filter((s) => parsed.data.scopes.includes(s)),
			createdBy,
			createdAt: new Date().toISOString()
		})
		.returning()
		.get();
	return { token: viewOf(row), secret };
}

/** Every token, newest first, revoked ones included (they stay listed for the record). */
export function listTokens(db: AppDb): ApiTokenView[] {
	return db.select().from(apiToken).orderBy(desc(apiToken.id)).all().map(viewOf);
}

/** Revokes a token: from now on every request with it gets a 401. Revoking twice changes nothing. */
export function revokeToken(db: AppDb, id: number): ApiTokenView {
	db.update(apiToken).set({ revokedAt: new Date().toISOString() }).where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt))).run();
	const row = db.select().from(apiToken).where(eq(apiToken.id, id)).get();
	if (!row) throw new NotFoundError('No such token');
	return viewOf(row);
}

const challenge = (extra = '') => ({ 'www-authenticate': `Bearer realm="aisle"${extra}` });

/**
 * The token a request carries (`Authorization: Bearer aisle_…`), or a 401 saying what is
 * wrong: none sent, not one of ours, or revoked. Notes when it was last used.
 */
export function authenticate(db: AppDb, request: Request, now = new Date()): ApiTokenView {
	const header = request.headers.get('authorization');
	if (!header) throw new ApiError(401, 'unauthorized', 'Send an API token in the Authorization header: "Bearer aisle_…". An admin creates tokens under Admin → API tokens.', [], challenge());
	const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
	if (!match) throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer" followed by the token.', [], challenge(', error="invalid_request"'));
	const secret = match[1];
	const row = secret.startsWith(TOKEN_PREFIX) && secret.length < 200 ? db.select().from(apiToken).where(eq(apiToken.tokenHash, sha256(secret))).get() : undefined;
	if (!row) throw new ApiError(401, 'unauthorized', 'This API token is not valid.', [], challenge(', error="invalid_token"'));
	if (row.revokedAt) throw new ApiError(401, 'unauthorized', 'This API token was revoked. Ask an admin for a new one.', [], challenge(', error="invalid_token"'));
	const stamp = now.toISOString();
	const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
	db.update(apiToken)
		.set({ lastUsedAt: stamp })
		.where(and(eq(apiToken.id, row.id), or(isNull(apiToken.lastUsedAt), lt(apiToken.lastUsedAt, stale))))
		.run();
	return viewOf({ ...row, lastUsedAt: row.lastUsedAt && row.lastUsedAt >= stale ? row.lastUsedAt : stamp });
}

/** A 403 unless the token carries `scope`. */
export function requireScope(token: ApiTokenView, scope: ApiScope) {
	if (!token.scopes.includes(scope))
		throw new ApiError(403, 'forbidden', `This token lacks the scope ${scope} (${SCOPE_LABELS[scope].toLowerCase()}). Its scopes: ${token.scopes.join(', ')}.`, [], challenge(`, error="insufficient_scope", scope="${scope}"`));
}
