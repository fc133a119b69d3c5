import type { RawValues } from '../catalog/catalog.schema.ts';
import type { ProductInput } from '../catalog/input.ts';
import type { BundleProduct } from './bundle.ts';
import { cell, listCell, type CsvRow, type CsvTable } from './akeneo-csv.ts';
import { badSku, flag, type FamilyShape, type ReadContext } from './akeneo-context.ts';
import type { FamiliesRead } from './akeneo-structure.ts';
import { planColumns, readRowValues, type RowValues, type Slot } from './akeneo-values.ts';

/** A sellable variant: an Akeneo variant product, or the one variant of a simple product. */
interface Leaf {
	code: string;
	axes: Record<string, string>;
	values: RawValues;
	gtin: string | null;
	prices: Record<string, number> | null;
	enabled: boolean;
	categories: string[];
}

/** A product model: a root becomes a product, a sub-model a first-level variant. */
interface ModelNode {
	code: string;
	file: string;
	line: number;
	parent: ModelNode | null;
	family: string;
	shape: FamilyShape;
	values: RawValues;
	axes: Record<string, string>;
	prices: Record<string, number> | null;
	categories: string[];
	subs: ModelNode[];
	leaves: Leaf[];
	/** Axis values already taken under this model → the code that took them. */
	taken: Map<string, string>;
	/** Variant product rows of this model that were refused. */
	refusedRows?: number;
}

const MODEL_COLUMNS = new Set(['code', 'family_variant', 'parent', 'categories', 'family']);
/** A product's limits (productInputSchema), checked here so the report names the row. */
const MAX_CATEGORIES = 50;
const MAX_VARIANTS = 500;

/** Where each product model went: read, or rejected (and why, on which line). */
type ModelEntry = { node: ModelNode } | { rejected: string; line: number };

/** What reading products needs from the rest of the export. */
export interface ProductsInput {
	models: CsvTable[];
	products: CsvTable[];
	/** The column of products.csv that holds SKUs. */
	identifier: string | null;
	variants: FamiliesRead['variants'];
	/** Model code → the family named on its variant products' rows. */
	familyOfModel: Map<string, string>;
	/** Whether the read knows families at all (from families.csv or the catalog). */
	familiesKnown: boolean;
	rejectedFamilies: Set<string>;
}

/**
 * Reads product_models.csv and products.csv into whole products: a root model becomes a
 * product, its sub-models first-level variants and its variant products the sellable variants;
 * a product without a parent becomes a product with one variant of the same code.
 */
export function readProducts(input: ProductsInput, ctx: ReadContext): BundleProduct[] {
	const state: ProductsState = { models: readModels(input, ctx), skus: new Map(), gtins: new Map(), simple: [] };
	for (const table of input.products) readProductTable(table, input, state, ctx);
	const out: BundleProduct[] = [];
	for (const entry of state.models.values()) {
		if (!('node' in entry) || entry.node.parent) continue;
		const product = assemble(entry.node, ctx);
		if (product) out.push(product);
	}
	return out.concat(state.simple);
}

function readModels(input: ProductsInput, ctx: ReadContext): Map<string, ModelEntry> {
	const entries = new Map<string, ModelEntry>();
	const rows: ModelRow[] = [];
	const subsOf = new Map<string, string[]>();
	for (const table of input.models)
		for (const row of table.rows) {
			const r = { table, row, code: cell(table, row, 'code'), parent: cell(table, row, 'parent') };
			rows.push(r);
			if (r.parent) {
				const subs = subsOf.get(r.parent);
				if (subs) subs.push(r.code);
				else subsOf.set(r.parent, [r.code]);
			}
		}
	// Without family variants, the family named on a model's variant products (or its sub-models') tells its family.
	const familyHint = (root: string) =>
		input.familyOfModel.get(root) ?? (subsOf.get(root) ?? []).map((sub) => input.familyOfModel.get(sub)).find((f) => !!f) ?? '';
	const plans = new Map(input.models.map((t) => [t, planColumns(t, MODEL_COLUMNS, ctx)]));
	const seen = new Map<string, number>();
	// Roots first, then sub-models: an export may list a sub-model before its parent.
	for (const pass of ['roots', 'subs'] as const)
		for (const r of rows) {
			if ((pass === 'roots') !== (r.parent === '')) continue;
			const bad = badSku(r.code);
			const result = bad
				? `Product model code ${r.code || '(empty)'}: ${bad}`
				: seen.has(r.code)
					? `Product model ${r.code} appears twice (first on line ${seen.get(r.code)})`
					: readModelRow(r, plans.get(r.table)!, entries, familyHint, input, ctx);
			if (!bad && !seen.has(r.code)) seen.set(r.code, r.row.line);
			if (typeof result !== 'string') {
				entries.set(r.code, { node: result });
				continue;
			}
			ctx.rejected.push({ file: r.table.file, line: r.row.line, code: r.code || null, reason: result });
			if (r.code && !entries.has(r.code)) entries.set(r.code, { rejected: result, line: r.row.line });
		}
	return entries;
}

