import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asc } from 'drizzle-orm';
import { AnalyticsRecorder } from '$lib/server/analytics';
import { analyticsEvent } from '$lib/server/db/analytics.schema';
import { rateLimit } from '$lib/server/db/auth.schema';
import { createTestDb } from '../../../../../tests/helpers/db.ts';
import { seedStores } from '../../../../../tests/helpers/stores.ts';

const t = createTestDb();
seedStores(t.db);
const recorder = new AnalyticsRecorder(t.db);
vi.mock('$lib/server/app', () => ({ app: () => ({ db: t.db, analytics: recorder }) }));
const { POST } = await import('./+server.ts');

afterAll(() => t.cleanup());
beforeEach(() => {
	t.db.delete(analyticsEvent).run();
	t.db.delete(rateLimit).run();
});

const sea = { deviceId: 3, storeId: 1, storeCode: 'SEA1' };

/** Calls the endpoint as SvelteKit would: a kiosk carries its binding and visit cookie, a phone neither. */
async function post(body: BodyInit, { kiosk = null as typeof sea | null, visit = null as string | null, address = '203.0.113.7', headers = {} as Record<string, string> } = {}) {
	const request = new Request('http://localhost/api/kiosk/events', { method: 'POST', body, headers });
	const event = {
		request,
		url: new URL(request.url),
		locals: { kiosk, user: null, sessionToken: null },
		cookies: { get: (name: string) => (name === 'aisle_visit' ? (visit ?? undefined) : undefined) },
		getClientAddress: () => address
	};
	return (POST as unknown as (e: typeof event) => Promise<Response>)(event);
}
const stored = () => {
	recorder.flush();
	return t.db.select().from(analyticsEvent).orderBy(asc(analyticsEvent.id)).all();
};
const beacon = (events: unknown[], visit: string | null = 'phonevisit-0001') => JSON.stringify({ visit, events });

describe('POST /api/kiosk/events', () => {
	it("records a phone's 3D and AR opens with the visit it drew for the page", async () => {
		const res = await post(beacon([{ kind: 'view_3d', product: 'CHR-1' }, { kind: 'view_ar', product: 'CHR-1' }]));
		expect(res.status).toBe(204);
		expect(stored().map((e) => [e.kind, e.product, e.channel, e.store, e.visit])).toEqual([
			['view_3d', 'CHR-1', 'phone', null, 'phonevisit-0001'],
			['view_ar', 'CHR-1', 'phone', null, 'phonevisit-0001']
		]);
	});

	it("takes a kiosk's store from its binding and its visit from its cookie", async () => {
		const res = await post(beacon([{ kind: 'view_3d', product: 'LAMP-2' }], 'some-other-visit'), { kiosk: sea, visit: 'kioskvisit-0001' });
		expect(res.status).toBe(204);
		expect(stored().map((e) => [e.channel, e.store, e.visit])).toEqual([['kiosk', 'SEA1', 'kioskvisit-0001']]);
	});

	it('refuses what is not a small beacon, and records nothing of it', async () => {
		const cases: [BodyInit, number][] = [
			['not json', 400],
			[beacon([]), 400],
			[beacon([{ kind: 'order', product: 'CHR-1' }]), 400],
			[beacon([{ kind: 'view_3d', product: 'has spaces' }]), 400],
			[JSON.stringify({ visit: 'phonevisit-0001', events: [{ kind: 'view_3d', product: 'CHR-1' }], email: 'a@b.c' }), 400],
			[beacon(Array.from({ length: 21 }, () => ({ kind: 'view_3d', product: 'CHR-1' }))), 400],
			[beacon([{ kind: 'view_3d', product: 'CHR-1' }], '<x>'), 400],
			[JSON.stringify({ visit: 'phonevisit-0001', events: [{ kind: 'view_3d', product: 'CHR-1' }], pad: 'x'.repeat(5000) }), 413]
		];
		for (const [body, status] of cases) {
			const res = await post(body);
			expect(res.status, String(body).slice(0, 80)).toBe(status);
			expect(((await res.json()) as { error: string }).error).toBeTruthy();
		}
		expect(stored()).toHaveLength(0);
	});

	it('stops reading a body that claims to be too large', async () => {
		const res = await post(beacon([{ kind: 'view_3d', product: 'CHR-1' }]), { headers: { 'content-length': '100000' } });
		expect(res.status).toBe(413);
	});

	it('limits each address (or kiosk) to a beacon a second on average', async () => {
		const one = () => beacon([{ kind: 'view_3d', product: 'CHR-1' }]);
		for (let i = 0; i < 120; i++) expect((await post(one())).status).toBe(204);
		const limited = await post(one());
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await post(one(), { address: '198.51.100.2' })).status).toBe(204);
		expect((await post(one(), { kiosk: sea, visit: 'kioskvisit-0002' })).status).toBe(204);
	});
});
