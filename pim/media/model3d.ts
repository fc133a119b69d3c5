import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Logger, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { and, eq } from 'drizzle-orm';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import type { PimDb } from '../db.ts';
import { ValidationError, type Issue } from '../shared/errors.ts';
import { media } from './media.schema.ts';
import { writeArFiles } from './usdz.ts';
import { writeAtomically } from './files.ts';

/** Largest .glb a merchandiser may upload: kiosks download the whole file before showing it. */
export const MAX_MODEL_BYTES = 30 * 1024 * 1024;
export const MODEL_MIME = 'model/gltf-binary';
/** A compressed model is kept only when it is at most this share of the original. */
const WORTHWHILE = 0.9;
/** How many problems a refusal names; the rest are counted. */
const NAMED_PROBLEMS = 3;

/**
 * Extensions the kiosk viewer (three.js GLTFLoader with the meshopt decoder) can decode.
 * A model that *requires* any other (Draco, Basis textures…) would not show on a kiosk.
 */
const VIEWER_EXTENSIONS = new Set([
	'KHR_lights_punctual',
	'KHR_materials_clearcoat',
	'KHR_materials_diffuse_roughness',
	'KHR_materials_dispersion',
	'KHR_materials_ior',
	'KHR_materials_sheen',
	'KHR_materials_specular',
	'KHR_materials_transmission',
	'KHR_materials_iridescence',
	'KHR_materials_anisotropy',
	'KHR_materials_unlit',
	'KHR_materials_volume',
	'KHR_materials_emissive_strength',
	'KHR_texture_transform',
	'KHR_mesh_quantization',
	'EXT_materials_bump',
	'EXT_texture_webp',
	'EXT_texture_avif',
	'EXT_meshopt_compression',
	'KHR_meshopt_compression',
	'EXT_mesh_gpu_instancing'
]);

/** File name of a stored model under the media directory. */
export function modelFile(file: string): string {
	return `${file}.glb`;
}

/** What storing a model did; `issues` are the validator's warnings, worth showing but not blocking. */
export interface StoredModel {
	id: number;
	/** Size of the stored file, after compression if that was kept. */
	bytes: number;
	compressed: boolean;
	/**
	 * Textures the USDZ made here for iOS left out (the editor's browser then makes a textured
	 * one); null when no USDZ could be made, and the model is only shown in 3D and on Android.
	 */
	usdzTexturesDropped: number | null;
	issues?: Issue[];
}

interface ValidatorMessage {
	code: string;
	message: string;
	severity: number;
	pointer?: string;
	offset?: number;
}

interface ValidatorReport {
	issues: { numErrors: number; numWarnings: number; messages: ValidatorMessage[]; truncated: boolean };
	info?: { version?: string; drawCallCount?: number; extensionsRequired?: string[] };
}

interface GltfValidator {
	validateBytes(data: Uint8Array, options: { format: 'glb'; maxIssues: number; writeTimestamp: boolean }): Promise<ValidatorReport>;
}

let validator: GltfValidator | null = null;

/** The Khronos validator ships without types and is large: loaded on the first upload, typed here. */
function gltfValidator(): GltfValidator {
	validator ??= createRequire(import.meta.url)('gltf-validator') as GltfValidator;
	return validator;
}

const SEVERITY_ERROR = 0;
const SEVERITY_WARNING = 1;

/** Problems with the GLB container itself: the file is not a .glb at all, or it is damaged. */
function containerProblem(m: ValidatorMessage, bytes: Uint8Array): string {
	if (m.code === 'GLB_INVALID_MAGIC') {
		const start = String.fromCharCode(...bytes.subarray(0, 16)).trimStart();
		if (start.startsWith('{')) return 'it is a text .gltf file, not a binary one; export it as .glb';
		return 'it does not start with the GLB signature';
	}
	if (m.code === 'GLB_INVALID_VERSION') return `it is a GLB version ${new DataView(bytes.buffer, bytes.byteOffset + 4, 4).getUint32(0, true)} file (glTF 1.0); only glTF 2.0 is supported`;
	if (/^GLB_(UNEXPECTED_END|LENGTH|CHUNK_TOO_BIG)/.test(m.code)) return `the file is cut short or damaged (${m.message.replace(/\.$/, '')})`;
	return m.message.replace(/\.$/, '');
}

function describe(m: ValidatorMessage): string {
	if (m.code === 'UNKNOWN_ASSET_MAJOR_VERSION') return `${m.message.replace(/\.$/, '')} (only glTF 2.0 is supported)`;
	return m.pointer && m.pointer !== '/' ? `${m.message.replace(/\.$/, '')} at ${m.pointer}` : m.message.replace(/\.$/, '');
}

function refuse(message: string): never {
	throw new ValidationError(message, [{ path: 'file', message }]);
}

