import { json } from '@sveltejs/kit';
import { RateLimitedError } from '$pim';
import * as analytics from '$lib/server/analytics';
import { app } from '$lib/server/app';
import { hitRateLimit } from '$lib/server/rate-limit';
import type { RequestHandler } from './$types';

// A beacon (navigator.sendBeacon) from kiosk and phone pages, fired and forgotten: not a page
// or a form action. It answers quietly: 204 when taken, a short 4xx otherwise, never a 500.
export const POST: RequestHandler = async (event) => {
	const { locals } = event;
	try {
		const key = locals.kiosk ? `analytics:device:${locals.kiosk.deviceId}` : `analytics:address:${event.getClientAddress()}`;
		hitRateLimit(app().db, key, analytics.BEACON_LIMIT, 'Too many events');
		const beacon = await analytics.readBeacon(event.request);
		analytics.recordBeacon(beacon, event);
		return new Response(null, { status: 204 });
	} catch (e) {
		if (e instanceof RateLimitedError) return json({ error: e.message }, { status: 429, headers: { 'retry-after': String(e.retryAfter) } });
		if (e instanceof analytics.BeaconError) return json({ error: e.message }, { status: e.status });
		console.error('Analytics beacon:', e);
		return new Response(null, { status: 204 });
	}
};