interface ModelRow {
	table: CsvTable;
	row: CsvRow;
	code: string;
	parent: string;
}

/** One row of product_models.csv as a root or sub-model, or why it cannot be one. */
function readModelRow(
	{ table, row, code, parent }: ModelRow,
	slots: Slot[],
	entries: Map<string, ModelEntry>,
	familyHint: (root: string) => string,
	input: ProductsInput,
	ctx: ReadContext
): ModelNode | string {
	let parentNode: ModelNode | null = null;
	let family: string;
	let shape: FamilyShape;
	if (parent) {
		const p = entries.get(parent);
		if (!p) return `Unknown parent product model ${parent}`;
		if ('rejected' in p) return `Its parent product model ${parent} was rejected (line ${p.line})`;
		if (p.node.parent) return `Its parent ${parent} is itself a sub-model; product models have at most two levels`;
		parentNode = p.node;
		({ family, shape } = parentNode);
		if (shape.axes.length !== 2) return `The family variant of ${parent} has one variant level, so it has no sub-models`;
	} else {
		const found = familyOfVariant(cell(table, row, 'family_variant'), cell(table, row, 'family') || familyHint(code), input, ctx);
		if (typeof found === 'string') return found;
		({ family, shape } = found);
	}
	const categories = listCell(cell(table, row, 'categories'));
	const unknown = categories.find((c) => !ctx.categoryKnown(c));
	if (unknown) return `Unknown category ${unknown}`;
	const read = readRowValues(slots, row.cells, shape, parentNode ? 1 : 0);
	if (typeof read === 'string') return read;
	let axes: Record<string, string> = {};
	if (parentNode) {
		const taken = takeAxes(read.values, shape.axes[0]);
		if (typeof taken === 'string') return taken;
		const clash = claimAxes(parentNode, taken, code);
		if (clash) return clash;
		axes = taken;
	}
	noteRow(read, ctx, true);
	const node: ModelNode = {
		code,
		file: table.file,
		line: row.line,
		parent: parentNode,
		family,
		shape,
		values: read.values,
		axes,
		prices: read.prices,
		categories,
		subs: [],
		leaves: [],
		taken: new Map()
	};
	parentNode?.subs.push(node);
	return node;
}

/** Our family and its shape for a root model's family variant, or why there is none. */
function familyOfVariant(fv: string, familyHint: string, input: ProductsInput, ctx: ReadContext): { family: string; shape: FamilyShape } | string {
	if (!fv) return 'No family variant';
	const ref = input.variants.get(fv);
	if (ref && 'rejected' in ref) return `Its family variant ${fv} was rejected: ${ref.rejected}`;
	// Without family_variants.csv: a family of the catalog named after the family variant, or the
	// family named on the model's (or its variant products') row.
	const family = ref?.family ?? (ctx.existing?.families.has(fv) ? fv : familyHint);
	const shape = family ? ctx.family(family) : undefined;
	if (!shape || shape.axes.length === 0)
		return input.variants.size ? `Unknown family variant ${fv}` : `Unknown family variant ${fv} (family_variants.csv is not in this export)`;
	return { family, shape };
}

interface ProductsState {
	models: Map<string, ModelEntry>;
	/** SKU → line of the row that took it. */
	skus: Map<string, number>;
	/** GTIN → SKU that took it. */
	gtins: Map<string, string>;
	simple: BundleProduct[];
}

