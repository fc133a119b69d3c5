import type { CatalogDefinition } from '../catalog/definition.ts';
import type { BundleChannel, ChannelLocaleMapping, ImportBundle, RejectedRow } from './bundle.ts';
import { cell, fileText, listCell, readCsvTable, splitCsv, type CsvTable } from './akeneo-csv.ts';
import {
	createMapper,
	defaultChannelsFor,
	defaultLocaleFor,
	GTIN_CODE,
	Notes,
	type AttrInfo,
	type ExistingCatalog,
	type FamilyShape,
	type ReadContext
} from './akeneo-context.ts';
import { readProducts } from './akeneo-products.ts';
import { readAttributes, readCategories, readChannels, readFamilies } from './akeneo-structure.ts';

export type { ExistingCatalog, FamilyShape } from './akeneo-context.ts';

/**
 * The mapping an import starts from: Akeneo locales keep their code with a hyphen (en_US →
 * en-US), the ecommerce channel feeds our kiosk and web channels, other channels keep their code.
 */
export const DEFAULT_AKENEO_MAPPING = (akeneoLocales: string[], akeneoChannels: string[]): ChannelLocaleMapping => ({
	locales: Object.fromEntries(akeneoLocales.map((l) => [l, defaultLocaleFor(l) ?? ''])),
	channels: Object.fromEntries(akeneoChannels.map((c) => [c, defaultChannelsFor(c)]))
});

/** The files of an Akeneo CSV export. */
export type AkeneoFileKind =
	| 'product_models'
	| 'products'
	| 'attribute_options'
	| 'attributes'
	| 'family_variants'
	| 'families'
	| 'categories'
	| 'channels';

// Longer names first: "product_models" also starts like "product".
const KINDS: [AkeneoFileKind, string][] = [
	['product_models', 'product_models?'],
	['products', 'products?'],
	['attribute_options', 'attribute_options?'],
	['attributes', 'attributes?'],
	['family_variants', 'family_variants?'],
	['families', 'famil(?:y|ies)'],
	['categories', 'categor(?:y|ies)'],
	['channels', 'channels?']
];
const KIND_PATTERNS = KINDS.map(([kind, stem]) => [kind, new RegExp(`^${stem}(?:[-_. ].*)?\\.csv$`, 'i')] as const);

/** Which Akeneo file a name is (products.csv, product_model.csv, products-2024.csv…), or null. */
export function akeneoFileKind(name: string): AkeneoFileKind | null {
	const base = name.split(/[\\/]/).pop() ?? name;
	for (const [kind, re] of KIND_PATTERNS) if (re.test(base)) return kind;
	return null;
}

/**
 * Whether a folder's file names look like an Akeneo export: it has a file only Akeneo writes
 * (product models, family variants or attribute options).
 */
export function akeneoFilesIn(names: string[]): boolean {
	return names.some((n) => {
		const kind = akeneoFileKind(n);
		return kind === 'product_models' || kind === 'family_variants' || kind === 'attribute_options';
	});
}

/** What a reader of an existing catalog needs of its definition. */
export function existingCatalogOf(def: CatalogDefinition): ExistingCatalog {
	return {
		attributes: new Map(
			[...def.attributes].map(([code, a]) => [
				code,
				{ type: a.type, localizable: a.localizable, perChannel: a.perChannel, unit: a.unit, options: new Set(a.options.keys()) }
			])
		),
		families: new Map([...def.families].map(([code, f]) => [code, { levels: f.levels, axes: f.axes }])),
		categories: new Set(def.categories.keys()),
		channels: new Map([...def.channels].map(([code, c]) => [code, { locales: c.locales, currencies: c.currencies }]))
	};
}

/**
 * Reads an Akeneo PIM CSV export (any subset of its files, by file name) into an import bundle:
 * the structure and products in our own input shapes, rows that cannot be read with their line
 * and reason, and notes on what was mapped or left out. `existing` describes the catalog the
 * bundle goes into, for files whose structure is not in the export. Throws a ValidationError only
 * when the mapping itself is invalid.
 */
