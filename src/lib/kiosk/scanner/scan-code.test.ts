import { describe, expect, it } from 'vitest';
import { expandUpcE } from '$lib/gtin';
import { parseScan } from './scan-code';

const origins = ['http://kiosk.local:3000', 'https://shop.example.com'];
const scan = (text: string, format?: 'upc-e') => parseScan(text, { origins, format });

describe('parseScan', () => {
	it('reads our kiosk and phone product links with the variant, on this screen and the public URL', () => {
		expect(scan('http://kiosk.local:3000/p/CHR-0001?v=CHR-0001-OAK')).toEqual({ kind: 'product', code: 'CHR-0001', sku: 'CHR-0001-OAK' });
		expect(scan('https://shop.example.com/m/p/DRS%2D0001?v=DRS-0001-NAVY-M')).toEqual({ kind: 'product', code: 'DRS-0001', sku: 'DRS-0001-NAVY-M' });
		expect(scan('https://shop.example.com/p/LMP-0002')).toEqual({ kind: 'product', code: 'LMP-0002' });
	});

	it('does not trust product-looking links on other hosts or other paths of ours', () => {
		expect(scan('https://evil.example.com/p/CHR-0001?v=CHR-0001')).toEqual({ kind: 'unknown' });
		expect(scan('https://evil.example.com/phish')).toEqual({ kind: 'unknown' });
		expect(scan('https://shop.example.com/cart')).toEqual({ kind: 'unknown' });
		expect(scan('https://shop.example.com/p/a/b')).toEqual({ kind: 'unknown' });
		expect(scan('javascript:alert(1)')).toEqual({ kind: 'unknown' });
		expect(scan('hello there')).toEqual({ kind: 'unknown' });
	});

	it('reads GS1 Digital Links from any host, with qualifiers and query', () => {
		expect(scan('https://id.example.com/01/02000000000039')).toEqual({ kind: 'gtin', gtin14: '02000000000039' });
		expect(scan('https://brand.example/products/01/09506000134352/22/2A/10/ABC?linkType=all')).toEqual({ kind: 'gtin', gtin14: '09506000134352' });
		expect(scan('https://id.example.com/01/4006381333931')).toEqual({ kind: 'gtin', gtin14: '04006381333931' });
		expect(scan('https://id.example.com/01/09506000134353')).toEqual({ kind: 'unknown' });
	});

	it('reads plain GTIN-8, -12, -13 and -14 with a right check digit only', () => {
		expect(scan('4006381333931')).toEqual({ kind: 'gtin', gtin14: '04006381333931' });
		expect(scan('036000291452')).toEqual({ kind: 'gtin', gtin14: '00036000291452' });
		expect(scan('96385074')).toEqual({ kind: 'gtin', gtin14: '00000096385074' });
		expect(scan('10036000291459')).toEqual({ kind: 'gtin', gtin14: '10036000291459' });
		expect(scan('4006381333932')).toEqual({ kind: 'unknown' });
		expect(scan('12345')).toEqual({ kind: 'unknown' });
	});

	it('expands UPC-E when the decoder reports it', () => {
		expect(expandUpcE('04252614')).toBe('042100005264');
		expect(scan('04252614', 'upc-e')).toEqual({ kind: 'gtin', gtin14: '00042100005264' });
		expect(scan('04252615', 'upc-e')).toEqual({ kind: 'unknown' });
	});

	it('reads a GS1 element string from a Data Matrix label', () => {
		expect(scan(']d20109506000134352\u001d10ABC')).toEqual({ kind: 'gtin', gtin14: '09506000134352' });
		expect(scan('(01)09506000134352(17)250101')).toEqual({ kind: 'gtin', gtin14: '09506000134352' });
	});
});
