import { json } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { MAX_USDZ_BYTES, storeUsdz, ValidationError } from '$pim';
import { media } from '$pim/media/media.schema.ts';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

// The editor's browser sends the textured USDZ of a model it just uploaded (Node cannot
// re-encode textures for USDZ); it replaces the untextured one made on the server.

const schema = z.object({
	media: z.coerce.number().int().positive('Say which model this is for'),
	file: z.instanceof(File, { message: 'Send the USDZ file' }).refine((f) => f.size > 0 && f.size <= MAX_USDZ_BYTES, 'The USDZ file is empty or too large')
});

export const POST: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	if (Number(event.request.headers.get('content-length') ?? 0) > MAX_USDZ_BYTES + 64 * 1024) return json({ message: 'The USDZ file is too large.' }, { status: 413 });
	const form = await event.request.formData().catch(() => null);
	const parsed = schema.safeParse({ media: form?.get('media'), file: form?.get('file') });
	if (!parsed.success) return json({ message: parsed.error.issues[0].message }, { status: 400 });
	const { db, config } = app();
	const row = db.select({ file: media.file }).from(media).where(and(eq(media.id, parsed.data.media), eq(media.kind, 'model3d'))).get();
	if (!row) return json({ message: 'There is no such 3D model.' }, { status: 404 });
	try {
		storeUsdz(config.mediaDir, row.file, new Uint8Array(await parsed.data.file.arrayBuffer()));
	} catch (e) {
		if (e instanceof ValidationError) return json({ message: e.message }, { status: 400 });
		throw e;
	}
	return json({ ok: true });
};
