import type { LocalizedText } from '../catalog/catalog.schema.ts';
import { currencySchema, type AttributeInput, type AttributeType, type CategoryInput, type FamilyInput } from '../catalog/input.ts';
import type { Sourced } from './bundle.ts';
import { cell, listCell, type CsvTable } from './akeneo-csv.ts';
import {
	badCode,
	flag,
	GTIN_CODE,
	labelsOf,
	useChannel,
	type AttrInfo,
	type FamilyShape,
	type ReadContext
} from './akeneo-context.ts';

/** Akeneo attribute types that have a counterpart here (textareas with an editor become rich text). */
const TYPES: Record<string, AttributeType> = {
	pim_catalog_identifier: 'text',
	pim_catalog_text: 'text',
	pim_catalog_textarea: 'text',
	pim_catalog_number: 'number',
	pim_catalog_boolean: 'boolean',
	pim_catalog_simpleselect: 'select',
	pim_catalog_multiselect: 'multiselect',
	pim_catalog_price_collection: 'price',
	pim_catalog_metric: 'measurement',
	pim_catalog_date: 'date'
};
const FILE_TYPES = new Set(['pim_catalog_image', 'pim_catalog_file']);

/** attributes.csv read: how to read each attribute's columns, and the attributes to create. */
export interface AttributesRead {
	byCode: Map<string, AttrInfo>;
	inputs: Sourced<AttributeInput>[];
	/** The attribute whose values are SKUs. */
	identifier: string | null;
}

/**
 * Reads attributes.csv and attribute_options.csv. The main identifier becomes the SKU, an
 * EAN/GTIN attribute the variants' GTIN, the main price collection the variants' prices;
 * image, file and reference-data attributes are dropped with a note.
 */
export function readAttributes(table: CsvTable, options: CsvTable | null, ctx: ReadContext): AttributesRead {
	const { notes, rejected } = ctx;
	const byCode = new Map<string, AttrInfo>();
	const rows = new Map<string, { line: number; label: LocalizedText; main: boolean }>();
	for (const row of table.rows) {
		const code = cell(table, row, 'code');
		const bad = badCode(code);
		if (bad) {
			rejected.push({ file: table.file, line: row.line, code: code || null, reason: `Attribute code ${code || '(empty)'}: ${bad}` });
			continue;
		}
		if (rows.has(code)) {
			rejected.push({ file: table.file, line: row.line, code, reason: `Attribute ${code} appears twice (first on line ${rows.get(code)!.line})` });
			continue;
		}
		const akType = cell(table, row, 'type');
		const type: AttributeType = akType === 'pim_catalog_textarea' && flag(cell(table, row, 'wysiwyg_enabled')) ? 'richtext' : (TYPES[akType] ?? 'text');
		const role = akType === 'pim_catalog_identifier' ? 'identifier' : TYPES[akType] ? 'value' : 'dropped';
		if (role === 'dropped') {
			if (FILE_TYPES.has(akType)) notes.list('Image and file attributes were dropped (a CSV export carries no files; add media in the editor)', code);
			else notes.list('Attributes of types Aisle does not have were dropped', `${code} (${akType || 'no type'})`);
		}
		byCode.set(code, {
			code,
			role,
			type,
			localizable: flag(cell(table, row, 'localizable')),
			perChannel: flag(cell(table, row, 'scopable')),
			unit: type === 'measurement' ? cell(table, row, 'default_metric_unit').slice(0, 30) || null : null,
			options: null
		});
		rows.set(code, { line: row.line, label: labelsOf(table, row, ctx.mapper), main: flag(cell(table, row, 'is_main_identifier')) });
	}

	// The SKU: the main identifier (Akeneo 7 may have several identifiers), else the first.
	const identifiers = [...byCode.values()].filter((a) => a.role === 'identifier');
	const main = identifiers.find((a) => rows.get(a.code)!.main) ?? identifiers[0] ?? null;
	for (const a of identifiers) if (a !== main) a.role = 'value';
	if (main) notes.add(`The identifier attribute ${main.code} became the SKU.`);
	const gtin = [...byCode.values()].find(
		(a) => a.role === 'value' && GTIN_CODE.test(a.code) && (a.type === 'text' || a.type === 'number') && !a.localizable && !a.perChannel
	);
	if (gtin) {
		gtin.role = 'gtin';
		notes.add(`${gtin.code} became the GTIN of each sellable variant (a row with an invalid GTIN is rejected).`);
	}
	const prices = byCode.get('price')?.type === 'price' ? byCode.get('price') : [...byCode.values()].find((a) => a.role === 'value' && a.type === 'price');
	if (prices) {
		prices.role = 'prices';
		notes.add(`${prices.code} became the price of each sellable variant, per currency; a product model's price passes down to its variants.`);
	}

	const optionLists = options ? readOptions(options, byCode, ctx) : null;
	if (!options && [...byCode.values()].some((a) => a.role === 'value' && (a.type === 'select' || a.type === 'multiselect')))
		notes.add('attribute_options.csv is not in the export: select attributes come without their options.');
	const inputs: Sourced<AttributeInput>[] = [];
	for (const a of byCode.values()) {
		if (a.role !== 'value') continue;
		const r = rows.get(a.code)!;
		const select = a.type === 'select' || a.type === 'multiselect';
		const opts = select ? (optionLists?.get(a.code) ?? []) : [];
		if (opts.length > 2000) {
			// Its values are left out with it; the products still come.
			ctx.rejected.push({ file: table.file, line: r.line, code: a.code, reason: `Has ${opts.length} options; at most 2,000` });
			a.role = 'dropped';
			continue;
		}
		if (select) a.options = optionLists ? new Set(opts.map((o) => o.code)) : (ctx.existing?.attributes.get(a.code)?.options ?? null);
		inputs.push({
			data: {
				code: a.code,
				type: a.type,
				label: r.label,
				localizable: a.localizable,
				perChannel: a.perChannel,
				unit: a.unit,
				options: opts.map((o) => ({ code: o.code, label: o.label }))
			},
			source: { file: table.file, line: r.line }
		});
	}
	return { byCode, inputs, identifier: main?.code ?? null };
}

