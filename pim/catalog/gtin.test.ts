import { describe, expect, it } from 'vitest';
import { expandUpcE, gtinForms, gtinSchema, isValidGtin, normalizeGtin } from './gtin.ts';

describe('GTIN', () => {
	it('accepts GTIN-8, -12, -13 and -14 with a right check digit, as 14 digits', () => {
		expect(normalizeGtin('96385074')).toBe('00000096385074');
		expect(normalizeGtin('036000291452')).toBe('00036000291452');
		expect(normalizeGtin('4006381333931')).toBe('04006381333931');
		expect(normalizeGtin('10614141000415')).toBe('10614141000415');
	});

	it('rejects a wrong check digit, a wrong length and letters', () => {
		expect(isValidGtin('4006381333932')).toBe(false);
		expect(normalizeGtin('400638133393')).toBeNull();
		expect(normalizeGtin('40063813339X1')).toBeNull();
	});

	it('finds the same variant from UPC-E, UPC-A and EAN-13 scans', () => {
		// UPC-E 04252614 is UPC-A 042100005264.
		expect(expandUpcE('04252614')).toBe('042100005264');
		const fromUpcE = normalizeGtin('04252614', 'upc-e');
		expect(fromUpcE).toBe(normalizeGtin('042100005264'));
		expect(fromUpcE).toBe(normalizeGtin('0042100005264'));
	});

	it('lists the printed forms of a GTIN-14', () => {
		expect(gtinForms('00036000291452')).toEqual(['00036000291452', '0036000291452', '036000291452']);
	});

	it('explains what is wrong through the schema', () => {
		const r = gtinSchema.safeParse('4006381333932');
		expect(r.success).toBe(false);
		expect(r.error?.issues[0].message).toMatch(/check digit/);
		expect(gtinSchema.safeParse('abc').error?.issues[0].message).toMatch(/digits only/);
	});
});
