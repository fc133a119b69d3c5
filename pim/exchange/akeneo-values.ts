import type { RawValues } from '../catalog/catalog.schema.ts';
import { normalizeGtin } from '../catalog/gtin.ts';
import { listCell, type CsvTable } from './akeneo-csv.ts';
import { badCode, useChannel, type AttrInfo, type FamilyShape, type ReadContext } from './akeneo-context.ts';

/**
 * The columns of one attribute × locale × channel: Akeneo names them
 * `attribute[-locale][-channel]`, with `-CUR` per currency for prices and a `-unit` column
 * beside a measurement.
 */
export interface Slot {
	attr: AttrInfo;
	/** The column named in messages. */
	header: string;
	/** Our locale, or '*' for a value that is not localizable. */
	locale: string;
	/** Our channels (a value is copied to each), or ['*'] for a value that is not per channel. */
	channels: string[];
	cell: number;
	unitCell: number;
	currencies: { currency: string; cell: number; header: string }[];
}

/** Why a cell cannot be read. */
class Bad {
	constructor(readonly error: string) {}
}

/** Association columns (X_SELL-products, PACK-product_models, …): Aisle has no associations. */
const ASSOCIATION = /^[A-Za-z0-9_]+-(groups|products|product_models)(-quantity)?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Works out once per file what each value column holds, so rows are read without parsing headers again. */
export function planColumns(table: CsvTable, system: Set<string>, ctx: ReadContext): Slot[] {
	const { notes, mapper } = ctx;
	const slots = new Map<string, Slot>();
	for (let i = 0; i < table.header.length; i++) {
		const header = table.header[i];
		if (system.has(header) || header === '') continue;
		const parts = header.split('-');
		const attr = ctx.attr(parts[0]);
		if (!attr) {
			if (ASSOCIATION.test(header)) notes.list('Association columns were ignored (Aisle has no product associations)', header);
			else notes.list('Columns of attributes that are neither in the export nor in the catalog were ignored', header);
			continue;
		}
		if (attr.role === 'dropped' || attr.role === 'identifier') continue;
		const rest = parts.slice(1);
		const isUnit = attr.role === 'value' && attr.type === 'measurement' && rest.at(-1) === 'unit';
		if (isUnit) rest.pop();
		let currency: string | null = null;
		if (attr.role === 'prices' || (attr.role === 'value' && attr.type === 'price')) {
			currency = rest.pop() ?? null;
			if (!currency || !CURRENCY.test(currency)) {
				notes.list('Price columns without a currency code were ignored', header);
				continue;
			}
			ctx.currencies.add(currency);
		}
		const locale = attr.localizable ? (rest.shift() ?? null) : null;
		const channel = attr.perChannel ? (rest.shift() ?? null) : null;
		if (rest.length || (attr.localizable && !locale) || (attr.perChannel && !channel)) {
			notes.list(
				'Columns whose locale or channel parts do not fit their attribute (localizable? per channel?) were ignored',
				header
			);
			continue;
		}
		const ourLocale = locale === null ? '*' : mapper.locale(locale);
		const ourChannels = channel === null ? ['*'] : mapper.channels(channel);
		if (attr.role === 'value') {
			if (ourLocale === null || ourChannels.length === 0) continue; // dropped by the mapping, noted there
			if (ourLocale !== '*') ctx.locales.add(ourLocale);
			if (channel !== null)
				for (const ch of ourChannels) {
					const acc = useChannel(ctx, ch);
					if (ourLocale !== '*') acc.locales.add(ourLocale);
				}
		}
		const key = `${attr.code}\u0000${locale ?? ''}\u0000${channel ?? ''}`;
		let slot = slots.get(key);
		if (!slot)
			slots.set(
				key,
				(slot = {
					attr,
					header: isUnit ? header.slice(0, -'-unit'.length) : currency ? header.slice(0, -4) : header,
					locale: ourLocale ?? '*',
					channels: ourChannels,
					cell: -1,
					unitCell: -1,
					currencies: []
				})
			);
		if (isUnit) slot.unitCell = i;
		else if (currency) slot.currencies.push({ currency, cell: i, header });
		else slot.cell = i;
	}
	return [...slots.values()];
}

/** The values of one row for one node of a product, with the sellable variant's GTIN and prices. */
export interface RowValues {
	values: RawValues;
	/** Minor units per currency, from the main price attribute. */
	prices: Record<string, number> | null;
	gtin: string | null;
	/** Filled cells of attributes outside the family, which were dropped. */
	outside: number;
}

/**
 * Converts one row's cells into values for the node on `level` of a family: values of attributes
 * that live on another level are left to that level (Akeneo repeats inherited values on variant
 * rows). Returns the reason instead when a cell cannot be read, so the row is rejected whole.
 */
