import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { AttributeDef, CatalogDefinition, FamilyDef } from '../catalog/definition.ts';
import type { ProductInput } from '../catalog/input.ts';
import type { ProductState } from '../catalog/products.ts';
import { ALL } from '../catalog/values.ts';
import type { BundleProduct, ImportBundle, RejectedRow } from './bundle.ts';
import { decodeValue, encodeValue, formatMinor, parseMinor, splitList } from './values-text.ts';

/**
 * Aisle's own CSV: one row per sellable variant (SKU), product columns on the product's first
 * row (or repeated, identically), attribute columns named `attr[-locale][-channel]`. The layout
 * is described for people in FORMAT.md; the export writes it and the import reads it back.
 */

/** What the export writes between cells; the import also reads `,` and tabs, by the header. */
export const AISLE_CSV_DELIMITER = ';';

/** Columns that are not attribute values, in the order the export writes them. */
export const AISLE_CSV_FIXED = ['product', 'family', 'status', 'categories', 'variant', 'sku', 'gtin'] as const;
type Fixed = (typeof AISLE_CSV_FIXED)[number] | 'media';
const PRICE_FIELDS = ['price', 'sale_price', 'sale_start', 'sale_end'] as const;
type PriceField = (typeof PRICE_FIELDS)[number];

/** One value slot of an attribute: a column (and, for measurements, its unit column). */
interface Slot {
	attr: AttributeDef;
	channel: string;
	locale: string;
	name: string;
}

/** The columns of a file for a catalog: attribute slots in the catalog's order, prices per currency. */
export interface CsvLayout {
	header: string[];
	currencies: string[];
	slots: Slot[];
}

const slotName = (attr: string, channel: string, locale: string) => [attr, locale === ALL ? null : locale, channel === ALL ? null : channel].filter(Boolean).join('-');
const slotKey = (attr: string, channel: string, locale: string) => `${attr}|${channel}|${locale}`;

function slotsOf(def: CatalogDefinition, attr: AttributeDef): Slot[] {
	const locales = attr.localizable ? def.locales : [ALL];
	const channels = attr.perChannel ? [...def.channels.keys()] : [ALL];
	return locales.flatMap((locale) => channels.map((channel) => ({ attr, channel, locale, name: slotName(attr.code, channel, locale) })));
}

/** Currencies the catalog's channels sell in, in channel order. */
function currenciesOf(def: CatalogDefinition): string[] {
	return [...new Set([...def.channels.values()].flatMap((c) => c.currencies))];
}

/**
 * The columns for products of these families (all attributes when none given): fixed columns,
 * prices per currency, every value slot (a measurement followed by its `-unit` column), media.
 */
export function csvLayout(def: CatalogDefinition, families?: string[]): CsvLayout {
	const wanted = families ? new Set(families.flatMap((f) => [...(def.families.get(f)?.levels.keys() ?? [])])) : null;
	const attrs = [...def.attributes.values()].filter((a) => !wanted || wanted.has(a.code));
	const currencies = currenciesOf(def);
	const slots = attrs.flatMap((a) => slotsOf(def, a));
	const header = [
		...AISLE_CSV_FIXED,
		...currencies.flatMap((c) => PRICE_FIELDS.map((f) => `${f}-${c}`)),
		...slots.flatMap((s) => (s.attr.type === 'measurement' ? [s.name, `${s.name}-unit`] : [s.name])),
		'media'
	];
	return { header, currencies, slots };
}

/** A header read against the catalog: where each kind of cell is. */
interface Columns {
	fixed: Partial<Record<Fixed, number>>;
	prices: Map<string, Partial<Record<PriceField, number>>>;
	values: { slot: Slot; index: number; unit?: number }[];
	covered: Set<string>;
	unknown: string[];
}