export function readAkeneoExport(
	files: Record<string, string | Uint8Array>,
	mapping?: Partial<ChannelLocaleMapping>,
	existing?: ExistingCatalog
): ImportBundle {
	const notes = new Notes();
	const mapper = createMapper(mapping, notes);
	const rejected: RejectedRow[] = [];
	const tables = new Map<AkeneoFileKind, CsvTable[]>();
	for (const [name, content] of Object.entries(files)) {
		const kind = akeneoFileKind(name);
		if (!kind) {
			notes.list('Files that are not part of an Akeneo export were ignored', name);
			continue;
		}
		const table = readCsvTable(name, content, rejected);
		if (table) tables.set(kind, [...(tables.get(kind) ?? []), table]);
	}
	const one = (kind: AkeneoFileKind) => {
		const list = tables.get(kind) ?? [];
		for (const extra of list.slice(1)) notes.list('Only one file of each kind of structure is read; these were ignored', extra.file);
		return list[0] ?? null;
	};
	const products = tables.get('products') ?? [];
	const models = tables.get('product_models') ?? [];

	const attrs = new Map<string, AttrInfo>();
	const shapes = new Map<string, FamilyShape>();
	let knownCategories: Set<string> | null = existing ? new Set(existing.categories) : null;
	let identifier: string | null = null;
	const guessed = new Map<string, AttrInfo | undefined>();
	const ctx: ReadContext = {
		mapper,
		notes,
		rejected,
		existing,
		locales: new Set(),
		channels: new Map(),
		currencies: new Set(),
		attr(code) {
			const a = attrs.get(code);
			if (a) return a;
			if (guessed.has(code)) return guessed.get(code);
			const g = guessAttribute(code, identifier, attrs, guessed, existing);
			guessed.set(code, g);
			return g;
		},
		family: (code) => shapes.get(code) ?? existing?.families.get(code),
		categoryKnown: (code) => knownCategories === null || knownCategories.has(code)
	};

	const attributeTable = one('attributes');
	const optionTable = one('attribute_options');
	const attributes = attributeTable ? readAttributes(attributeTable, optionTable, ctx) : null;
	if (attributes) for (const [code, a] of attributes.byCode) attrs.set(code, a);
	else if (optionTable) notes.add(`${optionTable.file} was not read: options are imported with attributes.csv.`);
	// The SKU column: the identifier attribute when products.csv has it, else `sku`, else its first column.
	const header = products[0]?.header ?? [];
	identifier =
		attributes?.identifier && header.includes(attributes.identifier)
			? attributes.identifier
			: header.includes('sku')
				? 'sku'
				: (header.find((h) => h !== 'uuid') ?? attributes?.identifier ?? null);

	const categoryTable = one('categories');
	const categories = categoryTable ? readCategories(categoryTable, ctx) : [];
	if (categoryTable) {
		knownCategories ??= new Set();
		for (const c of categories) knownCategories.add(c.data.code);
	}
	const channelTable = one('channels');
	if (channelTable) readChannels(channelTable, ctx);

	// Families with products that have no product model keep no variant levels (see readFamilies).
	// The family column of variant products also names their models' family, for when the
	// family variants are not in the export.
	const simpleFamilies = new Set<string>();
	const familyOfModel = new Map<string, string>();
	for (const t of products)
		for (const row of t.rows) {
			const parent = cell(t, row, 'parent');
			const family = cell(t, row, 'family');
			if (!parent) simpleFamilies.add(family);
			else if (family && !familyOfModel.has(parent)) familyOfModel.set(parent, family);
		}
	const familyTable = one('families');
	const families = readFamilies(familyTable, one('family_variants'), simpleFamilies, ctx);
	for (const [code, shape] of families.shapes) shapes.set(code, shape);

	const bundleProducts = readProducts(
		{
			models,
			products,
			identifier,
			variants: families.variants,
			familyOfModel,
			familiesKnown: !!familyTable || !!existing,
			rejectedFamilies: families.rejectedFamilies
		},
		ctx
	);

	const localeNames = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
	const locales = [...ctx.locales].map((code) => {
		let label = code;
		try {
			label = localeNames.of(code) ?? code;
		} catch {
			// an unusual but valid code: its own label
		}
		return { code, label: label.slice(0, 60) };
	});
	// What channels.csv does not say comes from the value columns, else the catalog's channel, else the whole export.
	const channels: BundleChannel[] = [...ctx.channels].map(([code, acc]) => {
		const known = existing?.channels.get(code);
		const pick = (own: Set<string>, catalog: string[] | undefined, all: Set<string>) =>
			own.size ? [...own] : catalog?.length ? [...catalog] : [...all];
		return {
			code,
			label: acc.label,
			locales: pick(acc.locales, known?.locales, ctx.locales),
			currencies: pick(acc.currencies, known?.currencies, ctx.currencies)
		};
	});
	const fileOrder = new Map(Object.keys(files).map((name, i) => [name, i]));
	rejected.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line);
	return {
		locales,
		channels,
		attributes: attributes?.inputs ?? [],
		families: families.inputs,
		categories,
		products: bundleProducts,
		rejected,
		notes: notes.toArray()
	};
}

