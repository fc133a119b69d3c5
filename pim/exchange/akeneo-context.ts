import type { LocalizedText } from '../catalog/catalog.schema.ts';
import { codeSchema, localeCodeSchema, skuSchema, type AttributeType } from '../catalog/input.ts';
import { ValidationError, type Issue } from '../shared/errors.ts';
import type { ChannelLocaleMapping, RejectedRow } from './bundle.ts';
import type { CsvRow, CsvTable } from './akeneo-csv.ts';

/**
 * What the Akeneo reader needs to know of the current catalog to read files whose structure
 * is not in the export (e.g. products.csv alone): attribute types, families' variant levels,
 * categories and channels. Built from the catalog definition by `existingCatalogOf`.
 */
export interface ExistingCatalog {
	attributes: Map<string, { type: AttributeType; localizable: boolean; perChannel: boolean; unit: string | null; options: Set<string> }>;
	families: Map<string, FamilyShape>;
	categories: Set<string>;
	channels: Map<string, { locales: string[]; currencies: string[] }>;
}

/** Which attribute lives on which level of a family (0 = the product), and each level's axes. */
export interface FamilyShape {
	levels: Map<string, number>;
	axes: string[][];
}

/**
 * What an Akeneo attribute becomes: one of our attributes ('value'), the SKU ('identifier'), the
 * sellable variants' GTIN ('gtin') or prices ('prices'), or nothing ('dropped').
 */
export type AttrRole = 'value' | 'identifier' | 'gtin' | 'prices' | 'dropped';

/** An attribute as the reader uses it to read value columns. */
export interface AttrInfo {
	code: string;
	role: AttrRole;
	/** Our type, for role 'value'. */
	type: AttributeType;
	localizable: boolean;
	perChannel: boolean;
	/** Default unit of a measurement. */
	unit: string | null;
	/** Option codes of a select, or null when unknown (then values are not checked against them). */
	options: Set<string> | null;
}

/** Our locale and channels for Akeneo's. */
export interface Mapper {
	/** Our locale, or null when the user dropped it. */
	locale(akeneo: string): string | null;
	/** Our channels; empty when the user dropped the channel. */
	channels(akeneo: string): string[];
}

/** Akeneo's en_US → en-US; null when no valid locale code comes out. */
export function defaultLocaleFor(akeneo: string): string | null {
	const [lang, ...rest] = akeneo.split('_');
	const code = [lang.toLowerCase(), ...rest].join('-');
	return localeCodeSchema.safeParse(code).success ? code : null;
}

/** Akeneo's ecommerce channel feeds both our kiosk and web channels; others keep their code. */
export function defaultChannelsFor(akeneo: string): string[] {
	return akeneo === 'ecommerce' ? ['kiosk', 'web'] : [akeneo];
}

/**
 * The mapping in use: the user's entries over the defaults. Throws a ValidationError naming each
 * entry that is not a valid locale or channel code, before anything is read.
 */
export function createMapper(mapping: Partial<ChannelLocaleMapping> | undefined, notes: Notes): Mapper {
	const issues: Issue[] = [];
	for (const [ak, ours] of Object.entries(mapping?.locales ?? {})) {
		if (typeof ours !== 'string') issues.push({ path: `locales.${ak}`, message: 'Give a locale code, or leave it empty to drop the locale' });
		else if (ours !== '' && !localeCodeSchema.safeParse(ours).success)
			issues.push({ path: `locales.${ak}`, message: `${ours} is not a locale code such as en or zh-CN` });
	}
	for (const [ak, ours] of Object.entries(mapping?.channels ?? {})) {
		if (!Array.isArray(ours)) issues.push({ path: `channels.${ak}`, message: 'Give a list of channel codes' });
		else
			for (const ch of ours)
				if (typeof ch !== 'string' || !codeSchema.safeParse(ch).success)
					issues.push({ path: `channels.${ak}`, message: `${String(ch)} is not a channel code` });
	}
	if (issues.length) throw new ValidationError('The channel and locale mapping has errors', issues);
	const locales = new Map<string, string | null>();
	const channels = new Map<string, string[]>();
	return {
		locale(ak) {
			let ours = locales.get(ak);
			if (ours === undefined) {
				const given = mapping?.locales?.[ak];
				ours = given === undefined ? defaultLocaleFor(ak) : given.trim() || null;
				if (ours === null)
					notes.list('Values and labels in these Akeneo locales were dropped', given === undefined ? `${ak} (not a locale code)` : ak);
				locales.set(ak, ours);
			}
			return ours;
		},
		channels(ak) {
			let ours = channels.get(ak);
			if (ours === undefined) {
				const given = mapping?.channels?.[ak];
				const valid = given !== undefined || !badCode(ak);
				ours = given !== undefined ? [...new Set(given.map((c) => c.trim()))] : valid ? defaultChannelsFor(ak) : [];
				if (ours.length === 0)
					notes.list('Values and requirements of these Akeneo channels were dropped (mapped to no channel)', valid ? ak : `${ak || '(empty)'} (not a channel code)`);
				channels.set(ak, ours);
			}
			return ours;
		}
	};
}

