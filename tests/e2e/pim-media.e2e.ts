import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { Document, NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

type Vec3 = [number, number, number];

/**
 * A 0.5 m box with normals, UVs and an embedded PNG texture, as a glTF 2.0 binary: too small
 * for compression to pay. The viewer loads embedded textures through blob: URLs.
 */
async function boxGlb(): Promise<Buffer> {
	const pos: number[] = [];
	const nor: number[] = [];
	const uv: number[] = [];
	const idx: number[] = [];
	const axis = (i: number): Vec3 => [0, 1, 2].map((k) => (k === i ? 1 : 0)) as Vec3;
	for (let a = 0; a < 3; a++)
		for (const s of [1, -1]) {
			const [n, u, v] = [axis(a).map((x) => x * s) as Vec3, axis((a + 1) % 3), axis((a + 2) % 3)];
			const base = pos.length / 3;
			const corners = s > 0 ? [[-1, -1], [1, -1], [1, 1], [-1, 1]] : [[-1, -1], [-1, 1], [1, 1], [1, -1]];
			for (const [cu, cv] of corners) {
				for (let k = 0; k < 3; k++) pos.push((n[k] + cu * u[k] + cv * v[k]) * 0.25);
				nor.push(...n);
				uv.push((cu + 1) / 2, (cv + 1) / 2);
			}
			idx.push(base, base + 1, base + 2, base, base + 2, base + 3);
		}
	const texture = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 160, g: 110, b: 70 } } }).png().toBuffer();
	return glb('box', pos, nor, uv, idx, texture);
}

/** A UV sphere dense enough that the server stores it meshopt-compressed. */
async function sphereGlb(segments = 48): Promise<Buffer> {
	const pos: number[] = [];
	const uv: number[] = [];
	const idx: number[] = [];
	for (let y = 0; y <= segments; y++)
		for (let x = 0; x <= segments; x++) {
			const [u, v] = [x / segments, y / segments];
			pos.push(Math.cos(u * 2 * Math.PI) * Math.sin(v * Math.PI) * 0.3, Math.cos(v * Math.PI) * 0.3, Math.sin(u * 2 * Math.PI) * Math.sin(v * Math.PI) * 0.3);
			uv.push(u, v);
		}
	for (let y = 0; y < segments; y++)
		for (let x = 0; x < segments; x++) {
			const a = y * (segments + 1) + x;
			idx.push(a, a + segments + 1, a + 1, a + segments + 1, a + segments + 2, a + 1);
		}
	return glb('sphere', pos, pos.map((p) => p / 0.3), uv, idx);
}

async function glb(name: string, pos: number[], nor: number[], uv: number[], idx: number[], texture?: Buffer): Promise<Buffer> {
	const doc = new Document();
	const buffer = doc.createBuffer();
	const material = doc.createMaterial('oak').setBaseColorFactor([0.62, 0.45, 0.3, 1]).setRoughnessFactor(0.7);
	if (texture) material.setBaseColorTexture(doc.createTexture('grain').setImage(new Uint8Array(texture)).setMimeType('image/png'));
	const prim = doc
		.createPrimitive()
		.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(pos)).setBuffer(buffer))
		.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(nor)).setBuffer(buffer))
		.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(uv)).setBuffer(buffer))
		.setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(idx)).setBuffer(buffer))
		.setMaterial(material);
	doc.createScene('scene').addChild(doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(prim)));
	return Buffer.from(await new NodeIO().writeBinary(doc));
}

/** A product of the demo catalog, by its code. */
async function someProduct(request: APIRequestContext): Promise<string> {
	// A shirt: the demo's furniture comes with 3D models of its own, clothes with none.
	const res = await request.get('/api/search?q=shirt&per_page=5');
	expect(res.ok()).toBe(true);
	const { hits } = (await res.json()) as { hits: { code: string }[] };
	expect(hits.length, 'the demo catalog has shirts').toBeGreaterThan(0);
	return hits[0].code;
}

async function openEditor(page: Page, request: APIRequestContext): Promise<Locator> {
	const editor = `/pim/products/${await someProduct(request)}`;
	await signIn(page, 'merchandiser', editor);
	if (new URL(page.url()).pathname !== editor) await page.goto(editor);
	const media = page.getByRole('region', { name: 'Media' });
	await expect(media).toBeVisible();
	return media;
}

