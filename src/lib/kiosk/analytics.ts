/**
 * What the browser tells the analytics: 3D and AR opens, which only the screen sees. Events
 * are queued and sent at most once a second as one small beacon, so a shopper never waits
 * on them. Nothing personal: a product code and the visit's random id.
 *
 * Browser only: the queue and the phone's visit id live for one page load, which is what a
 * visit is on a phone (server rendering never calls these functions).
 */

/** The cookie holding a kiosk's visit id: random, drawn afresh at every reset, read by the server's analytics. */
export const VISIT_COOKIE = 'aisle_visit';

/** The beacon endpoint. */
export const EVENTS_URL = '/api/kiosk/events';

/** What the browser may report. */
export type BrowserEventKind = 'view_3d' | 'view_ar';

/** Most events one beacon carries (the endpoint refuses more). */
export const MAX_BEACON_EVENTS = 20;

const SEND_EVERY_MS = 1000;

let queue: { kind: BrowserEventKind; product: string }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let lastSent = 0;
let pageVisit: string | null = null;
let listening = false;

/** 128 random bits in hex. getRandomValues, not randomUUID: a kiosk on the shop's network may be served over plain http. */
function randomId(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function readCookie(name: string): string | null {
	const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
	return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
}

/**
 * Starts the kiosk's visit: a fresh random id when `fresh` (the attract screen after a reset
 * or a restart: a new shopper) or when there is none yet. Kept in a cookie so the server sees
 * it on searches, scans and product pages; it says nothing about the shopper.
 */
export function beginVisit(fresh: boolean): string | null {
	try {
		const current = readCookie(VISIT_COOKIE);
		if (current && !fresh) return current;
		const id = randomId();
		const secure = location.protocol === 'https:' ? '; Secure' : '';
		// No expiry: gone when the browser closes, and replaced at the next reset anyway.
		document.cookie = `${VISIT_COOKIE}=${id}; Path=/; SameSite=Strict${secure}`;
		return id;
	} catch {
		// No cookies here: the visit goes uncounted, the kiosk works as ever.
		return null;
	}
}

/** The visit to report: the kiosk's (cookie), else one per page load (a phone). */
function visitId(): string {
	return readCookie(VISIT_COOKIE) ?? (pageVisit ??= randomId());
}

function send() {
	timer = undefined;
	if (!queue.length) return;
	const events = queue.slice(0, MAX_BEACON_EVENTS);
	queue = queue.slice(MAX_BEACON_EVENTS);
	lastSent = Date.now();
	const body = JSON.stringify({ visit: visitId(), events });
	try {
		const sent = typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(EVENTS_URL, new Blob([body], { type: 'application/json' }));
		if (!sent) void fetch(EVENTS_URL, { method: 'POST', body, headers: { 'content-type': 'application/json' }, keepalive: true }).catch(() => undefined);
	} catch {
		// Analytics never disturb the shopper.
	}
	if (queue.length) schedule();
}

function schedule() {
	if (timer) return;
	timer = setTimeout(send, Math.max(0, lastSent + SEND_EVERY_MS - Date.now()));
}

/** Reports that the shopper opened the 3D view or AR for a product (by its code). */
export function track(kind: BrowserEventKind, product: string) {
	if (typeof window === 'undefined' || !product) return;
	queue.push({ kind, product });
	if (queue.length > 100) queue = queue.slice(-100);
	if (!listening) {
		listening = true;
		// Leaving the page (a reset reloads it): what is queued goes now.
		addEventListener('pagehide', () => {
			clearTimeout(timer);
			send();
		});
	}
	schedule();
}
