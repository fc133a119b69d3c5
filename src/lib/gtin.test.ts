import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, isValidGtin as serverCheck } from '$pim';
import { isValidGtin } from './gtin';

describe('the browser’s GTIN check', () => {
	it('accepts GTIN-8, UPC-A, EAN-13 and GTIN-14 with a right check digit, typed with spaces or dashes', () => {
		for (const code of ['96385074', '036000291452', '4006381333931', '10012345678902', '400-6381 333931']) expect(isValidGtin(code), code).toBe(true);
	});

	it('refuses a wrong check digit, a wrong length and letters', () => {
		for (const code of ['4006381333932', '40063813339', '40063813339X1', '']) expect(isValidGtin(code), code).toBe(false);
	});

	it('agrees with the server on every check digit', () => {
		for (let n = 0; n < 200; n++) {
			const body = `20${String(n * 7919).padStart(10, '0')}`;
			for (let d = 0; d < 10; d++) {
				const code = `${body}${d}`;
				expect(isValidGtin(code), code).toBe(serverCheck(code));
			}
			expect(isValidGtin(`${body}${gs1CheckDigit(body)}`)).toBe(true);
		}
	});
});
