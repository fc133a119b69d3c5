import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import type { PimDb } from '../db.ts';
import { ValidationError } from '../shared/errors.ts';
import { media } from './media.schema.ts';
import { writeAtomically } from './files.ts';

/** Widths every image is stored at, as WebP; pages pick one with srcset. */
export const IMAGE_WIDTHS = [320, 640, 1024] as const;
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** File name of an image rendition under the media directory. */
export function imageFile(file: string, width: number): string {
	return `${file}-${width}.webp`;
}


/**
 * Stores an uploaded image once per content: checks it decodes, writes WebP renditions
 * at each width and records it with its SHA-256. The same bytes again return the same id.
 */
export async function storeImage(db: PimDb, mediaDir: string, input: Buffer, opts: { effort?: number } = {}): Promise<number> {
	if (input.length > MAX_IMAGE_BYTES) throw new ValidationError('Image too large', [{ path: 'file', message: 'At most 20 MB' }]);
	const checksum = createHash('sha256').update(input).digest('hex');
	const known = db.select({ id: media.id }).from(media).where(and(eq(media.kind, 'image'), eq(media.checksum, checksum))).get();
	if (known) return known.id;
	let meta: Metadata;
	try {
		meta = await sharp(input).metadata();
	} catch {
		throw new ValidationError('Not an image', [{ path: 'file', message: 'This file is not an image we can read (use JPEG, PNG, WebP, AVIF or SVG)' }]);
	}
	if (!meta.width || !meta.height) throw new ValidationError('Not an image', [{ path: 'file', message: 'The image has no size' }]);
	const file = `images/${checksum.slice(0, 2)}/${checksum}`;
	// Decode (or rasterize an SVG at the largest size) once, then scale down from pixels.
	const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];
	const density = meta.format === 'svg' ? Math.min(600, (72 * largest) / Math.max(meta.width, meta.height)) : undefined;
	const raw = await sharp(input, { density })
		.rotate()
		.resize({ width: largest, height: largest, fit: 'inside', withoutEnlargement: true })
		.raw()
		.toBuffer({ resolveWithObject: true });
	const renditions = await Promise.all(
		IMAGE_WIDTHS.map((w) =>
			sharp(raw.data, { raw: raw.info })
				.resize({ width: w, height: w, fit: 'inside', withoutEnlargement: true })
				.webp({ quality: 80, effort: opts.effort ?? 4 })
				.toBuffer()
		)
	);
	IMAGE_WIDTHS.forEach((w, i) => writeAtomically(join(mediaDir, imageFile(file, w)), renditions[i]));
	const row = db
		.insert(media)
		.values({ kind: 'image', checksum, file, mime: 'image/webp', bytes: input.length, width: meta.width, height: meta.height })
		.onConflictDoNothing()
		.returning({ id: media.id })
		.get();
	return row?.id ?? db.select({ id: media.id }).from(media).where(and(eq(media.kind, 'image'), eq(media.checksum, checksum))).get()!.id;
}