/** Options per select attribute, in Akeneo's sort order. */
function readOptions(table: CsvTable, attrs: Map<string, AttrInfo>, ctx: ReadContext) {
	const lists = new Map<string, { code: string; label: LocalizedText; sort: number; line: number }[]>();
	const seen = new Map<string, number>();
	for (const row of table.rows) {
		const attribute = cell(table, row, 'attribute');
		const code = cell(table, row, 'code');
		const reject = (reason: string) => ctx.rejected.push({ file: table.file, line: row.line, code: code || null, reason });
		const a = attrs.get(attribute);
		if (!a) {
			reject(attribute ? `Unknown attribute ${attribute}` : 'No attribute');
			continue;
		}
		if (a.role !== 'value') continue; // options of a dropped attribute go with it
		if (a.type !== 'select' && a.type !== 'multiselect') {
			reject(`${attribute} is not a select attribute`);
			continue;
		}
		const bad = badCode(code);
		if (bad) {
			reject(`Option code ${code || '(empty)'}: ${bad}`);
			continue;
		}
		const key = `${attribute}\u0000${code}`;
		if (seen.has(key)) {
			reject(`Option ${code} of ${attribute} appears twice (first on line ${seen.get(key)})`);
			continue;
		}
		seen.set(key, row.line);
		let list = lists.get(attribute);
		if (!list) lists.set(attribute, (list = []));
		const sort = Number(cell(table, row, 'sort_order'));
		list.push({ code, label: labelsOf(table, row, ctx.mapper), sort: Number.isFinite(sort) ? sort : Infinity, line: row.line });
	}
	for (const list of lists.values()) list.sort((a, b) => a.sort - b.sort || a.line - b.line);
	return lists;
}

