import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Document, NodeIO } from '@gltf-transform/core';
import { eq } from 'drizzle-orm';
import type { BufferGeometry, Mesh } from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { createTestDb } from '../../tests/helpers/db.ts';
import { ValidationError } from '../shared/errors.ts';
import { media } from './media.schema.ts';
import { isMeshoptCompressed, MAX_MODEL_BYTES, modelFile, storeModel } from './model3d.ts';

/** A UV sphere (positions, normals, UVs, indices): dense enough for meshopt to pay off. */
async function sphereGlb(segments = 32): Promise<Uint8Array> {
	const pos: number[] = [];
	const nor: number[] = [];
	const uv: number[] = [];
	const idx: number[] = [];
	for (let y = 0; y <= segments; y++) {
		const v = y / segments;
		for (let x = 0; x <= segments; x++) {
			const u = x / segments;
			const p = [Math.cos(u * 2 * Math.PI) * Math.sin(v * Math.PI), Math.cos(v * Math.PI), Math.sin(u * 2 * Math.PI) * Math.sin(v * Math.PI)];
			pos.push(...p);
			nor.push(...p);
			uv.push(u, v);
		}
	}
	for (let y = 0; y < segments; y++)
		for (let x = 0; x < segments; x++) {
			const a = y * (segments + 1) + x;
			const b = a + segments + 1;
			idx.push(a, b, a + 1, b, b + 1, a + 1);
		}
	return glb(new Float32Array(pos), new Float32Array(nor), new Float32Array(uv), new Uint16Array(idx));
}

/** One triangle: so small that compression cannot win against its own bookkeeping. */
function triangleGlb(): Promise<Uint8Array> {
	return glb(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]), new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1]), null, new Uint16Array([0, 1, 2]));
}

function glb(pos: Float32Array<ArrayBuffer>, nor: Float32Array<ArrayBuffer>, uv: Float32Array<ArrayBuffer> | null, idx: Uint16Array<ArrayBuffer>): Promise<Uint8Array> {
	const doc = new Document();
	const buffer = doc.createBuffer();
	const prim = doc
		.createPrimitive()
		.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer))
		.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(nor).setBuffer(buffer))
		.setIndices(doc.createAccessor().setType('SCALAR').setArray(idx).setBuffer(buffer))
		.setMaterial(doc.createMaterial('oak').setBaseColorFactor([0.6, 0.45, 0.3, 1]));
	if (uv) prim.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(uv).setBuffer(buffer));
	doc.createScene('scene').addChild(doc.createNode('chair').setMesh(doc.createMesh('chair').addPrimitive(prim)));
	return new NodeIO().writeBinary(doc);
}

/** A GLB container around arbitrary JSON (for assets gltf-transform would refuse to write). */
function rawGlb(json: unknown, version = 2): Uint8Array {
	const text = Buffer.from(JSON.stringify(json));
	const chunk = Buffer.concat([text, Buffer.alloc((4 - (text.length % 4)) % 4, 0x20)]);
	const out = Buffer.alloc(20 + chunk.length);
	out.writeUInt32LE(0x46546c67, 0);
	out.writeUInt32LE(version, 4);
	out.writeUInt32LE(out.length, 8);
	out.writeUInt32LE(chunk.length, 12);
	out.writeUInt32LE(0x4e4f534a, 16);
	chunk.copy(out, 20);
	return out;
}

let t: ReturnType<typeof createTestDb>;
let mediaDir: string;

beforeEach(() => {
	t = createTestDb();
	mediaDir = join(t.dir, 'media');
});
afterEach(() => t.cleanup());

