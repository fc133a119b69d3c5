import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '$lib/server/auth';
import { authenticate, listTokens } from '$lib/server/api';
import { createTestDb } from '../../../../tests/helpers/db.ts';

const t = createTestDb();
vi.mock('$lib/server/app', () => ({ app: () => ({ db: t.db }) }));
const { actions, load } = await import('./+page.server.ts');

const admin = { id: 1, email: 'ada@example.com', name: 'Ada Admin', role: 'admin', homeStoreId: null, homeStoreCode: null } as SessionUser;
const merchandiser = { ...admin, id: 2, role: 'merchandiser' } as SessionUser;

afterAll(() => t.cleanup());

/** An action event as SvelteKit builds it: the form, the URL and the user the hook put on `locals`. */
function event(fields: [string, string][], user: SessionUser | null = admin) {
	const body = new FormData();
	for (const [k, v] of fields) body.append(k, v);
	const request = new Request('http://localhost/admin/tokens?/create', { method: 'POST', body });
	return { request, url: new URL(request.url), locals: { user } } as never;
}

async function status(fn: () => unknown): Promise<number> {
	try {
		await fn();
	} catch (e) {
		return (e as { status: number }).status;
	}
	return 200;
}

describe('admin API tokens page', () => {
	let secret: string;
	let id: number;

	beforeAll(async () => {
		const res = (await actions.create(event([['name', 'Web shop'], ['scopes', 'catalog:read'], ['scopes', 'orders:write']]))) as { created: { id: number; secret: string } };
		({ secret, id } = res.created);
	});

	it('creates a token and hands its secret back once, which then authenticates', async () => {
		expect(secret).toMatch(/^aisle_/);
		const listed = ((await load(event([]))) as { tokens: { id: number; scopes: string[]; createdBy: string }[] }).tokens;
		expect(listed).toEqual([expect.objectContaining({ id, name: 'Web shop', scopes: ['catalog:read', 'orders:write'], createdBy: 'Ada Admin <ada@example.com>' })]);
		expect(JSON.stringify(listed)).not.toContain(secret);
		expect(authenticate(t.db, new Request('http://x/', { headers: { authorization: `Bearer ${secret}` } })).name).toBe('Web shop');
	});

	it('answers 400 with the fields to fix, and creates nothing', async () => {
		const res = (await actions.create(event([['name', ''], ['scopes', 'root']]))) as { status: number; data: { errors: Record<string, string>; values: unknown } };
		expect(res.status).toBe(400);
		expect(res.data.errors).toEqual({ name: 'Give the token a name, e.g. the system that will use it', scopes: 'Unknown scope' });
		expect(res.data.values).toEqual({ name: '', scopes: ['root'] });
		expect(((await actions.create(event([['name', 'x']]))) as { data: { errors: Record<string, string> } }).data.errors).toEqual({ scopes: 'Choose at least one scope' });
		expect(listTokens(t.db)).toHaveLength(1);
	});

	it('revokes a token', async () => {
		expect(await actions.revoke(event([['id', String(id)]]))).toEqual({ action: 'revoke', revoked: 'Web shop' });
		expect(listTokens(t.db)[0].revokedAt).not.toBeNull();
		expect(((await actions.revoke(event([['id', 'x']]))) as { status: number }).status).toBe(400);
		expect(((await actions.revoke(event([['id', '999']]))) as { status: number }).status).toBe(404);
	});

	it('lets only admins load the page or act', async () => {
		expect(await status(() => load(event([], merchandiser)))).toBe(403);
		expect(await status(() => actions.create(event([['name', 'x'], ['scopes', 'stock:write']], merchandiser)))).toBe(403);
		expect(await status(() => actions.revoke(event([['id', String(id)]], merchandiser)))).toBe(403);
		expect(await status(() => actions.create(event([['name', 'x'], ['scopes', 'stock:write']], null)))).toBe(303);
		expect(listTokens(t.db)).toHaveLength(1);
	});
});