/** Reads categories.csv, parents before their children; unknown parents and cycles are rejected. */
export function readCategories(table: CsvTable, ctx: ReadContext): Sourced<CategoryInput>[] {
	const rows = new Map<string, { line: number; parent: string | null; label: LocalizedText }>();
	for (const row of table.rows) {
		const code = cell(table, row, 'code');
		const bad = badCode(code);
		const reason = bad
			? `Category code ${code || '(empty)'}: ${bad}`
			: rows.has(code)
				? `Category ${code} appears twice (first on line ${rows.get(code)!.line})`
				: null;
		if (reason) {
			ctx.rejected.push({ file: table.file, line: row.line, code: code || null, reason });
			continue;
		}
		rows.set(code, { line: row.line, parent: cell(table, row, 'parent') || null, label: labelsOf(table, row, ctx.mapper) });
	}
	const out: Sourced<CategoryInput>[] = [];
	const state = new Map<string, 'visiting' | 'done' | string>();
	const visit = (code: string): string | null => {
		const s = state.get(code);
		if (s === 'done') return null;
		if (s === 'visiting') return 'It is its own ancestor (a cycle of parents)';
		if (s !== undefined) return s;
		const r = rows.get(code)!;
		state.set(code, 'visiting');
		let reason: string | null = null;
		if (r.parent && r.parent === code) reason = 'It is its own parent';
		else if (r.parent && rows.has(r.parent)) {
			const up = visit(r.parent);
			if (up) reason = up.startsWith('Its parent') || up.startsWith('It is its own ancestor') ? up : `Its parent ${r.parent} was rejected`;
		} else if (r.parent && !ctx.existing?.categories.has(r.parent)) reason = `Unknown parent category ${r.parent}`;
		if (reason) {
			state.set(code, reason);
			ctx.rejected.push({ file: table.file, line: r.line, code, reason });
			return reason;
		}
		state.set(code, 'done');
		out.push({ data: { code, parent: r.parent, label: r.label }, source: { file: table.file, line: r.line } });
		return null;
	};
	for (const code of rows.keys()) visit(code);
	return out;
}

/** Reads channels.csv into our channels: labels (where the code is kept), locales and currencies. */
export function readChannels(table: CsvTable, ctx: ReadContext) {
	for (const row of table.rows) {
		const code = cell(table, row, 'code');
		const ours = ctx.mapper.channels(code);
		const label = labelsOf(table, row, ctx.mapper);
		const locales = listCell(cell(table, row, 'locales'))
			.map((l) => ctx.mapper.locale(l))
			.filter((l): l is string => !!l);
		const currencies = listCell(cell(table, row, 'currencies')).filter((c) => currencySchema.safeParse(c).success);
		for (const ch of ours) {
			const acc = useChannel(ctx, ch);
			if (ch === code) Object.assign(acc.label, label);
			for (const l of locales) {
				acc.locales.add(l);
				ctx.locales.add(l);
			}
			for (const c of currencies) acc.currencies.add(c);
		}
	}
}

/** families.csv and family_variants.csv read: the families to create and how model rows find theirs. */
export interface FamiliesRead {
	inputs: Sourced<FamilyInput>[];
	shapes: Map<string, FamilyShape>;
	/** Family variant code → our family code, or why the family variant was rejected. */
	variants: Map<string, { family: string } | { rejected: string }>;
	/** Codes of families.csv rows that were rejected. */
	rejectedFamilies: Set<string>;
}

interface FamilyRow {
	line: number;
	label: LocalizedText;
	attributes: string[];
	required: Record<string, string[]>;
}

interface VariantRow {
	code: string;
	family: string;
	line: number;
	label: LocalizedText;
	levels: { axes: string[]; attributes: string[] }[];
}

/**
 * Reads families.csv and family_variants.csv. We keep one variant structure per family: a family
 * with one family variant takes its levels; each further family variant becomes a family of its
 * own, named by its code. A family that also has products without a product model stays without
 * levels, and all its family variants become families of their own.
 */
