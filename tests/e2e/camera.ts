// A fake camera for the scanner tests: Chromium plays a Y4M file as its webcam, fixed per
// browser launch, so each code image gets its own Playwright project. The files are written
// by this module's default export, Playwright's global setup, before any browser starts.
import bwipjs from 'bwip-js/node';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';

export const FRAME = { width: 640, height: 480 } as const;

/** Where the fake camera files live; fixed at config load so launch flags can name them. */
export const CAMERA_DIR = join(tmpdir(), `aisle-e2e-camera-${process.env.E2E_PORT ?? '4173'}`);

/** A GTIN-13 of the demo catalog: `2`, an 11-digit running number, the GS1 check digit (as the seed makes them). */
export function demoGtin13(n: number): string {
	const body = `2${String(n).padStart(11, '0')}`;
	let sum = 0;
	for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
	return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * The codes the scanner tests show the camera, from the 300-product demo catalog the e2e server
 * seeds. GTINs are numbered over sellable variants in seeding order: DRS-0001 (4 colours × 6
 * sizes) holds 1–24, so DRS-0001-NAVY-M is 3 and CHN-0001 is 25.
 */
export const SAMPLES = {
	'scan-product-link': { text: (origin: string) => `${origin}/p/DRS-0001?v=DRS-0001-BLUE-M`, kind: 'qr', opens: { code: 'DRS-0001', sku: 'DRS-0001-BLUE-M', name: 'Denim shirt dress' } },
	'scan-gs1': { text: () => `https://id.example.com/01/0${demoGtin13(3)}`, kind: 'qr', opens: { code: 'DRS-0001', sku: 'DRS-0001-NAVY-M', name: 'Denim shirt dress' } },
	'scan-ean13': { text: () => demoGtin13(25), kind: 'ean13', opens: { code: 'CHN-0001', sku: 'CHN-0001', name: 'Modern brass chandelier' } },
	'scan-unknown': { text: () => 'https://evil.example.com/phish', kind: 'qr', opens: null }
} as const;

export type SampleName = keyof typeof SAMPLES;

/** The Y4M file a project's fake camera plays. */
export function cameraFile(name: SampleName): string {
	return join(CAMERA_DIR, `${name}.y4m`);
}

/** One 4:2:0 Y4M frame (Chromium loops it) from 8-bit grey pixels: the image as luma, neutral chroma. */
export function y4m(grey: Uint8Array, width: number, height: number): Buffer {
	if (width % 2 || height % 2 || grey.length !== width * height) throw new Error('Y4M needs even sides and one byte per pixel');
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
	const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
	return Buffer.concat([header, grey, chroma]);
}

/** The code drawn as a PNG: a QR at error correction H, or an EAN-13 with its digits. */
export async function codePng(kind: 'qr' | 'ean13', text: string): Promise<Buffer> {
	if (kind === 'qr') return QRCode.toBuffer(text, { errorCorrectionLevel: 'H', margin: 4, scale: 6 });
	return bwipjs.toBuffer({ bcid: 'ean13', text, scale: 3, height: 25, includetext: true, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'ffffff' });
}

/** The code centred on a white 640 × 480 frame, slightly blurred like a real lens, as grey pixels. */
export async function framePixels(png: Buffer): Promise<Uint8Array> {
	const code = await sharp(png).flatten({ background: '#ffffff' }).resize({ width: 360, height: 360, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
	const { data } = await sharp({ create: { width: FRAME.width, height: FRAME.height, channels: 3, background: '#ffffff' } })
		.composite([{ input: code, gravity: 'centre' }])
		.blur(0.6)
		.greyscale()
		.raw()
		.toBuffer({ resolveWithObject: true });
	// greyscale() still yields three channels here; keep one.
	const grey = new Uint8Array(FRAME.width * FRAME.height);
	const channels = data.length / grey.length;
	for (let i = 0; i < grey.length; i++) grey[i] = data[i * channels];
	return grey;
}

/** Playwright global setup: writes every sample's fake camera file before the browsers launch. */
export default async function writeCameraFiles() {
	const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
	mkdirSync(CAMERA_DIR, { recursive: true });
	for (const [name, sample] of Object.entries(SAMPLES) as [SampleName, (typeof SAMPLES)[SampleName]][]) {
		const grey = await framePixels(await codePng(sample.kind, sample.text(origin)));
		writeFileSync(cameraFile(name), y4m(grey, FRAME.width, FRAME.height));
	}
}
