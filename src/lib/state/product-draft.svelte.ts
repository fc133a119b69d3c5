import type { Issue, LeafVariantData, PriceData, ProductInput, VariantData } from '$pim';
import type { RawValues } from '$pim/catalog/catalog.schema.ts';
import type { EditorMedia } from '$lib/pim-types';
import type { EditorAttribute, EditorProduct } from '$lib/server/pim-editor';

/** Key of raw values for "not per channel" and "not localizable". */
export const ALL = '*';

type AttrKeys = Pick<EditorAttribute, 'code' | 'localizable' | 'perChannel'>;

/** The channel and locale keys a value of `attr` lives under when edited for (channel, locale). */
export function valueKeys(attr: AttrKeys, channel: string, locale: string): [string, string] {
	return [attr.perChannel ? channel : ALL, attr.localizable ? locale : ALL];
}

/** Whether data counts as no value (and is dropped rather than stored). */
export function isEmpty(data: unknown): boolean {
	return data === undefined || data === null || data === '' || (Array.isArray(data) && data.length === 0);
}

/** The value of `attr` for (channel, locale) as stored, without fallback. */
export function readRaw(values: RawValues, attr: AttrKeys, channel: string, locale: string): unknown {
	const [ch, loc] = valueKeys(attr, channel, locale);
	return values[attr.code]?.[ch]?.[loc];
}

/** Writes (or, for an empty value, removes) the value of `attr` for (channel, locale), pruning empty levels. */
export function writeRaw(values: RawValues, attr: AttrKeys, channel: string, locale: string, data: unknown): void {
	const [ch, loc] = valueKeys(attr, channel, locale);
	if (!isEmpty(data)) {
		// Step by step through `values`, so each level is written through its reactive proxy.
		values[attr.code] ??= {};
		values[attr.code][ch] ??= {};
		values[attr.code][ch][loc] = data;
		return;
	}
	const byChannel = values[attr.code];
	if (!byChannel?.[ch]) return;
	delete byChannel[ch][loc];
	if (Object.keys(byChannel[ch]).length === 0) delete byChannel[ch];
	if (Object.keys(byChannel).length === 0) delete values[attr.code];
}

/** Digits after the decimal point of a currency: 2 for USD, 0 for JPY. */
export function minorDigits(currency: string): number {
	try {
		return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		return 2;
	}
}

/** Minor units (cents) to the amount people type: 1299 USD → 12.99. */
export function toMajor(minor: number, currency: string): number {
	return minor / 10 ** minorDigits(currency);
}

/** An amount typed in major units to minor units; a fraction of a cent is kept so the server can refuse it. */
export function toMinor(major: number, currency: string): number {
	const exact = major * 10 ** minorDigits(currency);
	const rounded = Math.round(exact);
	return Math.abs(exact - rounded) < 1e-6 ? rounded : exact;
}

/** The first combination of axis options not in `taken`, in option order; null when all are used. */
export function nextAxes(axes: { code: string; options: string[] }[], taken: Record<string, string>[]): Record<string, string> | null {
	const used = new Set(taken.map((t) => axes.map((a) => t[a.code]).join('\u0000')));
	const walk = (i: number, picked: Record<string, string>): Record<string, string> | null => {
		if (i === axes.length) return used.has(axes.map((a) => picked[a.code]).join('\u0000')) ? null : picked;
		for (const o of axes[i].options) {
			const found = walk(i + 1, { ...picked, [axes[i].code]: o });
			if (found) return found;
		}
		return null;
	};
	return axes.length ? walk(0, {}) : null;
}

/** A variant code from its parent's code and its axis options (`TSH-1` + red → `TSH-1-RED`), made unique. */
export function variantCode(base: string, axes: Record<string, string>, taken: Set<string>): string {
	const code = [base, ...Object.values(axes).map((o) => o.toUpperCase())].join('-');
	let unique = code;
	for (let n = 2; taken.has(unique); n++) unique = `${code}-${n}`;
	return unique;
}