function readProductTable(table: CsvTable, input: ProductsInput, state: ProductsState, ctx: ReadContext) {
	const identifier = input.identifier && table.columns.has(input.identifier) ? input.identifier : table.header.find((h) => h !== 'uuid')!;
	const system = new Set([identifier, 'uuid', 'categories', 'enabled', 'family', 'parent', 'groups']);
	const slots = planColumns(table, system, ctx);
	const skuAt = table.columns.get(identifier)!;
	for (const row of table.rows) {
		const sku = row.cells[skuAt].trim();
		const reason = sku ? readProductRow(table, row, sku, slots, input, state, ctx) : `No SKU (the ${identifier} column is empty)`;
		if (!reason) continue;
		ctx.rejected.push({ file: table.file, line: row.line, code: sku || null, reason });
		// The model it belongs to is now short of a variant: remember it, so an existing product is not cut down.
		const model = state.models.get(cell(table, row, 'parent'));
		if (model && 'node' in model) model.node.refusedRows = (model.node.refusedRows ?? 0) + 1;
	}
}

/** Reads one row of products.csv into a variant of its model or a simple product; returns why not otherwise. */
function readProductRow(
	table: CsvTable,
	row: CsvRow,
	sku: string,
	slots: Slot[],
	input: ProductsInput,
	state: ProductsState,
	ctx: ReadContext
): string | null {
	const bad = badSku(sku);
	if (bad) return `SKU ${sku}: ${bad}`;
	if (state.skus.has(sku)) return `SKU ${sku} appears twice (first on line ${state.skus.get(sku)})`;
	if (state.models.has(sku)) return `SKU ${sku} is also the code of a product model`;
	const categories = listCell(cell(table, row, 'categories'));
	const unknown = categories.find((c) => !ctx.categoryKnown(c));
	if (unknown) return `Unknown category ${unknown}`;
	if (categories.length > MAX_CATEGORIES) return `In ${categories.length} categories; at most ${MAX_CATEGORIES}`;
	const enabledText = cell(table, row, 'enabled');
	const enabled = enabledText === '' || flag(enabledText);
	if (cell(table, row, 'groups')) ctx.notes.count('groups', (n) => `Product groups were ignored (Aisle has none) on ${n} rows.`);
	const parent = cell(table, row, 'parent');
	if (parent) {
		const entry = state.models.get(parent);
		if (!entry)
			return input.models.length
				? `Unknown parent product model ${parent}`
				: `Its product model ${parent} is not in this export (import product_models.csv with products.csv)`;
		if ('rejected' in entry) return `Its product model ${parent} was rejected (line ${entry.line})`;
		const node = entry.node;
		const depth = node.shape.axes.length;
		if (!node.parent && depth === 2) return `${parent} is a root product model with two variant levels; variant products hang under its sub-models`;
		const read = readRowValues(slots, row.cells, node.shape, depth);
		if (typeof read === 'string') return read;
		const axes = takeAxes(read.values, node.shape.axes[depth - 1]);
		if (typeof axes === 'string') return axes;
		const clash = gtinClash(state.gtins, read.gtin) ?? claimAxes(node, axes, sku);
		if (clash) return clash;
		noteRow(read, ctx, false);
		state.skus.set(sku, row.line);
		if (read.gtin) state.gtins.set(read.gtin, sku);
		node.leaves.push({ code: sku, axes, values: read.values, gtin: read.gtin, prices: read.prices, enabled, categories });
		return null;
	}
	const family = cell(table, row, 'family');
	if (!family) return 'No family (every product here belongs to one)';
	const shape = ctx.family(family);
	if (!shape && input.rejectedFamilies.has(family)) return `Its family ${family} was rejected`;
	if (!shape && input.familiesKnown) return `Unknown family ${family}`;
	if (shape && shape.axes.length) return `Family ${family} has variant levels here; a product without a product model cannot be in it`;
	const read = readRowValues(slots, row.cells, shape ?? null, 0);
	if (typeof read === 'string') return read;
	const clash = gtinClash(state.gtins, read.gtin);
	if (clash) return clash;
	noteRow(read, ctx, false);
	state.skus.set(sku, row.line);
	if (read.gtin) state.gtins.set(read.gtin, sku);
	const data: ProductInput = {
		code: sku,
		family,
		status: enabled ? 'published' : 'draft',
		categories,
		values: read.values,
		variants: [{ code: sku, axes: {}, values: {}, gtin: read.gtin, prices: pricesOf(read.prices) }]
	};
	state.simple.push({ data, source: { file: table.file, line: row.line }, publish: enabled ? 'if-complete' : 'as-given' });
	return null;
}

