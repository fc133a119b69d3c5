import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder as GltfMeshoptDecoder } from 'meshoptimizer';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { USDZExporter } from 'three/examples/jsm/exporters/USDZExporter.js';
import { ValidationError } from '../shared/errors.ts';
import { modelFile } from './model3d.ts';
import { writeAtomically } from './files.ts';

/**
 * The USDZ version of a model, for iOS Quick Look. Made from the glTF binary with three's own
 * USDZExporter, here in Node. Node has no canvas to re-encode images, so textures are left out
 * here (base colours, metalness and roughness are kept); the PIM editor replaces the file with
 * a textured one made in the merchandiser's browser (`storeUsdz`), where a canvas exists.
 */

export const USDZ_MIME = 'model/vnd.usdz+zip';
/** Largest USDZ a browser may send back for a model. */
export const MAX_USDZ_BYTES = 60 * 1024 * 1024;

export function usdzFile(file: string): string {
	return `${file}.usdz`;
}

/**
 * A copy of a meshopt-compressed model without the compression, for AR viewers outside the
 * app (Android's Scene Viewer) that cannot decode it. Uncompressed models are used as they are.
 */
export function arGlbFile(file: string): string {
	return `${file}-ar.glb`;
}

export interface UsdzResult {
	bytes: number;
	/** Textures the Node conversion had to leave out. */
	texturesDropped: number;
}


/** Rewrites the GLB with meshopt decoded; with `dropTextures`, images removed too (for three in Node). */
async function plainGlb(glb: Uint8Array, dropTextures: boolean): Promise<{ bytes: Uint8Array; texturesDropped: number }> {
	await GltfMeshoptDecoder.ready;
	const io = new NodeIO()
		.setLogger(new Logger(Logger.Verbosity.ERROR))
		.registerExtensions(ALL_EXTENSIONS)
		.registerDependencies({ 'meshopt.decoder': GltfMeshoptDecoder });
	const doc = await io.readBinary(glb);
	const root = doc.getRoot();
	const textures = dropTextures ? root.listTextures() : [];
	for (const t of textures) t.dispose();
	const drop = ['EXT_meshopt_compression', 'KHR_meshopt_compression', ...(dropTextures ? ['EXT_texture_webp', 'EXT_texture_avif', 'KHR_texture_basisu'] : [])];
	// Decoded on read; written back plain. Texture-only extensions go with the textures.
	for (const e of root.listExtensionsUsed()) if (drop.includes(e.extensionName)) e.dispose();
	return { bytes: await io.writeBinary(doc), texturesDropped: textures.length };
}

/** Converts a glTF binary to USDZ (the USD layer first, stored uncompressed, 64-byte aligned, as Quick Look requires). */
export async function glbToUsdz(glb: Uint8Array): Promise<{ usdz: Uint8Array; texturesDropped: number }> {
	const plain = await plainGlb(glb, true);
	await MeshoptDecoder.ready;
	const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
	const buffer = plain.bytes.buffer.slice(plain.bytes.byteOffset, plain.bytes.byteOffset + plain.bytes.byteLength) as ArrayBuffer;
	const gltf = await loader.parseAsync(buffer, '');
	const exporter = new USDZExporter();
	const usdz = await exporter.parseAsync(gltf.scene, {
		quickLookCompatible: true,
		ar: { anchoring: { type: 'plane' }, planeAnchoring: { alignment: 'horizontal' } }
	});
	return { usdz: new Uint8Array(usdz), texturesDropped: plain.texturesDropped };
}

/** Makes the stored model's USDZ unless it exists already (it is cached next to the .glb). */
export async function ensureUsdz(mediaDir: string, file: string): Promise<UsdzResult | null> {
	const target = join(mediaDir, usdzFile(file));
	if (existsSync(target)) return null;
	const { usdz, texturesDropped } = await glbToUsdz(readFileSync(join(mediaDir, modelFile(file))));
	writeAtomically(target, usdz);
	return { bytes: usdz.length, texturesDropped };
}

/**
 * The files AR viewers need for a stored model, made on first use and cached beside it: a USDZ
 * for Quick Look, and for compressed models an uncompressed .glb for Scene Viewer. Returns
 * their names under the media directory.
 */