/** Notes for the report, grouped so a thousand alike rows make one line. */
export class Notes {
	private readonly lists = new Map<string, Set<string>>();
	private readonly counts = new Map<string, { n: number; text: (n: number) => string }>();
	private readonly plain = new Set<string>();

	add(text: string) {
		this.plain.add(text);
	}

	/** Adds `item` to the note headed `heading` ("heading: a, b, c"). */
	list(heading: string, item: string) {
		let items = this.lists.get(heading);
		if (!items) this.lists.set(heading, (items = new Set()));
		items.add(item);
	}

	/** Counts one more occurrence of a note whose text says how many. */
	count(key: string, text: (n: number) => string) {
		const c = this.counts.get(key);
		if (c) c.n++;
		else this.counts.set(key, { n: 1, text });
	}

	toArray(): string[] {
		const out = [...this.plain];
		for (const [heading, items] of this.lists) {
			const all = [...items];
			out.push(`${heading}: ${all.slice(0, 20).join(', ')}${all.length > 20 ? ` and ${all.length - 20} more` : ''}.`);
		}
		for (const c of this.counts.values()) out.push(c.text(c.n));
		return out;
	}
}

/** What a channel of ours gathers from the export. */
export interface ChannelAcc {
	label: LocalizedText;
	locales: Set<string>;
	currencies: Set<string>;
}

/** State shared by the parts of one read. */
export interface ReadContext {
	mapper: Mapper;
	notes: Notes;
	rejected: RejectedRow[];
	existing: ExistingCatalog | undefined;
	/** Our locales the records use. */
	locales: Set<string>;
	/** Our channels the records use. */
	channels: Map<string, ChannelAcc>;
	/** Currencies of prices in the export. */
	currencies: Set<string>;
	/** Attributes by code: the export's, else the catalog's, else a guess from the code. */
	attr(code: string): AttrInfo | undefined;
	/** Families by code: the export's, else the catalog's. */
	family(code: string): FamilyShape | undefined;
	/** Whether a category code is known; true when the read knows no categories at all. */
	categoryKnown(code: string): boolean;
}

/** Registers one of our channels as used and returns what it gathers. */
export function useChannel(ctx: ReadContext, code: string): ChannelAcc {
	let acc = ctx.channels.get(code);
	if (!acc) ctx.channels.set(code, (acc = { label: {}, locales: new Set(), currencies: new Set() }));
	return acc;
}

/** Localized labels from `label-<locale>` columns, under our locale codes. */
export function labelsOf(table: CsvTable, row: CsvRow, mapper: Mapper, prefix = 'label-'): LocalizedText {
	const out: LocalizedText = {};
	for (let i = 0; i < table.header.length; i++) {
		const name = table.header[i];
		if (!name.startsWith(prefix)) continue;
		const value = (row.cells[i] ?? '').trim();
		if (!value) continue;
		const loc = mapper.locale(name.slice(prefix.length));
		if (loc && !(loc in out)) out[loc] = value.slice(0, 500);
	}
	return out;
}

/** Akeneo's yes/no flags: 1/0 (older exports: true/false). */
export function flag(value: string): boolean {
	return value === '1' || value.toLowerCase() === 'true';
}

/** Why a code is not one of ours (attribute, family, category, option), or null when it is. */
export function badCode(code: string): string | null {
	const r = codeSchema.safeParse(code);
	return r.success ? null : (r.error.issues[0]?.message ?? 'Invalid code');
}

/** Why a SKU or product code is not one of ours, or null when it is. */
export function badSku(code: string): string | null {
	const r = skuSchema.safeParse(code);
	return r.success ? null : (r.error.issues[0]?.message ?? 'Invalid code');
}

/** Attribute codes that name a barcode: their values become GTINs. */
export const GTIN_CODE = /^(ean|ean_?(8|13)|gtin|gtin_?(8|12|13|14)|upc|upc_?a|barcode)$/i;