/** Formats a byte count the way the PIM shows file sizes. */
function megabytes(n: number): string {
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Validates with the Khronos glTF validator; throws a ValidationError naming the first problems. */
async function validateGlb(bytes: Uint8Array): Promise<Issue[]> {
	const report = await gltfValidator().validateBytes(bytes, { format: 'glb', maxIssues: 50, writeTimestamp: false });
	const errors = report.issues.messages.filter((m) => m.severity === SEVERITY_ERROR);
	if (errors.length) {
		const more = report.issues.numErrors - Math.min(errors.length, NAMED_PROBLEMS);
		const tail = more > 0 ? ` (and ${more} more)` : '';
		if (errors[0].code.startsWith('GLB_')) refuse(`This file is not a glTF 2.0 binary (.glb): ${containerProblem(errors[0], bytes)}.`);
		if (errors[0].code === 'UNKNOWN_ASSET_MAJOR_VERSION') refuse(`This file is not a glTF 2.0 binary (.glb): ${describe(errors[0])}.`);
		refuse(`This glTF 2.0 model has errors: ${errors.slice(0, NAMED_PROBLEMS).map(describe).join('; ')}${tail}.`);
	}
	const info = report.info ?? {};
	if (!info.drawCallCount) refuse('This glTF 2.0 model has nothing to show: it contains no meshes.');
	const unsupported = (info.extensionsRequired ?? []).filter((e) => !VIEWER_EXTENSIONS.has(e));
	if (unsupported.length)
		refuse(`This model needs ${unsupported.join(', ')}, which the kiosk viewer cannot decode; export it without ${unsupported.length > 1 ? 'them' : 'it'} (meshopt compression is applied here).`);
	return report.issues.messages
		.filter((m) => m.severity === SEVERITY_WARNING)
		.slice(0, 10)
		.map((m) => ({ path: m.pointer ?? 'file', message: m.message }));
}

/**
 * Meshopt-compresses the model (reorder, quantize, EXT_meshopt_compression). Returns null
 * when the model cannot be rewritten (an extension we cannot read, already compressed) or
 * the result fails validation: compression is an optimisation, never a reason to refuse.
 */
async function compressGlb(bytes: Uint8Array): Promise<Uint8Array | null> {
	try {
		await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
		const io = new NodeIO()
			.setLogger(new Logger(Logger.Verbosity.WARN))
			.registerExtensions(ALL_EXTENSIONS)
			.registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
		const doc = await io.readBinary(bytes);
		const used = doc.getRoot().listExtensionsUsed().map((e) => e.extensionName);
		if (used.includes('EXT_meshopt_compression') || used.includes('KHR_draco_mesh_compression')) return null;
		await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
		const out = await io.writeBinary(doc);
		const report = await gltfValidator().validateBytes(out, { format: 'glb', maxIssues: 10, writeTimestamp: false });
		return report.issues.numErrors === 0 ? out : null;
	} catch {
		return null;
	}
}


function findModel(db: PimDb, checksum: string) {
	return db.select({ id: media.id, file: media.file, bytes: media.bytes }).from(media).where(and(eq(media.kind, 'model3d'), eq(media.checksum, checksum))).get();
}

/**
 * Whether a stored .glb is meshopt-compressed, read from its JSON chunk only. False when the
 * file is missing or unreadable: the answer only decides what the editor shows.
 */
export function isMeshoptCompressed(mediaDir: string, file: string): boolean {
	let fd: number | null = null;
	try {
		fd = openSync(join(mediaDir, modelFile(file)), 'r');
		const header = Buffer.alloc(20);
		if (readSync(fd, header, 0, 20, 0) < 20 || header.readUInt32LE(0) !== 0x46546c67) return false;
		const json = Buffer.alloc(Math.min(header.readUInt32LE(12), 16 * 1024 * 1024));
		readSync(fd, json, 0, json.length, 20);
		const doc = JSON.parse(json.toString('utf8')) as { extensionsUsed?: string[] };
		return doc.extensionsUsed?.includes('EXT_meshopt_compression') ?? false;
	} catch {
		return false;
	} finally {
		if (fd !== null) closeSync(fd);
	}
}

/**
 * Stores an uploaded 3D model once per content: refuses anything that is not a valid glTF 2.0
 * binary within MAX_MODEL_BYTES, keeps a meshopt-compressed copy when that saves at least 10%,
 * and records it under the SHA-256 of the upload, so the same file again returns the same id.
 * Nothing is written unless the model is accepted.
 */
export async function storeModel(db: PimDb, mediaDir: string, input: Uint8Array): Promise<StoredModel> {
	const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
	if (bytes.length > MAX_MODEL_BYTES)
		refuse(`This file is ${megabytes(bytes.length)}; a 3D model can be at most ${megabytes(MAX_MODEL_BYTES)}. Reduce its textures or polygons and try again.`);
	const checksum = createHash('sha256').update(bytes).digest('hex');
	const known = findModel(db, checksum);
	if (known) return { id: known.id, bytes: known.bytes, compressed: isMeshoptCompressed(mediaDir, known.file), usdzTexturesDropped: null };
	const warnings = await validateGlb(bytes);
	const packed = await compressGlb(bytes);
	const compressed = packed !== null && packed.length < bytes.length * WORTHWHILE;
	const stored = compressed ? packed : bytes;
	const file = `models/${checksum.slice(0, 2)}/${checksum}`;
	// AR files are made from the upload rather than the compressed copy: nothing to decode first.
	const usdz = await writeArFiles(mediaDir, file, bytes, compressed);
	writeAtomically(join(mediaDir, modelFile(file)), stored);
	const row = db
		.insert(media)
		.values({ kind: 'model3d', checksum, file, mime: MODEL_MIME, bytes: stored.length })
		.onConflictDoNothing()
		.returning({ id: media.id })
		.get();
	// A concurrent upload of the same file may have won the insert: same content, same answer.
	const id = row?.id ?? findModel(db, checksum)!.id;
	return { id, bytes: stored.length, compressed, usdzTexturesDropped: usdz?.texturesDropped ?? null, ...(warnings.length ? { issues: warnings } : {}) };
}