function readHeader(def: CatalogDefinition, header: string[]): Columns {
	const bySlot = new Map<string, Slot>();
	for (const a of def.attributes.values()) for (const s of slotsOf(def, a)) bySlot.set(s.name, s);
	const cols: Columns = { fixed: {}, prices: new Map(), values: [], covered: new Set(), unknown: [] };
	const units = new Map<string, number>();
	header.forEach((raw, index) => {
		const name = raw.trim();
		if (!name) return;
		if ((AISLE_CSV_FIXED as readonly string[]).includes(name) || name === 'media') {
			cols.fixed[name as Fixed] = index;
			return;
		}
		const price = /^(price|sale_price|sale_start|sale_end)-([A-Z]{3})$/.exec(name);
		if (price) {
			const entry = cols.prices.get(price[2]) ?? cols.prices.set(price[2], {}).get(price[2])!;
			entry[price[1] as PriceField] = index;
			return;
		}
		const slot = bySlot.get(name);
		if (slot) {
			cols.values.push({ slot, index });
			cols.covered.add(slotKey(slot.attr.code, slot.channel, slot.locale));
			return;
		}
		if (name.endsWith('-unit') && bySlot.get(name.slice(0, -5))?.attr.type === 'measurement') {
			units.set(name.slice(0, -5), index);
			return;
		}
		cols.unknown.push(name);
	});
	for (const v of cols.values) v.unit = units.get(v.slot.name);
	return cols;
}

/** Reads stored products by code, for files that give only some columns. */
export type StoredLookup = (codes: string[]) => Map<string, ProductState>;

export interface AisleReadOptions {
	/** The catalog the file is read against: attribute types, family levels, locales, channels. */
	definition: CatalogDefinition;
	/**
	 * Stored products, so a file that leaves out columns keeps what they would hold (an empty cell
	 * clears a value; a missing column leaves it). Without it, missing columns clear too.
	 */
	stored?: StoredLookup;
}

interface Row {
	line: number;
	cells: string[];
}

/** Text of an upload: UTF-8, without a byte-order mark. */
export function decodeText(content: string | Uint8Array): string {
	const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator a header line uses: the one of `;`, `,` and tab it has most of. */
function sniffDelimiter(text: string): string {
	const first = text.slice(0, text.search(/\r?\n|$/));
	const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length] as const);
	return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * Parses CSV into rows with the line each starts on (quoted values may span lines); broken
 * records are reported. Lines are counted on the bytes between records, so a line break inside
 * a quoted value, CRLF or LF, counts once.
 */
export function readRows(file: string, text: string, rejected: RejectedRow[], delimiter = sniffDelimiter(text)): Row[] {
	const bytes = Buffer.from(text, 'utf8');
	const rows: Row[] = [];
	let counted = 0;
	let line = 1;
	let end = 0;
	/** The line of the first character at or after `offset` that is not a line break. */
	const lineFrom = (offset: number) => {
		let at = offset;
		while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
		for (; counted < at; counted++) if (bytes[counted] === 0x0a) line++;
		return line;
	};
	// Records and skipped ones come in file order through the callbacks, so lines count up as they go.
	parse(bytes, {
		delimiter,
		relax_column_count: true,
		skip_empty_lines: true,
		skip_records_with_error: true,
		on_record: (record: string[], context: { bytes: number }) => {
			rows.push({ line: lineFrom(end), cells: record });
			end = context.bytes;
			return null;
		},
		on_skip: (err) => {
			rejected.push({ file, line: lineFrom(end), code: null, reason: `This row cannot be read: ${err?.message.replace(/ at line \d+/, '') ?? 'broken quoting'}` });
			end = Math.max(end, (err as { bytes?: number } | undefined)?.bytes ?? end);
		}
	});
	return rows;
}

const PRODUCT = '\u0000product';

/**
 * Reads one of our CSV files into a bundle of whole products, checked for what the file itself
 * can tell (a known family, cells of the right type, rows that agree); the rules of the catalog
 * are checked when the bundle is applied. A product whose rows have a problem is refused with
 * the line of each bad row.
 */