export function readRowValues(slots: Slot[], cells: string[], shape: FamilyShape | null, level: number): RowValues | string {
	const out: RowValues = { values: {}, prices: null, gtin: null, outside: 0 };
	for (const s of slots) {
		const a = s.attr;
		if (a.role === 'gtin') {
			const raw = cells[s.cell]?.trim();
			if (!raw) continue;
			const gtin = normalizeGtin(raw);
			if (!gtin) return `${s.header}: ${raw} is not a valid GTIN-8, -12, -13 or -14 (wrong check digit or length)`;
			out.gtin ??= gtin;
			continue;
		}
		if (a.role === 'prices') {
			for (const c of s.currencies) {
				const raw = cells[c.cell].trim();
				if (!raw) continue;
				const amount = minorUnits(raw, c.currency);
				if (typeof amount === 'string') return `${c.header}: ${amount}`;
				out.prices ??= {};
				if (!(c.currency in out.prices)) out.prices[c.currency] = amount;
			}
			continue;
		}
		if (shape) {
			const lvl = shape.levels.get(a.code);
			if (lvl === undefined) {
				if (filled(s, cells)) out.outside++;
				continue;
			}
			if (lvl !== level) continue;
		}
		const data = convert(s, cells);
		if (data === undefined) continue;
		if (data instanceof Bad) return `${s.header}: ${data.error}`;
		const byChannel = (out.values[a.code] ??= {});
		for (const ch of s.channels) {
			const byLocale = (byChannel[ch] ??= {});
			// Two Akeneo channels mapped onto one of ours: the first value stays.
			if (!(s.locale in byLocale)) byLocale[s.locale] = s.channels.length > 1 ? copy(data) : data;
		}
	}
	return out;
}

function filled(s: Slot, cells: string[]): boolean {
	if (s.cell >= 0 && cells[s.cell].trim()) return true;
	return s.currencies.some((c) => cells[c.cell].trim() !== '');
}

function copy(data: unknown): unknown {
	if (Array.isArray(data)) return [...data];
	if (typeof data === 'object' && data !== null) return { ...data };
	return data;
}

/** One slot's data in our shape, undefined when empty, or why it cannot be read. */
function convert(s: Slot, cells: string[]): unknown {
	const a = s.attr;
	if (a.type === 'price') {
		let out: Record<string, number> | undefined;
		for (const c of s.currencies) {
			const raw = cells[c.cell].trim();
			if (!raw) continue;
			const amount = minorUnits(raw, c.currency);
			if (typeof amount === 'string') return new Bad(amount);
			(out ??= {})[c.currency] = amount;
		}
		return out;
	}
	if (s.cell < 0) return undefined;
	const raw = cells[s.cell];
	const value = raw.trim();
	if (!value) return undefined;
	switch (a.type) {
		case 'text':
			// Kept exactly as exported, line breaks and all.
			return raw.length > 2000 ? new Bad(`At most 2,000 characters (this one has ${raw.length.toLocaleString('en')})`) : raw;
		case 'richtext':
			return raw.length > 50_000 ? new Bad(`At most 50,000 characters (this one has ${raw.length.toLocaleString('en')})`) : raw;
		case 'number': {
			const n = parseDecimal(value);
			return n === null ? new Bad(`${value} is not a number`) : n;
		}
		case 'boolean':
			if (value === '1' || value.toLowerCase() === 'true') return true;
			if (value === '0' || value.toLowerCase() === 'false') return false;
			return new Bad(`${value} is not 1 or 0`);
		case 'select':
			return optionError(a, value) ?? value;
		case 'multiselect': {
			const codes = listCell(value);
			if (codes.length > 100) return new Bad('At most 100 options');
			for (const c of codes) {
				const e = optionError(a, c);
				if (e) return e;
			}
			return codes;
		}
		case 'measurement': {
			let amountText = value;
			let unit = s.unitCell >= 0 ? cells[s.unitCell].trim() : '';
			// Some exports write "48.5 KILOGRAM" in one cell.
			const both = /^(\S+)\s+([A-Za-z_]+)$/.exec(value);
			if (both && !unit) [, amountText, unit] = both;
			const amount = parseDecimal(amountText);
			if (amount === null) return new Bad(`${value} is not a number`);
			unit ||= a.unit ?? '';
			if (!unit) return new Bad('No unit (and the attribute has no default unit)');
			return { amount, unit: unit.slice(0, 30) };
		}
		case 'date': {
			const d = parseDate(value);
			return d ?? new Bad(`${value} is not a date (YYYY-MM-DD)`);
		}
		default:
			return undefined;
	}
}

function optionError(a: AttrInfo, code: string): Bad | null {
	if (a.options) return a.options.has(code) ? null : new Bad(`${code} is not an option of ${a.code}`);
	const bad = badCode(code);
	return bad ? new Bad(`Option ${code}: ${bad}`) : null;
}

/** A decimal with a point or a comma (Akeneo's export setting), or null. */
export function parseDecimal(text: string): number | null {
	if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return null;
	const n = Number(text.replace(',', '.'));
	return Number.isFinite(n) ? n : null;
}

const digitsCache = new Map<string, number>();

/** Decimal places of a currency's minor unit (2 for EUR, 0 for JPY). */
function currencyDigits(currency: string): number {
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

/** An amount such as 899.00 in minor units (89900), or why it cannot be one. */
export function minorUnits(text: string, currency: string): number | string {
	const n = parseDecimal(text);
	if (n === null) return `${text} is not an amount`;
	if (n < 0) return `${text} is negative`;
	const minor = Math.round(n * 10 ** currencyDigits(currency));
	return minor > 100_000_000 ? `${text} is too large` : minor;
}

const dateCache = new Map<string, string | null>();

/** YYYY-MM-DD from Akeneo's date (or date-time) format, or null for anything else. */
export function parseDate(text: string): string | null {
	// Catalogs repeat a few dates many times; checking each once keeps large imports fast.
	let d = dateCache.get(text);
	if (d === undefined) {
		d = checkDate(text);
		if (dateCache.size < 10_000) dateCache.set(text, d);
	}
	return d;
}

function checkDate(text: string): string | null {
	const m = /^(\d{4})[-/.](\d{2})[-/.](\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
	if (!m) return null;
	const iso = `${m[1]}-${m[2]}-${m[3]}`;
	const d = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}