export function readFamilies(
	families: CsvTable | null,
	variants: CsvTable | null,
	simpleFamilies: Set<string>,
	ctx: ReadContext
): FamiliesRead {
	const { rejected, notes, mapper } = ctx;
	const rows = new Map<string, FamilyRow>();
	const rejectedFamilies = new Map<string, string>();
	if (families) {
		const reqColumns = families.header.filter((h) => h.startsWith('requirements-'));
		for (const row of families.rows) {
			const code = cell(families, row, 'code');
			const reject = (reason: string) => {
				rejected.push({ file: families.file, line: row.line, code: code || null, reason });
				if (code && !rows.has(code)) rejectedFamilies.set(code, reason);
			};
			const bad = badCode(code);
			if (bad) {
				reject(`Family code ${code || '(empty)'}: ${bad}`);
				continue;
			}
			if (rows.has(code)) {
				reject(`Family ${code} appears twice (first on line ${rows.get(code)!.line})`);
				continue;
			}
			const attributes: string[] = [];
			let unknown = 0;
			for (const a of listCell(cell(families, row, 'attributes'))) {
				const info = ctx.attr(a);
				if (!info) {
					unknown++;
					notes.list('Families listed attributes that are not in the export or the catalog; they were left out', a);
				} else if (info.role === 'value') attributes.push(a);
			}
			if (attributes.length === 0) {
				reject(
					unknown
						? `Family ${code}: its attributes are neither in the export (attributes.csv) nor in the catalog`
						: `Family ${code} has no attributes Aisle can hold (identifier, GTIN, price and media attributes are not attributes here)`
				);
				continue;
			}
			const inFamily = new Set(attributes);
			const required: Record<string, string[]> = {};
			for (const column of reqColumns) {
				const codes = listCell(cell(families, row, column)).filter((a) => inFamily.has(a));
				for (const ch of mapper.channels(column.slice('requirements-'.length))) {
					useChannel(ctx, ch);
					const list = (required[ch] ??= []);
					for (const a of codes) if (!list.includes(a)) list.push(a);
				}
			}
			rows.set(code, { line: row.line, label: labelsOf(families, row, mapper), attributes, required });
		}
	}

	const variantRows: VariantRow[] = [];
	const out: FamiliesRead = { inputs: [], shapes: new Map(), variants: new Map(), rejectedFamilies: new Set(rejectedFamilies.keys()) };
	if (variants) {
		for (const row of variants.rows) {
			const code = cell(variants, row, 'code');
			const family = cell(variants, row, 'family');
			const reason = checkVariantRow(variants, row, code, family, rows, rejectedFamilies, !!families, ctx);
			if (typeof reason === 'string') {
				rejected.push({ file: variants.file, line: row.line, code: code || null, reason });
				if (code) out.variants.set(code, { rejected: reason });
				continue;
			}
			if (out.variants.has(code) || variantRows.some((v) => v.code === code)) {
				rejected.push({ file: variants.file, line: row.line, code, reason: `Family variant ${code} appears twice` });
				continue;
			}
			variantRows.push({ code, family, line: row.line, label: labelsOf(variants, row, mapper), levels: reason });
		}
	}

	const taken = new Set(rows.keys());
	const derivedCode = (fv: string) => {
		let code = taken.has(fv) ? `${fv}_variant` : fv;
		for (let i = 2; taken.has(code); i++) code = `${fv}_variant_${i}`;
		taken.add(code);
		return code;
	};
	const shapeOf = (attributes: string[], levels: VariantRow['levels']): FamilyShape => {
		const map = new Map(attributes.map((a) => [a, 0]));
		levels.forEach((l, i) => l.attributes.forEach((a) => map.set(a, i + 1)));
		return { levels: map, axes: levels.map((l) => l.axes) };
	};
	const push = (code: string, f: FamilyRow, label: LocalizedText, levels: VariantRow['levels'], line: number, file: string) => {
		out.inputs.push({
			data: { code, label, attributes: f.attributes, required: f.required, variantLevels: levels },
			source: { file, line }
		});
		out.shapes.set(code, shapeOf(f.attributes, levels));
	};
	for (const [code, f] of rows) {
		const own = variantRows.filter((v) => v.family === code);
		const plain = own.length === 0 || simpleFamilies.has(code);
		push(code, f, f.label, plain ? [] : own[0].levels, f.line, families!.file);
		const derived: string[] = [];
		own.forEach((v, i) => {
			if (!plain && i === 0) {
				out.variants.set(v.code, { family: code });
				return;
			}
			const derivedAs = derivedCode(v.code);
			push(derivedAs, f, Object.keys(v.label).length ? v.label : f.label, v.levels, v.line, variants!.file);
			out.variants.set(v.code, { family: derivedAs });
			derived.push(derivedAs === v.code ? v.code : `${v.code} (as ${derivedAs})`);
		});
		if (derived.length)
			notes.add(
				plain
					? `Family ${code} has products without a product model, so it stays without variants; its family variants became families of their own: ${derived.join(', ')}.`
					: `Family ${code} has ${own.length} family variants; it takes the levels of ${own[0].code}, and the others became families of their own: ${derived.join(', ')}.`
			);
	}
	// Without families.csv, family variants point at families already in the catalog.
	if (!families)
		for (const v of variantRows) {
			const target = ctx.existing?.families.has(v.code) ? v.code : v.family;
			const shape = ctx.existing?.families.get(target);
			const reason = !shape
				? `Family ${v.family} is neither in this export nor in the catalog`
				: shape.axes.length !== v.levels.length
					? `Family ${target} in the catalog has ${shape.axes.length} variant levels; this family variant has ${v.levels.length}`
					: null;
			if (reason) {
				rejected.push({ file: variants!.file, line: v.line, code: v.code, reason });
				out.variants.set(v.code, { rejected: reason });
			} else out.variants.set(v.code, { family: target });
		}
	return out;
}

