import { asc, eq } from 'drizzle-orm';
import { imageFile, isMeshoptCompressed, modelFile, NotFoundError } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { media, productMedia } from '$pim/media/media.schema.ts';
import type { EditorMedia } from '$lib/pim-types';
import type { AppDb } from './db/index.ts';

type MediaRow = Pick<typeof media.$inferSelect, 'id' | 'kind' | 'file' | 'bytes' | 'width' | 'height'>;

const columns = { id: media.id, kind: media.kind, file: media.file, bytes: media.bytes, width: media.width, height: media.height };

function toEditor(m: MediaRow, link: { role: 'image' | 'model3d'; variant: string | null; alt: Record<string, string> }, mediaDir?: string): EditorMedia {
	const model = m.kind === 'model3d';
	return {
		media: m.id,
		role: link.role,
		variant: link.variant,
		alt: link.alt,
		url: `/media/${model ? modelFile(m.file) : imageFile(m.file, 320)}`,
		bytes: m.bytes,
		width: m.width,
		height: m.height,
		compressed: model && mediaDir ? isMeshoptCompressed(mediaDir, m.file) : null
	};
}

/**
 * The product's images and models as the editor's media panel shows them, in display order.
 * With `mediaDir`, models also say whether they are stored compressed (read from the file).
 */
export function editorMedia(db: AppDb, productId: number, mediaDir?: string): EditorMedia[] {
	return db
		.select({ ...columns, role: productMedia.role, alt: productMedia.alt, variant: variant.code })
		.from(productMedia)
		.innerJoin(media, eq(media.id, productMedia.mediaId))
		.leftJoin(variant, eq(variant.id, productMedia.variantId))
		.where(eq(productMedia.productId, productId))
		.orderBy(asc(productMedia.position), asc(productMedia.id))
		.all()
		.map((r) => toEditor(r, { role: r.role, variant: r.variant, alt: r.alt }, mediaDir));
}

/** A freshly uploaded file as a draft entry: shown for every variant, no alt text yet. */
export function mediaPreview(db: AppDb, mediaId: number, mediaDir?: string): EditorMedia {
	const m = db.select(columns).from(media).where(eq(media.id, mediaId)).get();
	if (!m) throw new NotFoundError(`No media ${mediaId}`);
	return toEditor(m, { role: m.kind, variant: null, alt: {} }, mediaDir);
}