export function readAisleCsv(file: string, content: string | Uint8Array, opts: AisleReadOptions): ImportBundle {
	const bundle: ImportBundle = { locales: [], channels: [], attributes: [], families: [], categories: [], products: [], rejected: [], notes: [] };
	const def = opts.definition;
	const rows = readRows(file, decodeText(content), bundle.rejected);
	if (!rows.length) {
		bundle.notes.push(`${file} is empty`);
		return bundle;
	}
	const [head, ...body] = rows;
	const cols = readHeader(def, head.cells);
	if (cols.fixed.product === undefined) {
		bundle.rejected.push({
			file,
			line: head.line,
			code: null,
			reason: `The first row must name the columns, starting with product (found: ${head.cells.slice(0, 5).join(', ')}…). See the import template.`
		});
		return bundle;
	}
	if (cols.unknown.length)
		bundle.notes.push(`${file}: ignored ${cols.unknown.length === 1 ? 'a column that is' : `${cols.unknown.length} columns that are`} not part of this catalog: ${cols.unknown.slice(0, 10).join(', ')}${cols.unknown.length > 10 ? '…' : ''}`);

	const width = head.cells.length;
	const groups = new Map<string, Row[]>();
	for (const row of body) {
		if (row.cells.length !== width) {
			bundle.rejected.push({ file, line: row.line, code: row.cells[cols.fixed.product]?.trim() || null, reason: `This row has ${row.cells.length} cells; the header has ${width}` });
			continue;
		}
		const code = row.cells[cols.fixed.product].trim();
		if (!code) {
			bundle.rejected.push({ file, line: row.line, code: null, reason: 'product: required (the code of the product this row belongs to)' });
			continue;
		}
		(groups.get(code) ?? groups.set(code, []).get(code)!).push(row);
	}

	const currencies = currenciesOf(def);
	const fixedComplete =
		['family', 'status', 'categories', 'gtin'].every((f) => cols.fixed[f as Fixed] !== undefined) &&
		currencies.every((c) => PRICE_FIELDS.every((f) => cols.prices.get(c)?.[f] !== undefined));
	const familyCovered = new Map<string, boolean>();
	const covers = (fam: FamilyDef) => {
		let ok = familyCovered.get(fam.code);
		if (ok === undefined) {
			ok = [...fam.levels.keys()].every((a) => {
				const attr = def.attributes.get(a);
				return !attr || slotsOf(def, attr).every((s) => cols.covered.has(slotKey(a, s.channel, s.locale)));
			});
			familyCovered.set(fam.code, ok);
		}
		return ok;
	};
	const needsStored = (rows: Row[]) => {
		if (!opts.stored) return false;
		if (!fixedComplete) return true;
		const family = cols.fixed.family === undefined ? '' : (rows.find((r) => r.cells[cols.fixed.family!].trim())?.cells[cols.fixed.family].trim() ?? '');
		const fam = def.families.get(family);
		return !fam || !covers(fam);
	};

	const entries = [...groups];
	for (let i = 0; i < entries.length; i += 500) {
		const slice = entries.slice(i, i + 500);
		const lookup = slice.filter(([, r]) => needsStored(r)).map(([code]) => code);
		const stored = lookup.length && opts.stored ? opts.stored(lookup) : new Map<string, ProductState>();
		for (const [code, group] of slice) {
			const out = buildProduct(file, code, group, stored.get(code) ?? null, cols, def);
			if (Array.isArray(out)) bundle.rejected.push(...out);
			else bundle.products.push(out);
		}
	}
	return bundle;
}

interface Picked {
	text: string;
	line: number;
}

/** The variant nodes of a product as rows give them, before they become the save input. */
interface Node {
	code: string;
	line: number;
	axes: Record<string, string>;
	values: Record<string, Record<string, Record<string, unknown>>>;
	gtin: string | null;
	prices: Record<string, { amount: number; sale: { amount: number; start: string | null; end: string | null } | null }>;
	children: Node[];
}

