import type { CatalogDefinition } from '../catalog/definition.ts';
import { readAisleCsv, type StoredLookup } from './aisle-csv.ts';
import { readAisleJson } from './aisle-json.ts';
import { akeneoFileKind, akeneoFilesIn, existingCatalogOf, readAkeneoExport } from './akeneo.ts';
import type { ChannelLocaleMapping, ImportBundle } from './bundle.ts';

/** The formats an import reads. */
export type ImportFormat = 'aisle-csv' | 'aisle-json' | 'akeneo';

/** Files of an import that no reader takes (by their name), so the user can be told before anything runs. */
export function unreadableFiles(names: string[]): string[] {
	if (akeneoFilesIn(names)) return names.filter((n) => !akeneoFileKind(n));
	return names.filter((n) => !/\.(csv|tsv|txt|json)$/i.test(n));
}

/**
 * What format a set of files is: an Akeneo export when the names say so (product models,
 * family variants or attribute options among them), else ours by extension (.json, or CSV).
 */
export function detectFormat(names: string[]): ImportFormat {
	if (akeneoFilesIn(names)) return 'akeneo';
	return names.length > 0 && names.every((n) => /\.json$/i.test(n)) ? 'aisle-json' : 'aisle-csv';
}

export interface ReadImportOptions {
	definition: CatalogDefinition;
	/** How Akeneo's locales and channels become ours (defaults filled in by the Akeneo reader). */
	mapping?: Partial<ChannelLocaleMapping>;
	/** Stored products, so files that give only some columns keep the rest. */
	stored?: StoredLookup;
	/** Force a format instead of detecting it. */
	format?: ImportFormat;
}

/** Puts the bundles of several files together (each record keeps its own file and line). */
export function mergeBundles(bundles: ImportBundle[]): ImportBundle {
	const out: ImportBundle = { locales: [], channels: [], attributes: [], families: [], categories: [], products: [], rejected: [], notes: [] };
	for (const b of bundles) {
		for (const l of b.locales) if (!out.locales.some((x) => x.code === l.code)) out.locales.push(l);
		for (const c of b.channels) if (!out.channels.some((x) => x.code === c.code)) out.channels.push(c);
		out.attributes.push(...b.attributes);
		out.families.push(...b.families);
		out.categories.push(...b.categories);
		out.products.push(...b.products);
		out.rejected.push(...b.rejected);
		out.notes.push(...b.notes);
	}
	return out;
}

/**
 * Reads the files of one import (an Akeneo export folder, or our CSV and JSON files) into one
 * bundle. Throws a ValidationError only for an invalid Akeneo mapping; anything wrong inside the
 * files is reported in the bundle's rejected rows.
 */
export function readImportFiles(files: Record<string, string | Uint8Array>, opts: ReadImportOptions): { format: ImportFormat; bundle: ImportBundle } {
	const names = Object.keys(files);
	const format = opts.format ?? detectFormat(names);
	if (format === 'akeneo') return { format, bundle: readAkeneoExport(files, opts.mapping, existingCatalogOf(opts.definition)) };
	const bundles = Object.entries(files).map(([name, content]) => {
		if (/\.json$/i.test(name)) return readAisleJson(name, content, { stored: opts.stored });
		return readAisleCsv(name, content, { definition: opts.definition, stored: opts.stored });
	});
	return { format, bundle: mergeBundles(bundles) };
}
