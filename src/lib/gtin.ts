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
