/** The demo's locales. Product names and descriptions are true translations in all three. */
export type DemoLocale = 'en' | 'zh-CN' | 'ru';
export type Localized = Record<DemoLocale, string>;

export type AttributeType =
	| 'text'
	| 'richtext'
	| 'number'
	| 'boolean'
	| 'select'
	| 'multiselect'
	| 'price'
	| 'measurement'
	| 'date'
	| 'image'
	| 'model3d';

export interface DemoAttribute {
	code: string; // snake_case, e.g. 'name', 'description', 'material', 'colour', 'size', 'width'
	type: AttributeType;
	label: Localized;
	localizable: boolean; // value differs per locale (name, description)
	perChannel: boolean; // value differs per channel ('kiosk' | 'web'); use for e.g. a short 'tagline'
	options?: { code: string; label: Localized; hex?: string }[]; // select / multiselect; hex for colours
	unit?: string; // measurement: default unit, e.g. 'CENTIMETER', 'KILOGRAM', 'WATT'
}

export interface DemoFamily {
	code: string; // 'furniture' | 'apparel' | 'electronics' | 'lighting' (at least 3 families)
	label: Localized;
	attributes: string[]; // attribute codes in this family (always includes 'name','description','brand','image')
	required: { kiosk: string[]; web: string[] }; // required per channel (subset of attributes)
	/** Variant levels (0, 1 or 2 entries). Each: the axis attributes of that level and the attributes that live on it. */
	variantLevels: { axes: string[]; attributes: string[] }[];
}

export interface DemoCategory {
	code: string;
	parent: string | null;
	label: Localized;
}

/** Value format: { [attributeCode]: { [channel or '*']: { [locale or '*']: data } } }
 *  '*' means "not per channel" / "not localizable". data by type:
 *  text/richtext: string (richtext is simple HTML: <p>, <ul><li>, <strong>), number: number,
 *  boolean: boolean, select: option code, multiselect: option code[], measurement: { amount: number, unit: string },
 *  date: 'YYYY-MM-DD', price: Record<currency, integer minor units>. */
export type Values = Record<string, Record<string, Record<string, unknown>>>;

export interface DemoVariant {
	code: string; // for sellable (leaf) variants this is the SKU: uppercase, e.g. 'TSH-0042-RED-M'
	axes: Record<string, string>; // axis attribute code -> option code, e.g. { colour: 'red' }
	values: Values; // attributes that live on this level (including the axis values themselves)
	children?: DemoVariant[]; // second level (only for two-level families); leaves are sellable
	priceCents?: number; // leaves only: regular price in USD cents
	/** Optional: what this variant's picture shows (set on colour-level variants: same shape, that colour). */
	picture?: { shape: string; hex: string };
}

export interface DemoProduct {
	code: string; // product (model) code, uppercase, unique, e.g. 'CHR-0001'
	family: string;
	categories: string[]; // LEAF category codes
	values: Values; // root-level values: name, description (localizable), brand, material, ...
	/** For a family with no variant levels: exactly one variant with code = the product's SKU, axes {}, and priceCents. */
	variants: DemoVariant[];
	/** What the generated picture shows: a shape keyword for the product type and a main colour. */
	picture: { shape: string; hex: string };
	createdDaysAgo: number; // 0..720, for "newest" sorting
}

export interface DemoCatalogContent {
	attributes: DemoAttribute[];
	families: DemoFamily[];
	categories: DemoCategory[];
	products: DemoProduct[];
}