function buildProduct(file: string, code: string, rows: Row[], stored: ProductState | null, cols: Columns, def: CatalogDefinition): BundleProduct | RejectedRow[] {
	const problems: { line: number; code: string; message: string }[] = [];
	const problem = (line: number, what: string, message: string) => problems.push({ line, code: what, message });
	const first = rows[0];

	/** The first non-empty cell of a column among rows; other non-empty cells must agree with it. */
	const pick = (index: number | undefined, name: string, among: Row[] = rows, trim = true): Picked | null | undefined => {
		if (index === undefined) return undefined;
		let found: Picked | null = null;
		for (const row of among) {
			const raw = row.cells[index] ?? '';
			const text = trim ? raw.trim() : raw;
			if (text.trim() === '') continue;
			if (!found) found = { text, line: row.line };
			else if (text !== found.text) problem(row.line, code, `${name} is “${clip(text)}” here but “${clip(found.text)}” on line ${found.line}`);
		}
		return found;
	};

	const familyCell = pick(cols.fixed.family, 'family');
	const familyCode = familyCell?.text ?? stored?.family ?? '';
	if (!familyCode) return [{ file, line: first.line, code, reason: 'family: required for a new product' }];
	const fam = def.families.get(familyCode);
	if (!fam) return [{ file, line: familyCell?.line ?? first.line, code, reason: `family: unknown family ${familyCode}` }];
	const depth = fam.axes.length;

	const statusCell = pick(cols.fixed.status, 'status');
	const status = statusCell?.text ?? stored?.status ?? 'draft';
	if (!['draft', 'published', 'archived'].includes(status)) problem(statusCell!.line, code, `status: “${status}” is not draft, published or archived`);

	const categoriesCell = pick(cols.fixed.categories, 'categories');
	const categories = categoriesCell === undefined ? (stored?.categories ?? []) : splitList(categoriesCell?.text ?? '');

	const mediaCell = pick(cols.fixed.media, 'media');
	let media: ProductInput['media'];
	if (mediaCell === null) media = [];
	else if (mediaCell) {
		try {
			media = JSON.parse(mediaCell.text) as ProductInput['media'];
			if (!Array.isArray(media)) throw new Error();
		} catch {
			problem(mediaCell.line, code, 'media: not the list the export writes; leave the column out to keep the media as they are');
		}
	}

	// Which node each row's cells belong to, per level: the product, the level-1 variant, the SKU.
	const sku = (row: Row) => row.cells[cols.fixed.sku ?? -1]?.trim() || (depth === 0 ? (stored?.variants[0]?.code ?? code) : '');
	// Without a variant column, a stored size keeps the colour it is under.
	const storedParent = new Map((stored?.variants ?? []).flatMap((v) => v.children.map((c) => [c.code, v.code] as const)));
	const nodeCode = (row: Row) => (depth === 2 ? row.cells[cols.fixed.variant ?? -1]?.trim() || (storedParent.get(sku(row)) ?? '') : sku(row));
	for (const row of rows) {
		if (!sku(row)) problem(row.line, code, 'sku: required (the code of this sellable variant)');
		if (depth === 2 && !nodeCode(row)) problem(row.line, sku(row) || code, `variant: required (the code of the ${fam.axes[0].join(' + ')} variant this row belongs to)`);
	}
	if (depth === 0 && rows.length > 1)
		for (const row of rows.slice(1)) problem(row.line, code, `family ${fam.code} has no variants, so a product has one row; product ${code} is on line ${first.line} already`);
	if (problems.length) return rejections(file, code, rows, problems);

	// Rows per owner, in order of first appearance.
	const ownerRows = new Map<string, Row[]>();
	const addRow = (owner: string, row: Row) => (ownerRows.get(owner) ?? ownerRows.set(owner, []).get(owner)!).push(row);
	for (const row of rows) {
		addRow(PRODUCT, row);
		if (depth >= 1) addRow(`1:${nodeCode(row)}`, row);
		if (depth === 2) addRow(`2:${sku(row)}`, row);
	}
	const rowsOf = (level: number, owner: string) => (level === 0 ? rows : (ownerRows.get(`${level}:${owner}`) ?? []));

	/** Values of one node from its rows: each slot's first non-empty cell, decoded. */
	const valuesOf = (level: number, owner: string, nodeRows: Row[]) => {
		const values: Node['values'] = {};
		const axes: Record<string, string> = {};
		const axisCodes = level === 0 ? [] : fam.axes[level - 1];
		for (const v of cols.values) {
			const lvl = fam.levels.get(v.slot.attr.code);
			if (lvl === undefined) {
				const bad = nodeRows.find((r) => (r.cells[v.index] ?? '').trim() !== '');
				if (bad && level === 0) problem(bad.line, code, `${v.slot.name}: ${v.slot.attr.code} is not an attribute of family ${fam.code}`);
				continue;
			}
			if (lvl !== level) continue;
			const cell = pick(v.index, v.slot.name, nodeRows, false);
			const unit = pick(v.unit, `${v.slot.name}-unit`, nodeRows);
			if (!cell) continue;
			const decoded = decodeValue(v.slot.attr, cell.text, unit?.text);
			if ('error' in decoded) {
				problem(cell.line, level === 0 ? code : owner, `${v.slot.name}: ${decoded.error}`);
				continue;
			}
			if (axisCodes.includes(v.slot.attr.code)) axes[v.slot.attr.code] = String(decoded.value);
			else ((values[v.slot.attr.code] ??= {})[v.slot.channel] ??= {})[v.slot.locale] = decoded.value;
		}
		return { values, axes };
	};

	/** GTIN and prices of a sellable variant from its rows. */
	const sellableOf = (nodeRows: Row[], owner: string) => {
		const gtin = pick(cols.fixed.gtin, 'gtin', nodeRows)?.text ?? null;
		const prices: Node['prices'] = {};
		for (const [currency, at] of cols.prices) {
			const amount = pick(at.price, `price-${currency}`, nodeRows);
			const sale = pick(at.sale_price, `sale_price-${currency}`, nodeRows);
			const start = pick(at.sale_start, `sale_start-${currency}`, nodeRows);
			const end = pick(at.sale_end, `sale_end-${currency}`, nodeRows);
			if (!amount) {
				if (sale) problem(sale.line, owner, `sale_price-${currency}: a sale price needs a price`);
				continue;
			}
			const minor = parseMinor(amount.text, currency);
			if (typeof minor === 'string') {
				problem(amount.line, owner, `price-${currency}: ${minor}`);
				continue;
			}
			let saleData: Node['prices'][string]['sale'] = null;
			if (sale) {
				const saleMinor = parseMinor(sale.text, currency);
				if (typeof saleMinor === 'string') problem(sale.line, owner, `sale_price-${currency}: ${saleMinor}`);
				else saleData = { amount: saleMinor, start: start?.text ?? null, end: end?.text ?? null };
			} else if (sale === undefined) {
				// No sale columns: the stored sale stays.
				saleData = storedLeaf(owner)?.prices[currency]?.sale ?? null;
			}
			prices[currency] = { amount: minor, sale: saleData };
		}
		return { gtin, prices };
	};

	const storedNodes = new Map<string, { values: Node['values']; axes: Record<string, string>; gtin: string | null; prices: ProductState['variants'][number]['prices'] }>();
	for (const v of stored?.variants ?? []) {
		storedNodes.set(v.code, v);
		for (const c of v.children) storedNodes.set(c.code, c);
	}
	const storedLeaf = (owner: string) => storedNodes.get(owner);

	/** Slots the file has no column for keep their stored values; so do GTINs and prices without columns. */
	const keepStored = (level: number, node: { values: Node['values']; axes: Record<string, string> }, from: { values: Node['values']; axes?: Record<string, string> } | undefined) => {
		if (!from) return;
		for (const [attr, byChannel] of Object.entries(from.values)) {
			if (fam.levels.get(attr) !== level) continue;
			if (level > 0 && fam.axes[level - 1].includes(attr)) continue;
			for (const [ch, byLocale] of Object.entries(byChannel))
				for (const [loc, data] of Object.entries(byLocale))
					if (!cols.covered.has(slotKey(attr, ch, loc)) && node.values[attr]?.[ch]?.[loc] === undefined) ((node.values[attr] ??= {})[ch] ??= {})[loc] = data;
		}
		if (level > 0)
			for (const axis of fam.axes[level - 1])
				if (!cols.values.some((v) => v.slot.attr.code === axis) && from.axes?.[axis] !== undefined) node.axes[axis] = from.axes[axis];
	};

	const root = valuesOf(0, PRODUCT, rows);
	if (stored) keepStored(0, { values: root.values, axes: {} }, { values: stored.values });

	/** GTIN and prices of a sellable node; a file without their columns keeps the stored ones. */
	const sell = (node: Node, nodeRows: Row[]) => {
		const before = storedLeaf(node.code);
		const { gtin, prices } = sellableOf(nodeRows, node.code);
		node.gtin = cols.fixed.gtin === undefined ? (before?.gtin ?? null) : gtin;
		node.prices = prices;
		for (const [currency, p] of Object.entries(before?.prices ?? {})) if (!cols.prices.get(currency)?.price && !node.prices[currency]) node.prices[currency] = p;
		return node;
	};

	const nodeOf = (level: number, owner: string, sellable: boolean): Node => {
		const nodeRows = rowsOf(level, owner);
		const { values, axes } = valuesOf(level, owner, nodeRows);
		const node: Node = { code: owner, line: nodeRows[0]?.line ?? first.line, axes, values, gtin: null, prices: {}, children: [] };
		if (stored) keepStored(level, node, storedLeaf(owner));
		return sellable ? sell(node, nodeRows) : node;
	};

	const distinct = (list: string[]) => [...new Set(list)];
	let variants: Node[];
	if (depth === 0) variants = [sell({ code: sku(first), line: first.line, axes: {}, values: {}, gtin: null, prices: {}, children: [] }, rows)];
	else if (depth === 1) variants = distinct(rows.map(sku)).map((s) => nodeOf(1, s, true));
	else
		variants = distinct(rows.map(nodeCode)).map((n) => {
			const node = nodeOf(1, n, false);
			node.children = distinct(rowsOf(1, n).map(sku)).map((s) => nodeOf(2, s, true));
			return node;
		});
	if (depth === 2) {
		const parents = new Map<string, string>();
		for (const row of rows) {
			const p = parents.get(sku(row));
			if (p && p !== nodeCode(row)) problem(row.line, sku(row), `sku ${sku(row)} is under variant ${p} on another row, and under ${nodeCode(row)} here`);
			parents.set(sku(row), nodeCode(row));
		}
	}
	if (problems.length) return rejections(file, code, rows, problems);

	const lines: Record<string, { file: string; line: number }> = {};
	for (const v of variants) {
		lines[v.code] = { file, line: v.line };
		for (const c of v.children) lines[c.code] = { file, line: c.line };
	}
	const data: ProductInput = {
		code,
		family: fam.code,
		status: status as ProductInput['status'],
		categories,
		values: root.values,
		variants: variants.map((v) => ({
			code: v.code,
			axes: v.axes,
			values: v.values,
			gtin: v.gtin,
			prices: v.prices,
			children: v.children.map((c) => ({ code: c.code, axes: c.axes, values: c.values, gtin: c.gtin, prices: c.prices }))
		}))
	};
	if (media !== undefined) data.media = media;
	return { data, source: { file, line: first.line }, publish: 'as-given', lines };
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Problems as rejected rows, one per line, saying the product was not imported when it has other rows. */
function rejections(file: string, product: string, rows: Row[], problems: { line: number; code: string; message: string }[]): RejectedRow[] {
	const byLine = new Map<number, { code: string; messages: string[] }>();
	for (const p of problems) {
		const entry = byLine.get(p.line) ?? byLine.set(p.line, { code: p.code, messages: [] }).get(p.line)!;
		if (!entry.messages.includes(p.message)) entry.messages.push(p.message);
	}
	const suffix = rows.length > 1 ? ` (product ${product} was not imported)` : '';
	return [...byLine].sort(([a], [b]) => a - b).map(([line, e]) => ({ file, line, code: e.code, reason: e.messages.join('; ') + suffix }));
}

/** The 14-digit stored GTIN as it is printed: GTIN-13 when it starts with a zero. */
const printedGtin = (gtin: string | null) => (gtin && gtin.length === 14 && gtin.startsWith('0') ? gtin.slice(1) : (gtin ?? ''));

/**
 * A stored product as rows of the layout: one per sellable variant, product cells on the first
 * row, a level-1 variant's cells on its first row (its code and axes on each of its rows).
 */
export function productCsvRows(def: CatalogDefinition, layout: CsvLayout, p: ProductState): string[][] {
	const index = new Map(layout.header.map((h, i) => [h, i]));
	const slotIndex = new Map(layout.slots.map((s) => [slotKey(s.attr.code, s.channel, s.locale), index.get(s.name)!]));
	const put = (row: string[], column: string, text: string) => {
		const i = index.get(column);
		if (i !== undefined) row[i] = text;
	};
	const putValues = (row: string[], values: ProductState['values']) => {
		for (const [attr, byChannel] of Object.entries(values)) {
			const a = def.attributes.get(attr);
			if (!a) continue;
			for (const [ch, byLocale] of Object.entries(byChannel))
				for (const [loc, data] of Object.entries(byLocale)) {
					const i = slotIndex.get(slotKey(attr, ch, loc));
					if (i === undefined) continue;
					row[i] = encodeValue(a, data);
					if (a.type === 'measurement') put(row, `${layout.header[i]}-unit`, (data as { unit: string }).unit);
				}
		}
	};
	const putSellable = (row: string[], v: Pick<ProductState['variants'][number], 'code' | 'gtin' | 'prices'>) => {
		put(row, 'sku', v.code);
		put(row, 'gtin', printedGtin(v.gtin));
		for (const [currency, price] of Object.entries(v.prices)) {
			put(row, `price-${currency}`, formatMinor(price.amount, currency));
			if (price.sale) {
				put(row, `sale_price-${currency}`, formatMinor(price.sale.amount, currency));
				put(row, `sale_start-${currency}`, price.sale.start ?? '');
				put(row, `sale_end-${currency}`, price.sale.end ?? '');
			}
		}
	};
	const rows: string[][] = [];
	const blank = () => {
		const row = new Array<string>(layout.header.length).fill('');
		put(row, 'product', p.code);
		return row;
	};
	for (const v of p.variants) {
		const leaves = v.children.length ? v.children : [v];
		leaves.forEach((leaf, j) => {
			const row = blank();
			if (rows.length === 0) {
				put(row, 'family', p.family);
				put(row, 'status', p.status);
				put(row, 'categories', p.categories.join(','));
				if (p.media.length) put(row, 'media', JSON.stringify(p.media));
				putValues(row, p.values);
			}
			if (v.children.length) {
				put(row, 'variant', v.code);
				if (j === 0) putValues(row, v.values);
				else for (const [axis, option] of Object.entries(v.axes)) put(row, axis, option);
			}
			putValues(row, leaf.values);
			putSellable(row, leaf);
			rows.push(row);
		});
	}
	return rows;
}

/** Rows as CSV text in our dialect. */
export function csvText(rows: string[][]): string {
	return stringify(rows, { delimiter: AISLE_CSV_DELIMITER, record_delimiter: '\n' });
}

/**
 * A file to start from: the header for the whole catalog and one example draft product of the
 * first family without variants (or the first family), with the values its kiosk channel requires.
 */
export function aisleCsvTemplate(def: CatalogDefinition): string {
	const layout = csvLayout(def);
	const example = exampleProduct(def);
	const rows = example ? productCsvRows(def, layout, example) : [];
	return `\uFEFF${csvText([layout.header, ...rows])}`;
}

/** An example draft product for the templates, valid for the catalog (null when it has no family yet). */
export function exampleProduct(def: CatalogDefinition): ProductState | null {
	const fam = [...def.families.values()].find((f) => f.axes.length === 0) ?? [...def.families.values()][0];
	if (!fam) return null;
	const fb = def.fallbackLocale;
	const channel = def.channels.has('kiosk') ? 'kiosk' : [...def.channels.keys()][0];
	const sample = (a: AttributeDef): unknown => {
		switch (a.type) {
			case 'text':
				return a.code === 'name' ? 'Example product' : `Example ${a.code}`;
			case 'richtext':
				return '<p>What a shopper should know about it.</p>';
			case 'number':
				return 1;
			case 'boolean':
				return true;
			case 'select':
				return [...a.options.keys()][0];
			case 'multiselect':
				return [...a.options.keys()].slice(0, 1);
			case 'measurement':
				return { amount: 10, unit: a.unit ?? 'CENTIMETER' };
			case 'date':
				return new Date().toISOString().slice(0, 10);
			case 'price':
				return Object.fromEntries(currenciesOf(def).slice(0, 1).map((c) => [c, 1999]));
			default:
				return undefined;
		}
	};
	const values: ProductState['values'] = {};
	const nodeValues = (level: number) => {
		const out: ProductState['values'] = {};
		for (const code of fam.required.get(channel) ?? []) {
			const a = def.attributes.get(code);
			if (!a || fam.levels.get(code) !== level || fam.axes.flat().includes(code)) continue;
			const data = sample(a);
			if (data === undefined) continue;
			out[code] = { [a.perChannel ? channel : ALL]: { [a.localizable ? fb : ALL]: data } };
		}
		return out;
	};
	Object.assign(values, nodeValues(0));
	const prices = Object.fromEntries(currenciesOf(def).slice(0, 1).map((c) => [c, { amount: 1999, sale: null }]));
	const axesAt = (level: number) => Object.fromEntries(fam.axes[level - 1].map((a) => [a, [...(def.attributes.get(a)?.options.keys() ?? [])][0] ?? '']));
	const leaf = (code: string, level: number) => ({
		code,
		axes: level ? axesAt(level) : {},
		values: level ? { ...nodeValues(level), ...Object.fromEntries(Object.entries(axesAt(level)).map(([a, o]) => [a, { [ALL]: { [ALL]: o } }])) } : {},
		gtin: null,
		prices
	});
	const variants =
		fam.axes.length === 0
			? [{ ...leaf('EXAMPLE-1', 0), children: [] }]
			: fam.axes.length === 1
				? [{ ...leaf('EXAMPLE-1-A', 1), children: [] }]
				: [{ ...leaf('EXAMPLE-1-A', 1), prices: {}, children: [leaf('EXAMPLE-1-A-1', 2)] }];
	return {
		id: 0,
		code: 'EXAMPLE-1',
		family: fam.code,
		status: 'draft',
		categories: [...def.categories.keys()].slice(0, 1),
		values,
		variants,
		media: [],
		revision: 0,
		createdAt: '',
		updatedAt: ''
	};
}
