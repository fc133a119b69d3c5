import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '$lib/server/app';
import { recordHeartbeat } from '$lib/server/kiosk';
import type { RequestHandler } from './$types';

const bodySchema = z.object({ version: z.string().max(40) });

// A beacon every kiosk sends each minute so staff can see it is alive: not a page.
export const POST: RequestHandler = async ({ request, locals }) => {
	if (!locals.kiosk) error(403, 'This screen is not set up as a kiosk');
	const body = bodySchema.safeParse(await request.json().catch(() => null));
	if (!body.success) error(400, 'Send { "version": "…" }');
	recordHeartbeat(app().db, locals.kiosk.deviceId, body.data.version);
	return json({ ok: true, serverVersion: app().config.version });
};
