import { z } from 'zod';

/** GS1 check digit of the digits before it (mod 10, weights 3 and 1 from the right). */
export function gs1CheckDigit(body: string): number {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		const digit = body.charCodeAt(body.length - 1 - i) - 48;
		sum += digit * (i % 2 === 0 ? 3 : 1);
	}
	return (10 - (sum % 10)) % 10;
}

/** Whether `code` is a GTIN-8, -12, -13 or -14 whose check digit is right. */
export function isValidGtin(code: string): boolean {
	if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
	return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** Expands a UPC-E code (8 digits, number system 0 or 1) to its UPC-A form. */
export function expandUpcE(upce: string): string | null {
	if (!/^[01]\d{7}$/.test(upce)) return null;
	const ns = upce[0];
	const d = upce.slice(1, 7);
	const check = upce[7];
	const last = d[5];
	let body: string;
	if (last <= '2') body = `${d[0]}${d[1]}${last}0000${d[2]}${d[3]}${d[4]}`;
	else if (last === '3') body = `${d[0]}${d[1]}${d[2]}00000${d[3]}${d[4]}`;
	else if (last === '4') body = `${d[0]}${d[1]}${d[2]}${d[3]}00000${d[4]}`;
	else body = `${d[0]}${d[1]}${d[2]}${d[3]}${d[4]}0000${last}`;
	const upca = `${ns}${body}${check}`;
	return isValidGtin(upca) ? upca : null;
}

/**
 * Normalizes a GTIN to 14 digits, or returns null when it is not a valid GTIN.
 * `format: 'upc-e'` reads an 8-digit code as UPC-E (what a scanner reports) rather than GTIN-8.
 */
export function normalizeGtin(input: string, format?: 'upc-e'): string | null {
	const code = input.replace(/[\s-]/g, '');
	if (format === 'upc-e') {
		const upca = expandUpcE(code);
		return upca ? upca.padStart(14, '0') : null;
	}
	return isValidGtin(code) ? code.padStart(14, '0') : null;
}

/** A GTIN field: accepts any valid GTIN-8/12/13/14 and yields it as 14 digits. */
export const gtinSchema = z
	.string()
	.trim()
	.transform((v, ctx) => {
		const gtin = normalizeGtin(v);
		if (!gtin) {
			ctx.addIssue({
				code: 'custom',
				message: /^\d+$/.test(v.replace(/[\s-]/g, ''))
					? 'GTIN check digit is wrong or the length is not 8, 12, 13 or 14 digits'
					: 'GTIN must be digits only'
			});
			return z.NEVER;
		}
		return gtin;
	});

/** The forms a GTIN-14 is printed or typed in: itself, EAN-13, UPC-A and GTIN-8 where they apply. */
export function gtinForms(gtin14: string): string[] {
	const forms = [gtin14, gtin14.slice(1)];
	if (gtin14.startsWith('00')) forms.push(gtin14.slice(2));
	if (gtin14.startsWith('000000')) forms.push(gtin14.slice(6));
	return forms;
}