function storedFiles(): string[] {
	return existsSync(mediaDir) ? readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

async function refusal(bytes: Uint8Array): Promise<string> {
	const e = await storeModel(t.db, mediaDir, bytes).catch((err: unknown) => err);
	expect(e).toBeInstanceOf(ValidationError);
	expect(t.db.select().from(media).all()).toEqual([]);
	expect(storedFiles()).toEqual([]);
	return (e as ValidationError).message;
}

describe('storeModel', () => {
	it('stores a valid model content-addressed, compressed with meshopt, and returns the same id for the same bytes', async () => {
		const bytes = await sphereGlb();
		const stored = await storeModel(t.db, mediaDir, bytes);
		expect(stored.compressed).toBe(true);
		expect(stored.bytes).toBeLessThan(bytes.length * 0.9);

		const row = t.db.select().from(media).where(eq(media.id, stored.id)).get()!;
		expect(row).toMatchObject({ kind: 'model3d', mime: 'model/gltf-binary', bytes: stored.bytes, width: null, height: null });
		expect(row.file).toMatch(/^models\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
		const onDisk = readFileSync(join(mediaDir, modelFile(row.file)));
		expect(onDisk.length).toBe(stored.bytes);
		expect(onDisk.subarray(0, 4).toString('latin1')).toBe('glTF');
		expect(isMeshoptCompressed(mediaDir, row.file)).toBe(true);

		const again = await storeModel(t.db, mediaDir, Buffer.from(bytes));
		expect(again).toEqual({ id: stored.id, bytes: stored.bytes, compressed: true, usdzTexturesDropped: null });
		expect(t.db.select().from(media).all()).toHaveLength(1);
	});

	it("stores a compressed model that the kiosk viewer's loader decodes to the same triangles", async () => {
		const stored = await storeModel(t.db, mediaDir, await sphereGlb());
		const row = t.db.select().from(media).where(eq(media.id, stored.id)).get()!;
		const data = readFileSync(join(mediaDir, modelFile(row.file)));
		const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
		const gltf = await loader.parseAsync(data.buffer.slice(data.byteOffset, data.byteOffset + data.length), '');
		const geometries: BufferGeometry[] = [];
		gltf.scene.traverse((o) => {
			if ((o as Mesh).isMesh) geometries.push((o as Mesh).geometry);
		});
		expect(geometries).toHaveLength(1);
		expect(geometries[0].index?.count).toBe(32 * 32 * 6);
		expect(geometries[0].attributes.position.count).toBe(33 * 33);
		expect(Object.keys(geometries[0].attributes).sort()).toEqual(['normal', 'position', 'uv']);
	});

	it('keeps the original when compression would not make it meaningfully smaller', async () => {
		const bytes = await triangleGlb();
		const stored = await storeModel(t.db, mediaDir, bytes);
		expect(stored).toMatchObject({ compressed: false, bytes: bytes.length });
		const row = t.db.select().from(media).where(eq(media.id, stored.id)).get()!;
		expect(readFileSync(join(mediaDir, modelFile(row.file)))).toEqual(Buffer.from(bytes));
		expect(isMeshoptCompressed(mediaDir, row.file)).toBe(false);
	});

	it('refuses a PNG, saying it is not a glTF 2.0 binary', async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
		expect(await refusal(png)).toBe('This file is not a glTF 2.0 binary (.glb): it does not start with the GLB signature.');
	});

	it('refuses a text file renamed to .glb', async () => {
		expect(await refusal(Buffer.from('Just some notes about the chair.\n'))).toMatch(/^This file is not a glTF 2\.0 binary \(\.glb\)/);
	});

	it('refuses a .gltf JSON file and says to export a binary', async () => {
		expect(await refusal(Buffer.from(JSON.stringify({ asset: { version: '2.0' } })))).toBe(
			'This file is not a glTF 2.0 binary (.glb): it is a text .gltf file, not a binary one; export it as .glb.'
		);
	});

	it('refuses a truncated GLB as cut short', async () => {
		const bytes = await sphereGlb(8);
		expect(await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/^This file is not a glTF 2\.0 binary \(\.glb\): the file is cut short or damaged/);
	});

	it('refuses glTF 1.0, whether in the container or the asset version', async () => {
		expect(await refusal(rawGlb({ asset: { version: '2.0' } }, 1))).toMatch(/GLB version 1 file \(glTF 1\.0\); only glTF 2\.0 is supported/);
		expect(await refusal(rawGlb({ asset: { version: '1.0' } }))).toMatch(/^This file is not a glTF 2\.0 binary \(\.glb\): .*only glTF 2\.0 is supported/);
	});

	it('names the first problems of a broken model and counts the rest', async () => {
		const broken = rawGlb({
			asset: { version: '2.0' },
			meshes: [1, 2, 3, 4].map((n) => ({ primitives: [{ attributes: { POSITION: n } }] })),
			nodes: [0, 1, 2, 3].map((mesh) => ({ mesh })),
			scenes: [{ nodes: [0, 1, 2, 3] }]
		});
		const message = await refusal(broken);
		expect(message).toMatch(/^This glTF 2\.0 model has errors: Unresolved reference: 1 at \/meshes\/0\/primitives\/0\/attributes\/POSITION; .*\(and 1 more\)\.$/);
	});

	it('refuses a model with nothing to show, and one that needs Draco', async () => {
		expect(await refusal(rawGlb({ asset: { version: '2.0' }, scenes: [{}] }))).toBe('This glTF 2.0 model has nothing to show: it contains no meshes.');
		// Accessors without a buffer view read as zeros: a mesh the validator accepts, with no binary chunk.
		const withDraco = rawGlb({
			asset: { version: '2.0' },
			extensionsUsed: ['KHR_draco_mesh_compression'],
			extensionsRequired: ['KHR_draco_mesh_compression'],
			accessors: [{ componentType: 5126, count: 3, type: 'VEC3', min: [0, 0, 0], max: [0, 0, 0] }],
			meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
			nodes: [{ mesh: 0 }],
			scenes: [{ nodes: [0] }]
		});
		expect(await refusal(withDraco)).toMatch(/needs KHR_draco_mesh_compression, which the kiosk viewer cannot decode/);
	});

	it('refuses a file over the size limit before reading it', async () => {
		const big = Buffer.alloc(MAX_MODEL_BYTES + 1024 * 1024);
		expect(await refusal(big)).toBe('This file is 31.0 MB; a 3D model can be at most 30.0 MB. Reduce its textures or polygons and try again.');
	});
});
