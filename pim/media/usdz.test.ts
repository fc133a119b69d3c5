import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Document, NodeIO, getBounds } from '@gltf-transform/core';
import { createRequire } from 'node:module';
import { zipSync } from 'three/examples/jsm/libs/fflate.module.js';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { demoModel, MODEL_SHAPES } from '../../src/lib/server/demo/models.ts';
import { ValidationError } from '../shared/errors.ts';
import { media } from './media.schema.ts';
import { modelFile, storeModel } from './model3d.ts';
import { arGlbFile, ensureArFiles, glbToUsdz, readZipEntries, storeUsdz, usdzFile, usdzProblems } from './usdz.ts';

const validator = createRequire(import.meta.url)('gltf-validator') as {
	validateBytes(b: Uint8Array, o: object): Promise<{ issues: { numErrors: number }; info: { extensionsUsed?: string[] } }>;
};

let t: ReturnType<typeof createTestDb>;
let mediaDir: string;
beforeEach(() => {
	t = createTestDb();
	mediaDir = join(t.dir, 'media');
});
afterEach(() => t.cleanup());

/** A file's text, read straight from the stored (uncompressed) zip entry. */
function entryText(usdz: Uint8Array, index: number): string {
	const e = readZipEntries(usdz)[index];
	return new TextDecoder().decode(usdz.subarray(e.dataOffset, e.dataOffset + e.size));
}

/** A one-quad model whose material has a base colour texture (a real PNG). */
async function texturedGlb(): Promise<Uint8Array> {
	const doc = new Document();
	const buffer = doc.createBuffer();
	const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c0392b' } }).png().toBuffer();
	const texture = doc.createTexture('wood').setImage(new Uint8Array(png)).setMimeType('image/png');
	const prim = doc
		.createPrimitive()
		.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0])).setBuffer(buffer))
		.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1])).setBuffer(buffer))
		.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array([0, 0, 1, 0, 1, 1, 0, 1])).setBuffer(buffer))
		.setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array([0, 1, 2, 0, 2, 3])).setBuffer(buffer))
		.setMaterial(doc.createMaterial('wood').setBaseColorTexture(texture));
	doc.createScene().addChild(doc.createNode('panel').setMesh(doc.createMesh('panel').addPrimitive(prim)));
	return new NodeIO().writeBinary(doc);
}

describe('demo models', () => {
	it.each(MODEL_SHAPES)('%s is a valid glTF 2.0 binary exactly the product’s size, standing on the floor', async (shape) => {
		const size = { w: 0.8, h: 0.75, d: 0.5 };
		const glb = await demoModel(shape, '#2f6f4f', size);
		const report = await validator.validateBytes(glb, { format: 'glb', maxIssues: 10, writeTimestamp: false });
		expect(report.issues.numErrors).toBe(0);
		const doc = await new NodeIO().readBinary(glb);
		const { min, max } = getBounds(doc.getRoot().listScenes()[0]);
		expect(min[1]).toBeCloseTo(0, 2);
		// Within a few centimetres of the catalogue's size: details may stick out a little (a handle, a screen).
		expect(max[0] - min[0]).toBeGreaterThan(size.w * 0.5);
		expect(max[0] - min[0]).toBeLessThan(size.w + 0.05);
		expect(max[1] - min[1]).toBeLessThan(Math.max(size.h, 0.2) + 0.05);
	});
});

