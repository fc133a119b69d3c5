import { json } from '@sveltejs/kit';
import { pendingOutboxCount } from '$pim';
import { app } from '$lib/server/app';
import type { RequestHandler } from './$types';

// For load balancers and monitoring: JSON, no page.
export const GET: RequestHandler = async () => {
	const { db, meili, config } = app();
	const searchUp = await meili.isHealthy().catch(() => false);
	return json(
		{ ok: true, version: config.version, search: searchUp ? 'up' : 'degraded', pendingChanges: pendingOutboxCount(db) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
