import { z } from 'zod';
import { skuSchema } from '$pim';
import { MAX_BEACON_EVENTS } from '$lib/kiosk/analytics';
import { isVisitId } from './recorder.ts';
import { contextOf, track } from './track.ts';

/** The largest beacon body read, in bytes: twenty events fit in well under this. */
export const MAX_BEACON_BYTES = 4096;

/** Beacons one device (or, for phones, one address) may send per minute: the browser sends at most one a second. */
export const BEACON_LIMIT = { max: 120, windowMs: 60_000 };

/** What the browser reports: the page's visit and what the shopper opened there. */
export const beaconSchema = z.strictObject({
	visit: z.string().refine(isVisitId, 'Not a visit id').nullish(),
	events: z
		.array(z.strictObject({ kind: z.enum(['view_3d', 'view_ar']), product: skuSchema }))
		.min(1, 'No events')
		.max(MAX_BEACON_EVENTS, `At most ${MAX_BEACON_EVENTS} events`)
});
export type Beacon = z.infer<typeof beaconSchema>;

/** Why a beacon was refused, for the 4xx answer (nobody reads it but a developer). */
export class BeaconError extends Error {
	constructor(
		message: string,
		readonly status: 400 | 413
	) {
		super(message);
	}
}

/**
 * Reads and checks a beacon's body, stopping at MAX_BEACON_BYTES so a large body costs
 * nothing. Throws BeaconError for a body too large, not JSON or not a beacon.
 */
export async function readBeacon(request: Request): Promise<Beacon> {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BEACON_BYTES) throw new BeaconError('Too large', 413);
	const reader = request.body?.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	while (reader) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_BEACON_BYTES) {
			await reader.cancel().catch(() => undefined);
			throw new BeaconError('Too large', 413);
		}
		chunks.push(value);
	}
	let body: unknown;
	try {
		body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		throw new BeaconError('Send JSON: { "visit": "…", "events": [{ "kind": "view_3d", "product": "…" }] }', 400);
	}
	const parsed = beaconSchema.safeParse(body);
	if (!parsed.success) throw new BeaconError(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), 400);
	return parsed.data;
}

/**
 * Records a beacon's events. A kiosk's visit comes from its cookie (the body's is only for
 * phones, which keep one per page load); a browser that is no kiosk is a phone.
 */
export function recordBeacon(beacon: Beacon, event: Parameters<typeof contextOf>[0]): number {
	const ctx = contextOf(event);
	const channel = ctx.channel === 'api' ? 'phone' : ctx.channel;
	const visit = ctx.visit ?? beacon.visit ?? null;
	let kept = 0;
	for (const e of beacon.events) if (track(e.kind, { product: e.product, channel, visit }, event)) kept++;
	return kept;
}
