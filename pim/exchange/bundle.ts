import type { AttributeInput, CategoryInput, FamilyInput, ProductInput } from '../catalog/input.ts';
import type { LocalizedText } from '../catalog/catalog.schema.ts';

/**
 * What every import format is read into before anything is written: the catalog structure and
 * products in the PIM's own input shapes, each with the file and line it came from. Readers
 * (our CSV and JSON, Akeneo's CSV export) only parse and map; `applyBundle` validates and
 * writes through the same domain functions as the editor.
 */

/** Where a record came from, for the report of rejected rows. Lines count from 1 (the header). */
export interface SourceRef {
	file: string;
	line: number;
}

export interface Sourced<T> {
	data: T;
	source: SourceRef;
}

/** A row the reader could not turn into a record, or that the writer refused. */
export interface RejectedRow {
	file: string;
	line: number;
	/** Code of the record (SKU, attribute code…) when the row had one. */
	code: string | null;
	reason: string;
}

export interface BundleLocale {
	code: string;
	label: string;
}

export interface BundleChannel {
	code: string;
	label: LocalizedText;
	locales: string[];
	currencies: string[];
}

/** A product to save, and how its status is decided. */
export interface BundleProduct extends Sourced<ProductInput> {
	/**
	 * 'as-given': save with `data.status`. 'if-complete': published when complete enough for
	 * publishing (Akeneo's `enabled`), otherwise saved as a draft and noted in the report.
	 */
	publish: 'as-given' | 'if-complete';
	/**
	 * Where each variant's own row is (variant code → file and line), when a format gives
	 * variants rows of their own (our CSV, Akeneo's variant products), so a refusal that
	 * concerns one variant is reported at its row rather than at the product's first one.
	 */
	lines?: Record<string, SourceRef>;
	/**
	 * Some of its variant rows were refused. Saved whole, it would remove those variants from a
	 * product that has them, so an existing product is then refused and left as it is.
	 */
	partial?: boolean;
}

export interface ImportBundle {
	/** Locales and channels the records use, after mapping; added to the catalog when new. */
	locales: BundleLocale[];
	channels: BundleChannel[];
	attributes: Sourced<AttributeInput>[];
	families: Sourced<FamilyInput>[];
	/** Parents before their children. */
	categories: Sourced<CategoryInput>[];
	/** Whole products: root values, categories and the variant tree (models and variant products merged). */
	products: BundleProduct[];
	/** Rows the reader already refused (unparseable, unknown parent, a variant without its model…). */
	rejected: RejectedRow[];
	/** Things the reader dropped on purpose and the user should know (e.g. media paths without files). */
	notes: string[];
}

/** How Akeneo's channels and locales become ours. Editable by the user before an import. */
export interface ChannelLocaleMapping {
	/** Akeneo locale (en_US) → ours (en-US by default, or e.g. en). */
	locales: Record<string, string>;
	/** Akeneo channel → our channels; an empty list drops the channel's values. */
	channels: Record<string, string[]>;
}
