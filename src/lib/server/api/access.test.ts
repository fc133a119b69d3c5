import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { rateLimit } from '../db/auth.schema.ts';
import { customerOrder } from '../db/orders.schema.ts';
import { stock, stockAt } from '../orders/test-fixture.ts';
import { apiEndpoint } from './endpoint.ts';
import { call, seen, startTestApp, stopTestApp, testApp, tokenWith, type Operation } from './test-kit.ts';
import { fallbacks, ops } from './test-routes.ts';
import { API_SCOPES, listTokens, revokeToken, type ApiScope } from './tokens.ts';
import type { ApiOrder } from './orders.ts';

vi.mock('$lib/server/app', async () => ({ app: (await import('./test-kit.ts')).testApp }));

let app: ReturnType<typeof startTestApp>;
let all: string;
let orderCode: string;
let keys = 0;

const ORDER = { store: 'SEA1', fulfilment: 'collect', customer: { name: 'Ada', email: 'ada@example.com' }, lines: [{ sku: 'CHR-1', quantity: 1 }] };

/** Each guarded operation, the scope it needs and a request it would accept. */
const MATRIX: { name: keyof typeof ops; scope: ApiScope; ok: number; request: () => Parameters<typeof call>[1] }[] = [
	{ name: 'listProducts', scope: 'catalog:read', ok: 200, request: () => ({}) },
	{ name: 'getProduct', scope: 'catalog:read', ok: 200, request: () => ({ params: { code: 'CHR-1' } }) },
	{ name: 'listCategories', scope: 'catalog:read', ok: 200, request: () => ({}) },
	{ name: 'listAvailability', scope: 'stock:read', ok: 200, request: () => ({ query: 'sku=CHR-1' }) },
	{ name: 'productAvailability', scope: 'stock:read', ok: 200, request: () => ({ params: { code: 'CHR-1' } }) },
	{ name: 'postStock', scope: 'stock:write', ok: 200, request: () => ({ body: { updates: [{ location: 'SEA1', sku: 'CHR-1', adjust: 1, seq: ++keys }] } }) },
	{ name: 'postOrder', scope: 'orders:write', ok: 201, request: () => ({ body: ORDER, headers: { 'idempotency-key': `matrix-${++keys}` } }) },
	{ name: 'getOrder', scope: 'orders:write', ok: 200, request: () => ({ params: { code: orderCode } }) }
];

beforeAll(async () => {
	app = startTestApp();
	stock(app.db, 'WH', app.sku.get('CHR-1')!, 100);
	all = tokenWith(...API_SCOPES);
	const placed = await call(ops.postOrder, { token: all, body: ORDER, headers: { 'idempotency-key': 'first' } });
	orderCode = (placed.body as ApiOrder).code;
});
afterAll(() => stopTestApp());

