import type { AttributeDef } from '../catalog/definition.ts';

/**
 * Attribute values as text in a spreadsheet cell, both ways: what the export writes, the
 * import reads back unchanged. Lists (multi-selects, categories) are comma-separated codes.
 */

const digitsCache = new Map<string, number>();

/** Decimal places of a currency's minor unit (2 for USD and EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
	let d = digitsCache.get(currency);
	if (d === undefined) {
		try {
			d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
		} catch {
			d = 2;
		}
		digitsCache.set(currency, d);
	}
	return d;
}

/** Minor units as a decimal: 12900 USD → "129.00". */
export function formatMinor(amount: number, currency: string): string {
	const d = currencyDigits(currency);
	if (d === 0) return String(amount);
	const digits = String(Math.abs(amount)).padStart(d + 1, '0');
	return `${amount < 0 ? '-' : ''}${digits.slice(0, -d)}.${digits.slice(-d)}`;
}

/** A decimal amount as minor units ("129.00" USD → 12900), or an error message. Reads "129,00" too. */
export function parseMinor(text: string, currency: string): number | string {
	let t = text.trim().replace(/\s/g, '');
	if (/^\d+,\d+$/.test(t)) t = t.replace(',', '.');
	const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
	if (!m) return `“${text}” is not an amount such as 129.00`;
	const d = currencyDigits(currency);
	const fraction = m[2] ?? '';
	if (fraction.replace(/0+$/, '').length > d) return `${currency} amounts have at most ${d} decimals`;
	const minor = Number(m[1] + fraction.padEnd(d, '0').slice(0, d));
	return Number.isSafeInteger(minor) ? minor : `“${text}” is too large`;
}

/** A number as people write it: 12, -3.5, 1e3, or 3,5. */
export function parseNumber(text: string): number | null {
	let t = text.trim();
	if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
	const n = Number(t);
	return Number.isFinite(n) ? n : null;
}

const TRUE = new Set(['1', 'true', 'yes', 'y']);
const FALSE = new Set(['0', 'false', 'no', 'n']);

/** Splits a comma-separated list of codes. */
export function splitList(text: string): string[] {
	return text
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** A stored value as cell text; measurements give their amount (the unit has a column of its own). */
export function encodeValue(attr: Pick<AttributeDef, 'type'>, data: unknown): string {
	if (data === null || data === undefined) return '';
	switch (attr.type) {
		case 'boolean':
			return data ? '1' : '0';
		case 'multiselect':
			return Array.isArray(data) ? data.join(',') : String(data);
		case 'measurement':
			return String((data as { amount: number }).amount);
		case 'price':
			return Object.entries(data as Record<string, number>)
				.map(([currency, amount]) => `${formatMinor(amount, currency)} ${currency}`)
				.join(', ');
		default:
			return typeof data === 'string' ? data : String(data);
	}
}

/**
 * Cell text as a value of the attribute's type, or an error message. An empty cell is
 * `undefined` (no value: saving clears it). Checks beyond the type (option codes, date
 * ranges) are the save's, which reports them against the same field.
 */
export function decodeValue(attr: Pick<AttributeDef, 'type' | 'unit'>, text: string, unit?: string): { value: unknown } | { error: string } {
	if (text.trim() === '') return { value: undefined };
	const t = text.trim();
	switch (attr.type) {
		case 'text':
		case 'richtext':
		case 'image':
		case 'model3d':
			return { value: text };
		case 'select':
		case 'date':
			return { value: t };
		case 'multiselect':
			return { value: splitList(t) };
		case 'number': {
			const n = parseNumber(t);
			return n === null ? { error: `“${t}” is not a number` } : { value: n };
		}
		case 'boolean': {
			const v = t.toLowerCase();
			if (TRUE.has(v)) return { value: true };
			if (FALSE.has(v)) return { value: false };
			return { error: `“${t}” is not 1 or 0` };
		}
		case 'measurement': {
			const n = parseNumber(t);
			if (n === null) return { error: `“${t}” is not a number` };
			const u = unit?.trim() || attr.unit;
			if (!u) return { error: 'needs a unit (in its -unit column)' };
			return { value: { amount: n, unit: u } };
		}
		case 'price': {
			const out: Record<string, number> = {};
			const pattern = /([A-Z]{3})\s*(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s*([A-Z]{3})/g;
			if (t.replace(pattern, '').replace(/[\s,;]/g, '') !== '') return { error: `“${t}” is not a list of amounts with their currency, such as 129.00 USD` };
			for (const m of t.matchAll(pattern)) {
				const currency = m[1] ?? m[4];
				const amount = parseMinor(m[2] ?? m[3], currency);
				if (typeof amount === 'string') return { error: amount };
				out[currency] = amount;
			}
			return { value: out };
		}
	}
}