/**
 * An attribute the export does not describe: the catalog's, or guessed from its code (the SKU
 * column, an EAN/GTIN column, the price column) so products.csv can be read on its own.
 */
function guessAttribute(
	code: string,
	identifier: string | null,
	attrs: Map<string, AttrInfo>,
	guessed: Map<string, AttrInfo | undefined>,
	existing: ExistingCatalog | undefined
): AttrInfo | undefined {
	const e = existing?.attributes.get(code);
	const base = { code, type: 'text' as const, localizable: false, perChannel: false, unit: null, options: null };
	if (e) {
		// Our own media attributes cannot take an Akeneo file path.
		const role = e.type === 'image' || e.type === 'model3d' ? 'dropped' : 'value';
		return { ...base, role, type: e.type, localizable: e.localizable, perChannel: e.perChannel, unit: e.unit, options: e.options };
	}
	const taken = (role: AttrInfo['role']) => [...attrs.values(), ...guessed.values()].some((a) => a?.role === role);
	if (code === identifier) return { ...base, role: 'identifier' };
	if (GTIN_CODE.test(code) && !taken('gtin')) return { ...base, role: 'gtin' };
	if (code === 'price' && !taken('prices')) return { ...base, role: 'prices' };
	return undefined;
}

/**
 * The Akeneo locales and channels an export uses, for the mapping form: from channels.csv,
 * families' requirement columns, label columns and the value columns of products and models.
 * Reads only headers and the small structure files.
 */
export function akeneoLocalesAndChannels(files: Record<string, string | Uint8Array>): { locales: string[]; channels: string[] } {
	const locales = new Set<string>();
	const channels = new Set<string>();
	const flags = new Map<string, { localizable: boolean; scopable: boolean }>();
	const ignore: RejectedRow[] = [];
	const entries = Object.entries(files).map(([name, content]) => [akeneoFileKind(name), name, content] as const);
	for (const [kind, name, content] of entries) {
		if (kind !== 'channels' && kind !== 'attributes') continue;
		const t = readCsvTable(name, content, ignore);
		if (!t) continue;
		for (const row of t.rows) {
			if (kind === 'channels') {
				channels.add(cell(t, row, 'code'));
				for (const l of listCell(cell(t, row, 'locales'))) locales.add(l);
			} else flags.set(cell(t, row, 'code'), { localizable: cell(t, row, 'localizable') === '1', scopable: cell(t, row, 'scopable') === '1' });
		}
	}
	const LOCALE = /^[a-z]{2,3}_[A-Za-z0-9_]+$/;
	for (const [kind, , content] of entries) {
		if (!kind) continue;
		let header: string[] = [];
		splitCsv(fileText(content), (cells) => (header = header.length ? header : cells), 1);
		for (const h of header) {
			if (h.startsWith('label-') && LOCALE.test(h.slice(6))) locales.add(h.slice(6));
			else if (h.startsWith('requirements-')) channels.add(h.slice('requirements-'.length));
			else if (kind === 'products' || kind === 'product_models') {
				const [code, ...rest] = h.split('-');
				const f = flags.get(code);
				if (f) {
					if (f.localizable && rest[0]) locales.add(rest[0]);
					if (f.scopable && rest[f.localizable ? 1 : 0]) channels.add(rest[f.localizable ? 1 : 0]);
				} else for (const part of rest) if (LOCALE.test(part)) locales.add(part);
			}
		}
	}
	channels.delete('');
	return { locales: [...locales].sort(), channels: [...channels].sort() };
}