/** Problems the browser reports while the viewer loads: a refused texture or decoder shows up here. */
function consoleErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/** Opens the preview and waits for the first frame: the Reset view button is enabled only then. */
async function previewShows(page: Page, media: Locator) {
	await media.getByRole('button', { name: 'Preview 3D model' }).click();
	const dialog = page.getByRole('dialog', { name: 'Preview of the 3D model' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByTestId('model-canvas')).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Reset view' })).toBeEnabled({ timeout: 20_000 });
	await expect(dialog.getByRole('progressbar', { name: 'Loading 3D model' })).toHaveCount(0);
	await expect(dialog.getByRole('alert')).toHaveCount(0);
	return dialog;
}

test('a merchandiser uploads a 3D model, previews it, and a file that is not one is refused', async ({ page, request }) => {
	const media = await openEditor(page, request);
	const errors = consoleErrors(page);
	const previews = media.getByRole('button', { name: /^Preview 3D model/ });
	const before = await previews.count();

	await media.getByLabel('Upload 3D model').setInputFiles({ name: 'box.glb', mimeType: 'model/gltf-binary', buffer: await boxGlb() });
	await expect(media.getByText('box.glb added.')).toBeVisible();
	await expect(previews).toHaveCount(before + 1);
	await expect(media.getByText(/KB · stored as uploaded/)).toBeVisible();

	const dialog = await previewShows(page, media);
	await expectAccessible(page);
	expect(errors.filter((e) => /Content Security Policy|GLTFLoader|WebGL/i.test(e))).toEqual([]);
	await dialog.getByRole('button', { name: 'Reset view' }).click();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toBeHidden();

	await media.getByLabel('Upload 3D model').setInputFiles({ name: 'model.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from('These are the notes for the chair, not a model.\n') });
	await expect(media.getByRole('alert')).toContainText('model.glb: This file is not a glTF 2.0 binary (.glb): it does not start with the GLB signature.');
	await expect(previews).toHaveCount(before + 1);
	await expect(media.getByText('model.glb added.')).toHaveCount(0);
	await expectAccessible(page);
});

test('a meshopt-compressed model is stored smaller and still shows in the viewer', async ({ page, request }) => {
	const media = await openEditor(page, request);
	const errors = consoleErrors(page);
	await media.getByLabel('Upload 3D model').setInputFiles({ name: 'sphere.glb', mimeType: 'model/gltf-binary', buffer: await sphereGlb() });
	await expect(media.getByText(/KB · meshopt-compressed/)).toBeVisible();
	await previewShows(page, media);
	expect(errors.filter((e) => /Content Security Policy|WebAssembly|GLTFLoader/i.test(e))).toEqual([]);
});

test('an uploaded image shows as a thumbnail with alt text fields and can be moved', async ({ page, request }) => {
	const media = await openEditor(page, request);
	const images = media.getByRole('listitem', { name: /^Image \d+/ });
	const before = await images.count();
	const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 186, g: 120, b: 60 } } }).png().toBuffer();

	await media.getByLabel('Upload images').setInputFiles({ name: 'swatch.png', mimeType: 'image/png', buffer: png });
	await expect(media.getByText('swatch.png added.')).toBeVisible();
	await expect(images).toHaveCount(before + 1);
	const n = before + 1;
	const thumb = images.nth(before).locator('img');
	await expect(thumb).toHaveAttribute('src', /^\/media\/images\/[0-9a-f]{2}\/[0-9a-f]{64}-320\.webp$/);
	// Thumbnails load lazily: look at it, as the merchandiser would.
	await thumb.scrollIntoViewIfNeeded();
	await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);

	await media.getByLabel(`Alt text (en) for image ${n}`).fill('A swatch of the oak finish');
	if (n > 1) {
		await media.getByRole('button', { name: `Move image ${n} up` }).click();
		await expect(media.getByLabel(`Alt text (en) for image ${n - 1}`)).toHaveValue('A swatch of the oak finish');
	}
	await expectAccessible(page);
});
