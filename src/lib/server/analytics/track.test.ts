import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import type { SessionUser } from '../auth.ts';
import { analyticsEvent } from '../db/analytics.schema.ts';
import { AnalyticsRecorder } from './recorder.ts';

const t = createTestDb();
const recorder = new AnalyticsRecorder(t.db);
vi.mock('$lib/server/app', () => ({ app: () => ({ db: t.db, analytics: recorder }) }));
const { contextOf, track, trackSearch } = await import('./track.ts');

afterAll(() => t.cleanup());
beforeEach(() => {
	recorder.flush();
	t.db.delete(analyticsEvent).run();
});

const sea = { deviceId: 3, storeId: 1, storeCode: 'SEA1' };
const associate = { id: 7, role: 'associate', name: 'Sam', email: 's@example.com' } as SessionUser;
const merchandiser = { id: 8, role: 'merchandiser', name: 'Mira', email: 'm@example.com' } as SessionUser;

/** A request as the hooks leave it: the kiosk binding and user on `locals`, cookies readable. */
function request(path: string, { kiosk = null as typeof sea | null, user = null as SessionUser | null, visit = null as string | null } = {}) {
	return { url: new URL(`http://localhost${path}`), locals: { kiosk, user, sessionToken: null }, cookies: { get: (name: string) => (name === 'aisle_visit' ? (visit ?? undefined) : undefined) } } as never;
}
const stored = () => {
	recorder.tick(new Date(Date.now() + 60_000));
	return t.db.select().from(analyticsEvent).orderBy(asc(analyticsEvent.id)).all();
};

describe('contextOf', () => {
	it('tells phone, kiosk, assisted kiosk and other callers apart, and keeps only a well-formed visit id', () => {
		expect(contextOf(request('/m/p/CHR-1'))).toEqual({ store: null, channel: 'phone', visit: null });
		expect(contextOf(request('/p/CHR-1', { kiosk: sea, visit: 'abcdef0123456789' }))).toEqual({ store: 'SEA1', channel: 'kiosk', visit: 'abcdef0123456789' });
		expect(contextOf(request('/p/CHR-1', { kiosk: sea, user: associate, visit: 'abcdef0123456789' }))).toMatchObject({ channel: 'associate', store: 'SEA1' });
		// A screen not yet linked to a store, but showing the kiosk: still the kiosk.
		expect(contextOf(request('/api/search', { visit: 'abcdef0123456789' }))).toEqual({ store: null, channel: 'kiosk', visit: 'abcdef0123456789' });
		expect(contextOf(request('/api/search', { user: merchandiser }))).toEqual({ store: null, channel: 'api', visit: null });
		expect(contextOf(request('/p/CHR-1', { kiosk: sea, visit: 'x"; drop' })).visit).toBeNull();
	});
});

describe('track', () => {
	it('records with the request context, fields given winning', () => {
		expect(track('product_view', { product: 'CHR-1' }, request('/p/CHR-1', { kiosk: sea, visit: 'visit-1234567890' }))).toBe(true);
		expect(track('order', { store: 'PDX1' }, request('/m/checkout'))).toBe(true);
		expect(stored().map((e) => [e.kind, e.store, e.channel, e.visit, e.product])).toEqual([
			['product_view', 'SEA1', 'kiosk', 'visit-1234567890', 'CHR-1'],
			['order', 'PDX1', 'phone', null, null]
		]);
	});

	it('does nothing, quietly, outside a request', () => {
		expect(track('product_view', { product: 'CHR-1' })).toBe(false);
		expect(stored()).toHaveLength(0);
	});
});

describe('trackSearch', () => {
	it("records a kiosk shopper's search, not the PIM's try-it or another channel's", () => {
		expect(trackSearch('Chair', 12, request('/api/search', { kiosk: sea, visit: 'visit-1234567890' }))).toBe(true);
		expect(trackSearch('chair', 12, request('/api/search', { user: merchandiser }))).toBe(false);
		expect(trackSearch('chair', 12, request('/api/search', { kiosk: sea }))).toBe(false);
		expect(trackSearch('   ', 0, request('/api/search', { kiosk: sea, visit: 'visit-abcdefghij' }))).toBe(false);
		expect(stored().map((e) => [e.query, e.results, e.channel])).toEqual([['chair', 12, 'kiosk']]);
	});
});
