import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { MAX_IMAGE_BYTES, MAX_MODEL_BYTES, storeImage, storeModel, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { mediaPreview } from '$lib/server/pim-media';
import type { EditorMedia, UploadRefusal } from '$lib/pim-types';
import type { RequestHandler } from './$types';

// Not a form action: the editor uploads files before the product is saved, and needs the new
// media's id back as data to put in its draft.

const LIMITS = { image: MAX_IMAGE_BYTES, model3d: MAX_MODEL_BYTES } as const;
/** Room for the multipart envelope around the file. */
const ENVELOPE = 64 * 1024;

const uploadSchema = z.object({
	kind: z.enum(['image', 'model3d'], 'Say whether the file is an image or a 3D model'),
	file: z.instanceof(File, { message: 'Choose a file to upload' }).refine((f) => f.size > 0, 'The file is empty')
});

function refuse(status: 400 | 413, message: string, path = 'file') {
	return json({ message, issues: [{ path, message }] } satisfies UploadRefusal, { status });
}

function tooLarge(kind: keyof typeof LIMITS) {
	const mb = LIMITS[kind] / 1024 / 1024;
	return refuse(413, kind === 'image' ? `An image can be at most ${mb} MB.` : `A 3D model can be at most ${mb} MB. Reduce its textures or polygons and try again.`);
}

export const POST: RequestHandler = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	// Refuse an oversized upload before reading it; the kind is not known yet, so the larger limit.
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > Math.max(MAX_IMAGE_BYTES, MAX_MODEL_BYTES) + ENVELOPE) return tooLarge('model3d');
	const form = await event.request.formData().catch(() => null);
	if (!form) return refuse(400, 'Send the file as multipart form data.');
	const parsed = uploadSchema.safeParse({ kind: form.get('kind'), file: form.get('file') });
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return refuse(400, issue.message, String(issue.path[0] ?? 'file'));
	}
	const { kind, file } = parsed.data;
	if (file.size > LIMITS[kind]) return tooLarge(kind);
	const bytes = Buffer.from(await file.arrayBuffer());
	const { db, config } = app();
	try {
		if (kind === 'image') {
			const id = await storeImage(db, config.mediaDir, bytes);
			return json(mediaPreview(db, id, config.mediaDir) satisfies EditorMedia);
		}
		const stored = await storeModel(db, config.mediaDir, bytes);
		const item: EditorMedia = { ...mediaPreview(db, stored.id, config.mediaDir), compressed: stored.compressed, usdzTexturesDropped: stored.usdzTexturesDropped };
		if (stored.issues?.length) item.warnings = stored.issues.map((i) => i.message);
		return json(item);
	} catch (e) {
		if (e instanceof ValidationError) return refuse(400, e.issues.find((i) => i.path === 'file')?.message ?? e.message);
		throw e;
	}
};
