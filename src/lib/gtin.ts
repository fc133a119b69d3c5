// The browser's copy of the PIM's GTIN check: browser code may import only types from the
// PIM (its values would pull the database layer into the bundle). The server checks again.

/** Whether `code` is a GTIN-8, -12, -13 or -14 whose GS1 check digit is right (spaces and dashes ignored). */
export function isValidGtin(input: string): boolean {
	const code = input.replace(/[\s-]/g, '');
	if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
	let sum = 0;
	for (let i = 1; i < code.length; i++) sum += (code.charCodeAt(code.length - 1 - i) - 48) * (i % 2 === 1 ? 3 : 1);
	return (10 - (sum % 10)) % 10 === Number(code.at(-1));
}

/** Expands an 8-digit UPC-E (number system 0 or 1) to its 12-digit UPC-A, or null when it is not one. */
export function expandUpcE(upce: string): string | null {
	if (!/^[01]\d{7}$/.test(upce)) return null;
	const d = upce.slice(1, 7);
	const last = d[5];
	let body: string;
	if (last <= '2') body = `${d[0]}${d[1]}${last}0000${d[2]}${d[3]}${d[4]}`;
	else if (last === '3') body = `${d[0]}${d[1]}${d[2]}00000${d[3]}${d[4]}`;
	else if (last === '4') body = `${d[0]}${d[1]}${d[2]}${d[3]}00000${d[4]}`;
	else body = `${d[0]}${d[1]}${d[2]}${d[3]}${d[4]}0000${last}`;
	const upca = `${upce[0]}${body}${upce[7]}`;
	return isValidGtin(upca) ? upca : null;
}

/** A GTIN as 14 digits, or null when it is not valid; `'upc-e'` reads 8 digits as UPC-E rather than GTIN-8. */
export function toGtin14(input: string, format?: 'upc-e'): string | null {
	const code = input.replace(/[\s-]/g, '');
	if (format === 'upc-e') return expandUpcE(code)?.padStart(14, '0') ?? null;
	return isValidGtin(code) ? code.padStart(14, '0') : null;
}