export async function ensureArFiles(mediaDir: string, file: string, compressed: boolean): Promise<{ glb: string; usdz: string }> {
	await ensureUsdz(mediaDir, file);
	if (!compressed) return { glb: modelFile(file), usdz: usdzFile(file) };
	const target = join(mediaDir, arGlbFile(file));
	if (!existsSync(target)) writeAtomically(target, (await plainGlb(readFileSync(join(mediaDir, modelFile(file))), false)).bytes);
	return { glb: arGlbFile(file), usdz: usdzFile(file) };
}

/** Writes the AR files from an upload's original bytes, when they are at hand anyway. */
export async function writeArFiles(mediaDir: string, file: string, original: Uint8Array, compressed: boolean): Promise<UsdzResult | null> {
	if (compressed) writeAtomically(join(mediaDir, arGlbFile(file)), original);
	try {
		const { usdz, texturesDropped } = await glbToUsdz(original);
		writeAtomically(join(mediaDir, usdzFile(file)), usdz);
		return { bytes: usdz.length, texturesDropped };
	} catch (e) {
		// Quick Look is one way to see a model; a model three cannot turn into USDZ still shows everywhere else.
		console.warn(`No USDZ for ${file}: ${(e as Error).message}`);
		return null;
	}
}

interface ZipEntry {
	name: string;
	method: number;
	dataOffset: number;
	size: number;
}

/** Reads a zip's local file headers in order (a USDZ has no data descriptors and no compression). */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const entries: ZipEntry[] = [];
	let at = 0;
	while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
		const flags = view.getUint16(at + 6, true);
		const method = view.getUint16(at + 8, true);
		const size = view.getUint32(at + 18, true);
		const nameLength = view.getUint16(at + 26, true);
		const extraLength = view.getUint16(at + 28, true);
		const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
		const dataOffset = at + 30 + nameLength + extraLength;
		if (flags & 0x08) throw new Error(`${name} uses a data descriptor`);
		entries.push({ name, method, dataOffset, size });
		at = dataOffset + size;
	}
	if (at + 4 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('the zip has no central directory after its files');
	return entries;
}

/** Problems that keep a file from being a USDZ package Quick Look opens; empty when it is one. */
export function usdzProblems(bytes: Uint8Array): string[] {
	let entries: ZipEntry[];
	try {
		entries = readZipEntries(bytes);
	} catch (e) {
		return [`not a readable zip (${(e as Error).message})`];
	}
	const problems: string[] = [];
	if (!entries.length) problems.push('the package is empty');
	else if (!/\.usd[ac]?$/.test(entries[0].name)) problems.push(`its first file is ${entries[0].name}, not a USD layer`);
	for (const e of entries) {
		if (e.method !== 0) problems.push(`${e.name} is compressed; USDZ files must be stored`);
		if (e.dataOffset % 64 !== 0) problems.push(`${e.name} does not start on a 64-byte boundary`);
		if (!/\.(usd[ac]?|png|jpe?g)$/i.test(e.name)) problems.push(`${e.name} is not a USD layer or a PNG/JPEG image`);
	}
	return problems;
}

/**
 * Stores a USDZ made elsewhere (the merchandiser's browser, with textures) for a stored model,
 * replacing the Node-made one. Refused unless it is a valid USDZ package.
 */
export function storeUsdz(mediaDir: string, file: string, bytes: Uint8Array) {
	const fail = (message: string): never => {
		throw new ValidationError(message, [{ path: 'file', message }]);
	};
	if (bytes.length > MAX_USDZ_BYTES) fail(`The USDZ file is larger than ${MAX_USDZ_BYTES / 1024 / 1024} MB.`);
	const problems = usdzProblems(bytes);
	if (problems.length) fail(`This is not a USDZ package Quick Look can open: ${problems.slice(0, 3).join('; ')}.`);
	if (!existsSync(join(mediaDir, modelFile(file)))) fail('The model this USDZ belongs to is not stored.');
	writeAtomically(join(mediaDir, usdzFile(file)), bytes);
}