/** An HTML id for the field of an issue path (`variants.0.gtin` → `f-variants_0_gtin`). */
export function fieldId(path: string): string {
	return `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const FIELD_NAMES: Record<string, string> = {
	code: 'SKU',
	gtin: 'GTIN',
	axes: 'axes',
	children: 'variants',
	prices: 'prices',
	categories: 'Categories',
	family: 'Family',
	variants: 'Variants',
	media: 'Media',
	expectedRevision: 'Revision'
};

/** A short name for the field an issue path points at, for the summary above the editor. */
export function issueLabel(path: string, product: Pick<DraftProduct, 'variants'>, attributes: Pick<EditorAttribute, 'code' | 'label'>[]): string {
	const parts = path.split('.');
	const attr = (code: string | undefined) => attributes.find((a) => a.code === code)?.label ?? code ?? '';
	if (parts[0] === 'values' && parts[1]) {
		const scope = parts.slice(2).filter((k) => k !== ALL).join(', ');
		return scope ? `${attr(parts[1])} (${scope})` : attr(parts[1]);
	}
	if (parts[0] === 'variants' && parts[1] !== undefined) {
		let node: LeafVariantData | undefined = product.variants[Number(parts[1])];
		let rest = parts.slice(2);
		if (rest[0] === 'children' && rest[1] !== undefined) {
			node = product.variants[Number(parts[1])]?.children[Number(rest[1])];
			rest = rest.slice(2);
		}
		const [field, key, sub, leaf] = rest;
		let what = FIELD_NAMES[field] ?? field ?? '';
		if (field === 'values' || field === 'axes') what = key ? attr(key) : what;
		if (field === 'prices' && key) what = sub === 'sale' ? `sale ${leaf === 'start' ? 'start' : leaf === 'end' ? 'end' : 'price'} ${key}` : `price ${key}`;
		const name = node?.code || `variant ${Number(parts[1]) + 1}`;
		return what ? `${name}: ${what}` : name;
	}
	if (parts[0] === 'media' && parts[1] !== undefined) return `Media ${Number(parts[1]) + 1}${parts[2] ? `: ${parts[2]}` : ''}`;
	return FIELD_NAMES[parts[0]] ?? path;
}

/**
 * The path of the field to focus for an issue or a missing attribute: a value that lives on a
 * variant level is edited in the first variant's row, not among the product's values.
 */
export function focusPathFor(path: string, attributes: Pick<EditorAttribute, 'code' | 'level' | 'axis'>[]): string {
	const code = /^values\.([^.]+)/.exec(path)?.[1];
	const a = attributes.find((x) => x.code === code);
	if (!a || a.level === 0) return path;
	return `${a.level === 1 ? 'variants.0' : 'variants.0.children.0'}.${a.axis ? 'axes' : 'values'}.${a.code}`;
}

/** The editable part of a product. */
export interface DraftProduct {
	code: string;
	family: string;
	status: 'draft' | 'published' | 'archived';
	categories: string[];
	values: RawValues;
	variants: VariantData[];
}

/** A node of the variant tree whose values, axes, code, GTIN or prices can be edited. */
export type DraftNode = LeafVariantData;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * The product being edited: a deep copy of what was loaded, changed in place by the editor,
 * with `dirty` telling whether it differs from the last saved state.
 */
export class ProductDraft {
	product = $state<DraftProduct>({ code: '', family: '', status: 'draft', categories: [], values: {}, variants: [] });
	media = $state<EditorMedia[]>([]);
	/** The revision the edits started from; a save over a newer one is refused. */
	revision = $state(0);
	#baseline = $state('');
	dirty = $derived(this.#serialize() !== this.#baseline);
	#attrs: Map<string, AttrKeys>;

	constructor(
		private definition: { attributes: EditorAttribute[]; axes: string[][] },
		product: EditorProduct,
		media: EditorMedia[]
	) {
		this.#attrs = new Map(definition.attributes.map((a) => [a.code, a]));
		this.reset(product, media);
	}

	#serialize() {
		return JSON.stringify([this.product, this.media]);
	}

	#attr(code: string): AttrKeys {
		return this.#attrs.get(code) ?? { code, localizable: false, perChannel: false };
	}

	/** Starts over from a saved state (after a load or a save). */
	reset(product: EditorProduct, media: EditorMedia[]) {
		const { code, family, status, categories, values, variants } = clone(product);
		this.product = { code, family, status, categories, values, variants };
		this.media = clone(media);
		this.revision = product.revision;
		this.#baseline = this.#serialize();
	}

	/** The value of an attribute for (channel, locale) on the product or on a variant node. */
	value(code: string, channel: string, locale: string, node: { values: RawValues } = this.product): unknown {
		return readRaw(node.values, this.#attr(code), channel, locale);
	}

	/** Sets (or with an empty value clears) an attribute's value for (channel, locale). */
	setValue(code: string, channel: string, locale: string, data: unknown, node: { values: RawValues } = this.product) {
		writeRaw(node.values, this.#attr(code), channel, locale, data);
	}

	/** Chooses a node's option on an axis; the axis value is stored among its values too. */
	setAxis(node: DraftNode, axis: string, option: string) {
		node.axes[axis] = option;
		writeRaw(node.values, this.#attr(axis), ALL, ALL, option);
	}

	setCode(node: DraftNode, code: string) {
		node.code = code.trim();
	}

	setGtin(node: DraftNode, gtin: string) {
		node.gtin = gtin.trim() === '' ? null : gtin.trim();
	}

	/** Sets the regular price in minor units; null removes the currency's price and sale. */
	setPrice(node: DraftNode, currency: string, amount: number | null) {
		if (amount === null) delete node.prices[currency];
		else if (node.prices[currency]) node.prices[currency].amount = amount;
		else node.prices[currency] = { amount, sale: null };
	}

	/** Sets the sale price in minor units; null ends the sale (and forgets its dates). */
	setSale(node: DraftNode, currency: string, amount: number | null) {
		const p = node.prices[currency];
		if (!p) return;
		if (amount === null) p.sale = null;
		else if (p.sale) p.sale.amount = amount;
		else p.sale = { amount, start: null, end: null };
	}

	setSaleDate(node: DraftNode, currency: string, which: 'start' | 'end', date: string) {
		const sale = node.prices[currency]?.sale;
		if (sale) sale[which] = date === '' ? null : date;
	}

	#axisChoices(level: number) {
		return (this.definition.axes[level] ?? []).map((code) => ({
			code,
			options: this.definition.attributes.find((a) => a.code === code)?.options.map((o) => o.code) ?? []
		}));
	}

	#codes(): Set<string> {
		return new Set([this.product.code, ...this.product.variants.flatMap((v) => [v.code, ...v.children.map((c) => c.code)])]);
	}

	#node(base: string, axes: Record<string, string>, prices: Record<string, PriceData>): VariantData {
		const node: VariantData = { code: variantCode(base, axes, this.#codes()), axes: {}, values: {}, gtin: null, prices: clone(prices), children: [] };
		for (const [axis, option] of Object.entries(axes)) this.setAxis(node, axis, option);
		return node;
	}

	/** Whether the family has variant axes at all (a simple product has exactly one variant). */
	get canAddVariants(): boolean {
		return this.definition.axes.length > 0;
	}

	/**
	 * Adds a level-1 variant on the first unused axis options (with one child on two-level
	 * families), priced like the last sellable variant; false when every combination is taken.
	 */
	addVariant(): boolean {
		if (!this.canAddVariants) return false;
		const axes = nextAxes(this.#axisChoices(0), this.product.variants.map((v) => v.axes));
		if (!axes) return false;
		const last = this.product.variants.at(-1);
		const lastLeaf = last?.children.at(-1) ?? last;
		const twoLevels = this.definition.axes.length === 2;
		const node = this.#node(this.product.code, axes, twoLevels ? {} : (lastLeaf?.prices ?? {}));
		this.product.variants.push(node);
		if (twoLevels) {
			const added = this.product.variants.at(-1)!;
			const below = nextAxes(this.#axisChoices(1), []);
			if (below) added.children.push(this.#node(added.code, below, lastLeaf?.prices ?? {}));
		}
		return true;
	}

	/** Adds a second-level variant under variant `i` on its first unused options; false when none is left. */
	addChild(i: number): boolean {
		const parent = this.product.variants[i];
		if (!parent || this.definition.axes.length < 2) return false;
		const axes = nextAxes(this.#axisChoices(1), parent.children.map((c) => c.axes));
		if (!axes) return false;
		parent.children.push(this.#node(parent.code, axes, parent.children.at(-1)?.prices ?? {}));
		return true;
	}

	removeVariant(i: number) {
		this.product.variants.splice(i, 1);
	}

	removeChild(i: number, j: number) {
		this.product.variants[i]?.children.splice(j, 1);
	}

	/** Puts the product in a category or takes it out. */
	setCategory(code: string, on: boolean) {
		const has = this.product.categories.includes(code);
		if (on && !has) this.product.categories.push(code);
		if (!on && has) this.product.categories.splice(this.product.categories.indexOf(code), 1);
	}

	setMedia(items: EditorMedia[]) {
		this.media = items;
	}

	/** The whole product as the save action takes it (status is the server's to keep). */
	toInput(): ProductInput {
		const p = $state.snapshot(this.product);
		return {
			...p,
			media: $state.snapshot(this.media).map((m) => ({ media: m.media, role: m.role, variant: m.variant, alt: m.alt }))
		};
	}
}

/** What the last action said: a message and the issues of each field, by path. */
export class EditorFeedback {
	message = $state<string | null>(null);
	tone = $state<'error' | 'success'>('error');
	issues = $state<Issue[]>([]);

	report(message: string, issues: Issue[] = [], tone: 'error' | 'success' = 'error') {
		this.message = message;
		this.issues = issues;
		this.tone = tone;
	}

	clear() {
		this.message = null;
		this.issues = [];
	}

	/** Messages of the issues at exactly `path`, joined; undefined when there are none. */
	at(path: string): string | undefined {
		const found = this.issues.filter((i) => i.path === path).map((i) => i.message);
		return found.length ? [...new Set(found)].join('; ') : undefined;
	}

	/** Forgets the issues at `path` once the field has been edited. */
	dismiss(path: string) {
		if (this.issues.some((i) => i.path === path)) this.issues = this.issues.filter((i) => i.path !== path);
	}
}
