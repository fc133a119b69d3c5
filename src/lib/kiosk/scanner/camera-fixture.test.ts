// Checks the end-to-end scanner tests' fake camera: the frames decode to the intended codes,
// the Y4M is what Chromium accepts, and the codes name the demo products the tests expect.
import { Faker, en } from '@faker-js/faker';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { generateCatalogContent } from '$lib/server/demo/vocabulary';
import { codePng, demoGtin13, FRAME, framePixels, SAMPLES, y4m } from '../../../../tests/e2e/camera.ts';
import { parseScan } from './scan-code';

const ORIGIN = 'http://127.0.0.1:4173';

function decode(grey: Uint8Array): string {
	const reader = new MultiFormatReader();
	reader.setHints(new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.EAN_13]]]));
	const source = new RGBLuminanceSource(new Uint8ClampedArray(grey), FRAME.width, FRAME.height);
	return reader.decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
}

describe('y4m', () => {
	it('writes a C420jpeg header, one frame marker and 4:2:0 planes', () => {
		const out = y4m(new Uint8Array(4 * 2).fill(255), 4, 2);
		const header = 'YUV4MPEG2 W4 H2 F30:1 Ip A1:1 C420jpeg\nFRAME\n';
		expect(out.subarray(0, header.length).toString('ascii')).toBe(header);
		expect(out.length).toBe(header.length + 8 + 2 + 2);
		expect([...out.subarray(header.length + 8)]).toEqual([128, 128, 128, 128]);
		expect(() => y4m(new Uint8Array(9), 3, 3)).toThrow();
	});
});

describe('scanner samples', () => {
	it('draw frames the decoder reads back as the intended code', async () => {
		const qr = await framePixels(await codePng('qr', SAMPLES['scan-gs1'].text()));
		expect(decode(qr)).toBe(SAMPLES['scan-gs1'].text());
		const ean = await framePixels(await codePng('ean13', demoGtin13(25)));
		expect(decode(ean)).toBe(demoGtin13(25));
	});

	it('name the demo variants the e2e server seeds, in the kinds the scanner tells apart', () => {
		// The seed's own steps (src/lib/server/demo/seed.ts): brands from faker, then content; GTINs run over sellable leaves.
		const faker = new Faker({ locale: [en] });
		faker.seed(20261122);
		const brands = [...new Set(Array.from({ length: 40 }, () => faker.company.name().split(/[ ,-]/)[0]))].filter((b) => b.length >= 3).slice(0, 24);
		const content = generateCatalogContent({ products: 300, seed: 20261122, brands });
		const byGtin = new Map<string, { code: string; sku: string; name: string }>();
		let serial = 1;
		for (const p of content.products)
			for (const v of p.variants)
				for (const leaf of v.children?.length ? v.children : [v]) byGtin.set(demoGtin13(serial++), { code: p.code, sku: leaf.code, name: String(p.values.name?.['*']?.en) });

		for (const name of ['scan-gs1', 'scan-ean13'] as const) {
			const scanned = parseScan(SAMPLES[name].text(), { origins: [ORIGIN] });
			expect(scanned.kind).toBe('gtin');
			expect(byGtin.get(scanned.kind === 'gtin' ? scanned.gtin14.slice(1) : '')).toEqual(SAMPLES[name].opens);
		}
		const link = SAMPLES['scan-product-link'];
		expect(parseScan(link.text(ORIGIN), { origins: [ORIGIN] })).toEqual({ kind: 'product', code: link.opens.code, sku: link.opens.sku });
		expect([...byGtin.values()]).toContainEqual(link.opens);
		expect(parseScan(SAMPLES['scan-unknown'].text(), { origins: [ORIGIN] })).toEqual({ kind: 'unknown' });
	});
});
