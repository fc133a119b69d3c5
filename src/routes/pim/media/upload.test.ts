import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Document, NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { media } from '$pim/media/media.schema.ts';
import { MAX_MODEL_BYTES } from '$pim/media/model3d.ts';
import type { SessionUser } from '$lib/server/auth';
import type { EditorMedia, UploadRefusal } from '$lib/pim-types';
import { createTestDb } from '../../../../tests/helpers/db.ts';

const t = createTestDb();
const mediaDir = join(t.dir, 'media');
vi.mock('$lib/server/app', () => ({ app: () => ({ db: t.db, config: { mediaDir } }) }));
const { POST } = await import('./+server.ts');

const merchandiser = { id: 1, email: 'm@example.com', name: 'M', role: 'merchandiser', homeStoreId: null, homeStoreCode: null } as SessionUser;

/** Calls the endpoint as SvelteKit would, with the user the hook put on `locals`. */
async function post(body: BodyInit, user: SessionUser | null = merchandiser, headers: Record<string, string> = {}): Promise<Response> {
	const request = new Request('http://localhost/pim/media', { method: 'POST', body, headers });
	const event = { request, url: new URL(request.url), locals: { user } };
	return (POST as unknown as (e: typeof event) => Promise<Response>)(event);
}

function form(kind: string, name: string, bytes: Uint8Array | string, type = 'application/octet-stream'): FormData {
	const f = new FormData();
	f.set('kind', kind);
	f.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
	return f;
}

async function boxGlb(): Promise<Uint8Array> {
	const doc = new Document();
	const buffer = doc.createBuffer();
	const pos = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]);
	const prim = doc
		.createPrimitive()
		.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer))
		.setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array([0, 1, 2, 2, 1, 3])).setBuffer(buffer));
	doc.createScene().addChild(doc.createNode().setMesh(doc.createMesh().addPrimitive(prim)));
	return new NodeIO().writeBinary(doc);
}

const files = () => (existsSync(mediaDir) ? readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

beforeAll(() => expect(files()).toBe(0));
afterAll(() => t.cleanup());

describe('POST /pim/media', () => {
	it('stores a model and answers with the draft entry the editor adds', async () => {
		const res = await post(form('model3d', 'box.glb', await boxGlb(), 'model/gltf-binary'));
		expect(res.status).toBe(200);
		const item = (await res.json()) as EditorMedia;
		expect(item).toMatchObject({ role: 'model3d', variant: null, alt: {}, compressed: false, width: null });
		expect(item.url).toMatch(/^\/media\/models\/[0-9a-f]{2}\/[0-9a-f]{64}\.glb$/);
		expect(existsSync(join(mediaDir, item.url.replace('/media/', '')))).toBe(true);
	});

	it('stores an image and answers with its thumbnail', async () => {
		const png = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#a07040' } }).png().toBuffer();
		const res = await post(form('image', 'swatch.png', png, 'image/png'));
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ role: 'image', width: 50, height: 40, url: expect.stringMatching(/-320\.webp$/) });
	});

	it('refuses a text file named .glb with a clear message and stores nothing', async () => {
		const before = { rows: t.db.select().from(media).all().length, files: files() };
		const res = await post(form('model3d', 'model.glb', 'notes, not a model'));
		expect(res.status).toBe(400);
		const body = (await res.json()) as UploadRefusal;
		expect(body.message).toBe('This file is not a glTF 2.0 binary (.glb): it does not start with the GLB signature.');
		expect(body.issues).toEqual([{ path: 'file', message: body.message }]);
		expect({ rows: t.db.select().from(media).all().length, files: files() }).toEqual(before);
	});

	it('says what is missing from the form', async () => {
		const f = new FormData();
		f.set('kind', 'video');
		const res = await post(f);
		expect(res.status).toBe(400);
		expect(((await res.json()) as UploadRefusal).issues[0].path).toBe('kind');
	});

	it('refuses an upload that declares more than the limit before reading it', async () => {
		const res = await post('x', merchandiser, { 'content-length': String(MAX_MODEL_BYTES + 10 * 1024 * 1024), 'content-type': 'multipart/form-data; boundary=x' });
		expect(res.status).toBe(413);
		expect(((await res.json()) as UploadRefusal).message).toMatch(/at most 30 MB/);
	});

	it('refuses an associate', async () => {
		const associate = { ...merchandiser, role: 'associate' } as SessionUser;
		await expect(post(form('model3d', 'box.glb', await boxGlb()), associate)).rejects.toMatchObject({ status: 403 });
	});
});
