import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The browser's side, with just enough of a browser: a cookie jar, sendBeacon and the page's events. */
let cookies: string[];
let beacons: { url: string; body: { visit: string; events: { kind: string; product: string }[] } }[];
const listeners = new Map<string, () => void>();

async function freshPage() {
	vi.resetModules();
	beacons = [];
	listeners.clear();
	vi.stubGlobal('window', {});
	vi.stubGlobal('location', { protocol: 'http:' });
	vi.stubGlobal('document', {
		get cookie() {
			return cookies.join('; ');
		},
		set cookie(v: string) {
			const pair = v.split(';')[0];
			cookies = [...cookies.filter((c) => c.split('=')[0] !== pair.split('=')[0]), pair];
		}
	});
	vi.stubGlobal('navigator', {
		sendBeacon: (url: string, blob: Blob) => {
			void blob.text().then((t) => beacons.push({ url, body: JSON.parse(t) }));
			return true;
		}
	});
	vi.stubGlobal('addEventListener', (type: string, fn: () => void) => listeners.set(type, fn));
	return import('./analytics.ts');
}

beforeEach(() => {
	cookies = [];
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('the kiosk visit', () => {
	it('is drawn afresh on the attract screen and kept on other pages', async () => {
		const { beginVisit, VISIT_COOKIE } = await freshPage();
		const first = beginVisit(false)!;
		expect(first).toMatch(/^[0-9a-f]{32}$/);
		expect(beginVisit(false)).toBe(first);
		const next = beginVisit(true)!;
		expect(next).not.toBe(first);
		expect(cookies).toEqual([`${VISIT_COOKIE}=${next}`]);
	});
});

describe('track', () => {
	it('sends at most one beacon a second, with everything queued meanwhile', async () => {
		const { beginVisit, track, EVENTS_URL } = await freshPage();
		const visit = beginVisit(true);
		track('view_3d', 'CHR-1');
		await vi.advanceTimersByTimeAsync(0);
		expect(beacons).toHaveLength(1);
		track('view_ar', 'CHR-1');
		track('view_3d', 'LAMP-2');
		await vi.advanceTimersByTimeAsync(500);
		expect(beacons).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(600);
		expect(beacons.map((b) => b.body.events.length)).toEqual([1, 2]);
		expect(beacons.every((b) => b.url === EVENTS_URL && b.body.visit === visit)).toBe(true);
	});

	it('on a phone, reports one visit per page load, and sends what is queued when the page goes', async () => {
		const { track } = await freshPage();
		track('view_ar', 'CHR-1');
		await vi.advanceTimersByTimeAsync(0);
		track('view_3d', 'CHR-1');
		listeners.get('pagehide')!();
		await vi.advanceTimersByTimeAsync(0);
		expect(beacons).toHaveLength(2);
		expect(beacons[0].body.visit).toMatch(/^[0-9a-f]{32}$/);
		expect(beacons[1].body.visit).toBe(beacons[0].body.visit);
		const before = beacons[0].body.visit;
		// The next page load: another visit.
		const next = await freshPage();
		next.track('view_ar', 'CHR-1');
		await vi.advanceTimersByTimeAsync(0);
		expect(beacons[0].body.visit).toMatch(/^[0-9a-f]{32}$/);
		expect(beacons[0].body.visit).not.toBe(before);
	});
});