describe('USDZ for Quick Look', () => {
	it('is an uncompressed, 64-byte aligned zip whose first file is the USD layer, in metres with Y up', async () => {
		const { usdz, texturesDropped } = await glbToUsdz(await demoModel('table', '#8a5a3b', { w: 1.6, h: 0.75, d: 0.9 }));
		expect(texturesDropped).toBe(0);
		expect(usdzProblems(usdz)).toEqual([]);
		const entries = readZipEntries(usdz);
		expect(entries[0].name).toBe('model.usda');
		expect(entries.every((e) => e.method === 0 && e.dataOffset % 64 === 0)).toBe(true);
		const layer = entryText(usdz, 0);
		expect(layer).toMatch(/^#usda 1\.0/);
		expect(layer).toContain('metersPerUnit = 1');
		expect(layer).toContain('upAxis = "Y"');
		expect(layer).toContain('preliminary:anchoring:type = "plane"');
		// The table top's corners are at ±0.8 m, ±0.45 m and 0.75 m high: real size, not normalised.
		const geometry = entries.slice(1).map((_, i) => entryText(usdz, i + 1)).join('\n');
		expect(geometry).toContain('(-0.8000000, 0.7500000, -0.4500000)');
	});

	it('keeps a textured model’s geometry and colours and counts the textures it could not carry', async () => {
		const { usdz, texturesDropped } = await glbToUsdz(await texturedGlb());
		expect(texturesDropped).toBe(1);
		expect(usdzProblems(usdz)).toEqual([]);
	});

	it('is made when a model is stored, with an uncompressed copy for Scene Viewer when the stored one is compressed', async () => {
		const stored = await storeModel(t.db, mediaDir, await demoModel('sofa', '#556b8d', { w: 2.1, h: 0.85, d: 0.95 }));
		const file = t.db.select().from(media).where(eq(media.id, stored.id)).get()!.file;
		expect(stored.usdzTexturesDropped).toBe(0);
		expect(usdzProblems(readFileSync(join(mediaDir, usdzFile(file))))).toEqual([]);
		const ar = await ensureArFiles(mediaDir, file, stored.compressed);
		if (stored.compressed) {
			expect(ar.glb).toBe(arGlbFile(file));
			const plain = readFileSync(join(mediaDir, ar.glb));
			const report = await validator.validateBytes(plain, { format: 'glb', maxIssues: 10, writeTimestamp: false });
			expect(report.issues.numErrors).toBe(0);
			expect(report.info.extensionsUsed ?? []).not.toContain('EXT_meshopt_compression');
		} else expect(ar.glb).toBe(modelFile(file));
	});

	it('is made on first use for a model stored before USDZ existed, and then reused', async () => {
		const stored = await storeModel(t.db, mediaDir, await demoModel('lamp', '#dddddd', { w: 0.4, h: 1.6, d: 0.4 }));
		const file = t.db.select().from(media).where(eq(media.id, stored.id)).get()!.file;
		const { rmSync, statSync } = await import('node:fs');
		rmSync(join(mediaDir, usdzFile(file)));
		rmSync(join(mediaDir, arGlbFile(file)), { force: true });
		await ensureArFiles(mediaDir, file, stored.compressed);
		const first = statSync(join(mediaDir, usdzFile(file))).mtimeMs;
		await ensureArFiles(mediaDir, file, stored.compressed);
		expect(statSync(join(mediaDir, usdzFile(file))).mtimeMs).toBe(first);
	});

	it('takes a textured USDZ from the editor’s browser only when it is a valid package', async () => {
		const stored = await storeModel(t.db, mediaDir, await demoModel('box', '#aa7744', { w: 0.4, h: 0.3, d: 0.3 }));
		const file = t.db.select().from(media).where(eq(media.id, stored.id)).get()!.file;
		const before = readFileSync(join(mediaDir, usdzFile(file)));
		const refuse = (bytes: Uint8Array) => {
			expect(() => storeUsdz(mediaDir, file, bytes)).toThrow(ValidationError);
			expect(readFileSync(join(mediaDir, usdzFile(file)))).toEqual(before);
		};
		refuse(new TextEncoder().encode('not a zip at all'));
		refuse(zipSync({ 'model.usda': new TextEncoder().encode('#usda 1.0\n') }, { level: 6 }));
		refuse(zipSync({ 'texture.png': new Uint8Array(8), 'model.usda': new TextEncoder().encode('#usda 1.0\n') }, { level: 0 }));
		refuse(zipSync({ 'model.usda': new TextEncoder().encode('#usda 1.0\n'), 'run.sh': new Uint8Array(8) }, { level: 0 }));
		const { usdz } = await glbToUsdz(await texturedGlb());
		storeUsdz(mediaDir, file, usdz);
		expect(new Uint8Array(readFileSync(join(mediaDir, usdzFile(file))))).toEqual(usdz);
		expect(() => storeUsdz(mediaDir, 'models/00/' + '0'.repeat(64), usdz)).toThrow('not stored');
		expect(existsSync(join(mediaDir, usdzFile('models/00/' + '0'.repeat(64))))).toBe(false);
	});
});