/** The levels of a family variant row, or why it cannot be read. */
function checkVariantRow(
	table: CsvTable,
	row: CsvTable['rows'][number],
	code: string,
	family: string,
	families: Map<string, FamilyRow>,
	rejectedFamilies: Map<string, string>,
	haveFamilies: boolean,
	ctx: ReadContext
): VariantRow['levels'] | string {
	const bad = badCode(code);
	if (bad) return `Family variant code ${code || '(empty)'}: ${bad}`;
	if (!family) return 'No family';
	if (rejectedFamilies.has(family)) return `Its family ${family} was rejected`;
	const f = families.get(family);
	if (haveFamilies && !f) return `Unknown family ${family}`;
	const inFamily = f ? new Set(f.attributes) : null;
	const levels: VariantRow['levels'] = [];
	for (const n of [1, 2]) {
		const axes = listCell(cell(table, row, `variant-axes_${n}`));
		if (axes.length === 0) {
			if (n === 1) return 'No variant axes';
			break;
		}
		if (axes.length > 5) return 'At most five axes per level';
		for (const axis of axes) {
			const info = ctx.attr(axis);
			if (!info || info.role !== 'value') return `Axis ${axis} is not an attribute Aisle can hold`;
			if (info.type !== 'select') return `Axis ${axis} is a ${info.type}; variant axes here must be simple selects`;
			if (info.localizable || info.perChannel) return `Axis ${axis} is localizable or per channel; variant axes cannot be`;
			if (inFamily && !inFamily.has(axis)) return `Axis ${axis} is not in family ${family}`;
		}
		const attributes = [...axes];
		for (const a of listCell(cell(table, row, `variant-attributes_${n}`))) {
			if (attributes.includes(a) || ctx.attr(a)?.role !== 'value') continue; // SKU, GTIN, price and media live elsewhere
			if (inFamily && !inFamily.has(a)) continue;
			attributes.push(a);
		}
		levels.push({ axes, attributes });
	}
	return levels;
}