describe('scopes', () => {
	it('the matrix covers every guarded operation of the document', () => {
		const guarded = Object.values(ops).filter((op) => op.path !== '/openapi.json');
		expect(MATRIX.map((m) => ops[m.name])).toEqual(expect.arrayContaining(guarded));
		expect(MATRIX).toHaveLength(guarded.length);
	});

	for (const scope of API_SCOPES) {
		it(`a token with only ${scope} reaches its operations and is refused (403) every other one, changing nothing`, async () => {
			const token = tokenWith(scope);
			for (const m of MATRIX) {
				const ordersBefore = app.db.select().from(customerOrder).all().length;
				const stockBefore = stockAt(app.db, 'SEA1', app.sku.get('CHR-1')!);
				const res = await call(ops[m.name], { ...m.request(), token });
				if (m.scope === scope) {
					expect(res.status, `${m.name} with ${scope}`).toBe(m.ok);
				} else {
					expect(res.status, `${m.name} with ${scope}`).toBe(403);
					expect(res.body).toEqual({ error: { code: 'forbidden', message: expect.stringContaining(`lacks the scope ${m.scope}`) } });
					expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="aisle", error="insufficient_scope", scope="${m.scope}"`);
					expect(app.db.select().from(customerOrder).all().length).toBe(ordersBefore);
					expect(stockAt(app.db, 'SEA1', app.sku.get('CHR-1')!)).toEqual(stockBefore);
				}
			}
		});
	}

	it('a token with every scope reaches every operation', async () => {
		for (const m of MATRIX) expect((await call(ops[m.name], { ...m.request(), token: all })).status, m.name).toBe(m.ok);
	});
});

describe('authentication', () => {
	it('refuses every operation without a token, with a Bearer challenge', async () => {
		for (const m of MATRIX) {
			const res = await call(ops[m.name], { ...m.request(), token: null });
			expect(res.status, m.name).toBe(401);
			expect(res.headers.get('www-authenticate')).toBe('Bearer realm="aisle"');
			expect((res.body as { error: { code: string } }).error.code).toBe('unauthorized');
		}
	});

	it('refuses a malformed header, an unknown token and a revoked one, saying which', async () => {
		const message = async (headers: Record<string, string>) => {
			const res = await call(ops.listProducts, { headers });
			expect(res.status).toBe(401);
			return (res.body as { error: { message: string } }).error.message;
		};
		expect(await message({ authorization: 'Basic YWRtaW46YWRtaW4=' })).toMatch(/must be "Bearer"/);
		expect(await message({ authorization: `Bearer aisle_${'x'.repeat(43)}` })).toBe('This API token is not valid.');
		expect(await message({ authorization: 'Bearer not-even-ours' })).toBe('This API token is not valid.');
		const token = tokenWith('catalog:read');
		expect((await call(ops.listProducts, { token })).status).toBe(200);
		const row = listTokens(app.db).find((t) => token.startsWith(t.prefix) && t.revokedAt === null && t.scopes.join() === 'catalog:read')!;
		revokeToken(app.db, row.id);
		expect(await message({ authorization: `Bearer ${token}` })).toBe('This API token was revoked. Ask an admin for a new one.');
		// The scheme is case-insensitive, as HTTP says.
		expect((await call(ops.listProducts, { headers: { authorization: `bearer ${all}` } })).status).toBe(200);
	});

	it('serves the API document to anyone', async () => {
		const res = await call(ops.openapi);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ openapi: '3.1.0', servers: [{ url: 'https://aisle.example/api/v1' }] });
		expect((await call(ops.openapi, { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);
	});
});

describe('rate limit', () => {
	it('counts requests per token, answers 429 with Retry-After past the limit, and lets them through once the window passes', async () => {
		testApp().config.apiRequestsPerMinute = 3;
		try {
			const token = tokenWith('catalog:read');
			const other = tokenWith('catalog:read');
			const left: string[] = [];
			for (let i = 0; i < 3; i++) {
				const res = await call(ops.listCategories, { token });
				expect(res.status).toBe(200);
				expect(res.headers.get('ratelimit-policy')).toBe('"per-token";q=3;w=60');
				left.push(res.headers.get('ratelimit')!.replace(/;t=\d+$/, ''));
			}
			expect(left).toEqual(['"per-token";r=2', '"per-token";r=1', '"per-token";r=0']);
			const limited = await call(ops.listCategories, { token });
			expect(limited.status).toBe(429);
			expect(limited.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^Too many requests with this token: at most 3 a minute\. Try again in \d+ s\.$/) } });
			const wait = Number(limited.headers.get('retry-after'));
			expect(wait).toBeGreaterThanOrEqual(1);
			expect(wait).toBeLessThanOrEqual(60);
			expect(limited.headers.get('ratelimit')).toBe(`"per-token";r=0;t=${wait}`);
			// Other tokens have budgets of their own.
			expect((await call(ops.listCategories, { token: other })).status).toBe(200);
			// A minute later (the window moved back instead of waiting it out) the token works again.
			const id = listTokens(app.db).find((t) => token.startsWith(t.prefix))!.id;
			app.db.update(rateLimit).set({ windowStart: Date.now() - 61_000 }).where(eq(rateLimit.key, `api:token:${id}`)).run();
			expect((await call(ops.listCategories, { token })).status).toBe(200);
		} finally {
			testApp().config.apiRequestsPerMinute = 600;
		}
	});
});

describe('errors', () => {
	it('answers anything unexpected with a 500 in the error shape, its cause logged under the id it names', async () => {
		const logged: unknown[] = [];
		const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void logged.push(args));
		try {
			const boom: Operation = { method: 'GET', path: '/products', handler: apiEndpoint('catalog:read', () => { throw new Error('disk on fire'); }) };
			const res = await call(boom, { token: all });
			expect(res.status).toBe(500);
			const { error } = res.body as { error: { code: string; message: string; errorId: string } };
			expect(error.code).toBe('internal_error');
			expect(error.message).not.toContain('disk on fire');
			expect(String((logged[0] as unknown[])[0])).toContain(error.errorId);
		} finally {
			spy.mockRestore();
		}
	});

	it('answers a method a path does not offer, and an unknown path, in the error shape', async () => {
		const wrong = await fallbacks.products({ request: new Request('http://localhost/api/v1/products', { method: 'DELETE' }) } as never);
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET');
		expect(await wrong.json()).toEqual({ error: { code: 'method_not_allowed', message: 'DELETE is not offered here; use GET.' } });
		const url = new URL('http://localhost/api/v1/nothing');
		const missing = await fallbacks.rest({ request: new Request(url), url } as never);
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'No endpoint /api/v1/nothing; the API is described at /api/v1/openapi.json' } });
	});

	it('every answer in this file matched the document, across the statuses the API gives', () => {
		const statuses = new Set([...seen.values()].flatMap((s) => [...s]));
		expect([...statuses].sort()).toEqual([200, 201, 304, 401, 403, 429, 500]);
	});
});
