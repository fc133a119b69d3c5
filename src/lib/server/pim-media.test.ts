import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { NotFoundError, saveProduct, storeImage } from '$pim';
import { storeModel } from '$pim/media/model3d.ts';
import { seedStructure, tshirt } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { editorMedia, mediaPreview } from './pim-media.ts';

let t: ReturnType<typeof createTestDb>;
let mediaDir: string;
let red: number;
let blue: number;
let model: number;
let productId: number;

/** A dense grid of triangles: meshopt compression pays off on it. */
async function gridGlb(): Promise<Uint8Array> {
	const doc = new Document();
	const n = 40;
	const pos = new Float32Array((n + 1) * (n + 1) * 3).map((_, i) => (i % 3 === 1 ? Math.sin(i) / 10 : Math.floor(i / 3) % (n + 1)));
	const idx: number[] = [];
	for (let y = 0; y < n; y++)
		for (let x = 0; x < n; x++) {
			const a = y * (n + 1) + x;
			idx.push(a, a + n + 1, a + 1, a + n + 1, a + n + 2, a + 1);
		}
	const buffer = doc.createBuffer();
	const prim = doc
		.createPrimitive()
		.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer))
		.setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(idx)).setBuffer(buffer));
	doc.createScene().addChild(doc.createNode().setMesh(doc.createMesh().addPrimitive(prim)));
	return new NodeIO().writeBinary(doc);
}

const png = (r: number, g: number, b: number) => sharp({ create: { width: 40, height: 30, channels: 3, background: { r, g, b } } }).png().toBuffer();

beforeAll(async () => {
	t = createTestDb();
	mediaDir = join(t.dir, 'media');
	seedStructure(t.db);
	red = await storeImage(t.db, mediaDir, await png(200, 30, 30), { effort: 0 });
	blue = await storeImage(t.db, mediaDir, await png(30, 30, 200), { effort: 0 });
	model = (await storeModel(t.db, mediaDir, await gridGlb())).id;
	productId = saveProduct(t.db, {
		...tshirt(),
		media: [
			{ media: blue, role: 'image', variant: 'TSH-1-BLUE', alt: { en: 'Blue T-shirt, front' } },
			{ media: model, role: 'model3d' },
			{ media: red, role: 'image', alt: { en: 'Red T-shirt', ru: 'Красная футболка' } }
		]
	}, 'test').id;
});
afterAll(() => t.cleanup());

describe('editorMedia', () => {
	it('lists the product media in display order with their variant, alt text and where to fetch them', () => {
		const items = editorMedia(t.db, productId, mediaDir);
		expect(items.map((i) => [i.media, i.role, i.variant])).toEqual([
			[blue, 'image', 'TSH-1-BLUE'],
			[model, 'model3d', null],
			[red, 'image', null]
		]);
		expect(items[0]).toMatchObject({ alt: { en: 'Blue T-shirt, front' }, width: 40, height: 30, compressed: null });
		expect(items[0].url).toMatch(/^\/media\/images\/[0-9a-f]{2}\/[0-9a-f]{64}-320\.webp$/);
		expect(items[1].url).toMatch(/^\/media\/models\/[0-9a-f]{2}\/[0-9a-f]{64}\.glb$/);
		expect(items[1].compressed).toBe(true);
		expect(items[2].alt).toEqual({ en: 'Red T-shirt', ru: 'Красная футболка' });
	});

	it('leaves compression unknown when it is not told where the files are', () => {
		expect(editorMedia(t.db, productId).find((i) => i.role === 'model3d')?.compressed).toBeNull();
	});
});

describe('mediaPreview', () => {
	it('describes a fresh upload as shown for every variant without alt text', () => {
		expect(mediaPreview(t.db, red, mediaDir)).toMatchObject({ media: red, role: 'image', variant: null, alt: {}, width: 40, height: 30 });
		expect(mediaPreview(t.db, model, mediaDir)).toMatchObject({ media: model, role: 'model3d', compressed: true, width: null });
	});

	it('says when there is no such media', () => {
		expect(() => mediaPreview(t.db, 99_999)).toThrow(NotFoundError);
	});
});
