import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '$pim';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import { apiToken } from '../db/analytics.schema.ts';
import type { AppDb } from '../db/index.ts';
import { ApiError } from './errors.ts';
import { authenticate, createToken, listTokens, requireScope, revokeToken } from './tokens.ts';

let db: AppDb;
let cleanup: () => void;

beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

const ADMIN = 'Ada Admin <admin@example.com>';
const bearer = (secret: string) => new Request('http://localhost/api/v1/products', { headers: { authorization: `Bearer ${secret}` } });

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

describe('API tokens', () => {
	it('creates a token whose secret is returned once and stored only as a hash', () => {
		const { token, secret } = createToken(db, { name: '  Web shop ', scopes: ['orders:write', 'catalog:read', 'catalog:read'] }, ADMIN);
		expect(secret).toMatch(/^aisle_[A-Za-z0-9_-]{43}$/);
		expect(token).toEqual({ id: 1, name: 'Web shop', prefix: secret.slice(0, 12), scopes: ['catalog:read', 'orders:write'], createdBy: ADMIN, createdAt: expect.any(String), lastUsedAt: null, revokedAt: null });
		const stored = JSON.stringify(db.select().from(apiToken).all());
		expect(stored).not.toContain(secret);
		expect(listTokens(db)).toEqual([token]);
		expect(createToken(db, { name: 'Till', scopes: ['stock:write'] }, ADMIN).secret).not.toBe(secret);
		expect(listTokens(db).map((t) => t.name)).toEqual(['Till', 'Web shop']);
	});

	it('refuses a token without a name or scopes, naming the field', () => {
		const e = thrown(() => createToken(db, { name: ' ', scopes: [] }, ADMIN));
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).issues.map((i) => i.path).sort()).toEqual(['name', 'scopes']);
		const unknown = thrown(() => createToken(db, { name: 'x', scopes: ['orders:delete'] }, ADMIN));
		expect((unknown as ValidationError).issues).toEqual([{ path: 'scopes.0', message: 'Unknown scope' }]);
		expect(listTokens(db)).toEqual([]);
	});

	it('authenticates a bearer token, noting when it was last used (at most once a minute)', () => {
		const { secret } = createToken(db, { name: 'ERP', scopes: ['stock:write'] }, ADMIN);
		const t0 = new Date('2026-03-01T10:00:00.000Z');
		expect(authenticate(db, bearer(secret), t0)).toMatchObject({ name: 'ERP', lastUsedAt: t0.toISOString() });
		authenticate(db, bearer(secret), new Date(t0.getTime() + 30_000));
		expect(listTokens(db)[0].lastUsedAt).toBe(t0.toISOString());
		const t2 = new Date(t0.getTime() + 90_000);
		authenticate(db, bearer(secret), t2);
		expect(listTokens(db)[0].lastUsedAt).toBe(t2.toISOString());
	});

	it('refuses a revoked token from then on, and revoking twice keeps the first time', () => {
		const { token, secret } = createToken(db, { name: 'App', scopes: ['catalog:read'] }, ADMIN);
		const revoked = revokeToken(db, token.id);
		expect(revoked.revokedAt).not.toBeNull();
		const e = thrown(() => authenticate(db, bearer(secret)));
		expect(e).toBeInstanceOf(ApiError);
		expect(e).toMatchObject({ status: 401, message: 'This API token was revoked. Ask an admin for a new one.' });
		expect(revokeToken(db, token.id).revokedAt).toBe(revoked.revokedAt);
		expect(thrown(() => revokeToken(db, 999))).toBeInstanceOf(NotFoundError);
	});

	it('refuses a scope the token lacks with a 403 naming it', () => {
		const { token } = createToken(db, { name: 'App', scopes: ['catalog:read'] }, ADMIN);
		expect(() => requireScope(token, 'catalog:read')).not.toThrow();
		expect(thrown(() => requireScope(token, 'stock:write'))).toMatchObject({ status: 403, code: 'forbidden', headers: { 'www-authenticate': 'Bearer realm="aisle", error="insufficient_scope", scope="stock:write"' } });
	});
});