/** A root model and what hangs under it as one product; models without variant products are rejected. */
function assemble(root: ModelNode, ctx: ReadContext): BundleProduct | null {
	const reject = (node: ModelNode, reason: string) => ctx.rejected.push({ file: node.file, line: node.line, code: node.code, reason });
	const leaves: Leaf[] = [];
	let variants: ProductInput['variants'];
	if (root.shape.axes.length === 1) {
		leaves.push(...root.leaves);
		variants = root.leaves.map((l) => leafInput(l, root.prices));
	} else {
		variants = [];
		for (const sub of root.subs) {
			if (sub.leaves.length === 0) {
				reject(sub, `Product model ${sub.code} has no variant products in this export`);
				continue;
			}
			leaves.push(...sub.leaves);
			const inherited = root.prices || sub.prices ? { ...root.prices, ...sub.prices } : null;
			variants.push({ code: sub.code, axes: sub.axes, values: sub.values, children: sub.leaves.map((l) => leafInput(l, inherited)) });
		}
	}
	if (variants.length === 0) {
		reject(root, `Product model ${root.code} has no variant products in this export`);
		return null;
	}
	if (variants.length > MAX_VARIANTS || variants.some((v) => (v.children?.length ?? 0) > MAX_VARIANTS)) {
		reject(root, `Product model ${root.code} has more than ${MAX_VARIANTS} variants on one level`);
		return null;
	}
	const categories = new Set(root.categories);
	for (const sub of root.subs) for (const c of sub.categories) categories.add(c);
	for (const l of leaves) for (const c of l.categories) categories.add(c);
	if (categories.size > MAX_CATEGORIES) {
		reject(root, `Product model ${root.code} and its variants are in ${categories.size} categories; at most ${MAX_CATEGORIES}`);
		return null;
	}
	const enabled = leaves.some((l) => l.enabled);
	if (enabled && leaves.some((l) => !l.enabled))
		ctx.notes.count('disabled-leaves', (n) => `${n} products mix enabled and disabled variant products; each is imported whole, published if complete enough.`);
	return {
		data: { code: root.code, family: root.family, status: enabled ? 'published' : 'draft', categories: [...categories], values: root.values, variants },
		source: { file: root.file, line: root.line },
		publish: enabled ? 'if-complete' : 'as-given',
		...(root.refusedRows || root.subs.some((s) => s.refusedRows || s.leaves.length === 0) ? { partial: true } : {})
	};
}

function leafInput(l: Leaf, inherited: Record<string, number> | null) {
	const prices = inherited || l.prices ? { ...inherited, ...l.prices } : null;
	return { code: l.code, axes: l.axes, values: l.values, gtin: l.gtin, prices: pricesOf(prices) };
}

function pricesOf(amounts: Record<string, number> | null) {
	const out: Record<string, { amount: number }> = {};
	if (amounts) for (const [currency, amount] of Object.entries(amounts)) out[currency] = { amount };
	return out;
}

/** Moves the axis values out of a node's values (saving puts them back), or says which is missing. */
function takeAxes(values: RawValues, axes: string[]): Record<string, string> | string {
	const out: Record<string, string> = {};
	for (const axis of axes) {
		const v = values[axis]?.['*']?.['*'];
		if (typeof v !== 'string') return `No value for the variant axis ${axis}`;
		out[axis] = v;
		delete values[axis];
	}
	return out;
}

/** Takes the axis values under a model for `code`, unless a sibling has them already. */
function claimAxes(parent: ModelNode, axes: Record<string, string>, code: string): string | null {
	const key = Object.values(axes).join('\u0000');
	const other = parent.taken.get(key);
	if (other) return `Same ${Object.entries(axes).map(([a, v]) => `${a} ${v}`).join(', ')} as ${other} under ${parent.code}`;
	parent.taken.set(key, code);
	return null;
}

function gtinClash(gtins: Map<string, string>, gtin: string | null): string | null {
	const other = gtin ? gtins.get(gtin) : undefined;
	return other ? `GTIN ${gtin!.startsWith('0') ? gtin!.slice(1) : gtin} is also the GTIN of ${other}` : null;
}

function noteRow(read: RowValues, ctx: ReadContext, model: boolean) {
	if (read.outside)
		ctx.notes.count('outside', (n) => `${n} rows had values of attributes outside their family; those values were dropped.`);
	if (model && read.gtin)
		ctx.notes.count('model-gtin', (n) => `${n} product models had a GTIN; only sellable variants have one here, so it was dropped.`);
}
