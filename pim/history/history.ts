import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { product, variant, type LocalizedText, type RawValues } from '../catalog/catalog.schema.ts';
import { categoryPath, labelIn, loadDefinition, type CatalogDefinition } from '../catalog/definition.ts';
import type { LeafVariantData, PriceData, ProductData } from '../catalog/input.ts';
import { getProduct, saveProduct, snapshotOf, type SaveResult } from '../catalog/products.ts';
import { ALL } from '../catalog/values.ts';
import { inTransaction, type PimDb } from '../db.ts';
import { media } from '../media/media.schema.ts';
import { plainText } from '../search/product-view.ts';
import { NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { productVersion } from './history.schema.ts';

/*
 * How versions are stored: each save writes one `product_version` row whose `revision` is
 * the revision that save produced and whose `previous` is the whole state *before* it. So
 * the state at revision r is the `previous` of the row with revision r + 1, and the latest
 * revision's state is the product itself.
 */

/** One line of a product's history: a save, who made it, and the status it left. */
export interface VersionSummary {
	revision: number;
	author: string;
	comment: string | null;
	createdAt: string;
	/** The product's status at this revision. */
	status: ProductData['status'];
}

/** Where in the product a change is. */
export type ChangeArea = 'product' | 'categories' | 'values' | 'variants' | 'media';

/** One readable difference between two states of a product; `before`/`after` are null when absent. */
export interface Change {
	area: ChangeArea;
	kind: 'added' | 'removed' | 'changed';
	label: string;
	before: string | null;
	after: string | null;
}

type Status = ProductData['status'];

/**
 * The saves of a product, newest first, each with the status it left. The status at
 * revision r is read from the next row's `previous` (see the storage note above), or from
 * the product itself for the latest revision.
 */
export function listVersions(db: PimDb, productId: number): VersionSummary[] {
	const current = db.select({ status: product.status, revision: product.revision }).from(product).where(eq(product.id, productId)).get();
	if (!current) throw new NotFoundError('Product not found');
	const rows = db
		.select({
			revision: productVersion.revision,
			author: productVersion.author,
			comment: productVersion.comment,
			createdAt: productVersion.createdAt,
			statusBefore: sql<Status | null>`json_extract(${productVersion.previous}, '$.status')`
		})
		.from(productVersion)
		.where(eq(productVersion.productId, productId))
		.orderBy(desc(productVersion.revision), desc(productVersion.id))
		.all();
	const statusBefore = new Map(rows.map((r) => [r.revision, r.statusBefore]));
	return rows.map((r) => ({
		revision: r.revision,
		author: r.author,
		comment: r.comment,
		createdAt: r.createdAt,
		status: r.revision === current.revision ? current.status : (statusBefore.get(r.revision + 1) ?? current.status)
	}));
}

/**
 * The whole product as it was at `revision`: the `previous` snapshot of the save that
 * produced revision + 1, or the current product for its latest revision. Null when the
 * product or that revision does not exist.
 */
export function productStateAt(db: PimDb, productId: number, revision: number): ProductData | null {
	const row = db.select({ revision: product.revision }).from(product).where(eq(product.id, productId)).get();
	if (!row || !Number.isInteger(revision) || revision < 1 || revision > row.revision) return null;
	if (revision === row.revision) {
		const current = getProduct(db, productId);
		return current ? snapshotOf(current) : null;
	}
	const next = db
		.select({ previous: productVersion.previous })
		.from(productVersion)
		.where(and(eq(productVersion.productId, productId), eq(productVersion.revision, revision + 1)))
		.get();
	return next?.previous ? fromSnapshot(next.previous) : null;
}

/** A stored snapshot with every list present, so older or partial snapshots still compare. */
function fromSnapshot(raw: unknown): ProductData {
	const s = raw as Partial<ProductData>;
	const leaf = (v: Partial<LeafVariantData>): LeafVariantData => ({ code: v.code ?? '', axes: v.axes ?? {}, values: v.values ?? {}, gtin: v.gtin ?? null, prices: v.prices ?? {} });
	return {
		code: s.code ?? '',
		family: s.family ?? '',
		status: s.status ?? 'draft',
		categories: s.categories ?? [],
		values: s.values ?? {},
		variants: (s.variants ?? []).map((v) => ({ ...leaf(v), children: (v.children ?? []).map(leaf) })),
		media: (s.media ?? []).map((m) => ({ media: m.media, role: m.role, variant: m.variant ?? null, alt: m.alt ?? {} }))
	};
}

/**
 * Saves the state of `revision` again as a new revision (comment "Restored revision N"),
 * through saveProduct so validation, completeness, the outbox and the history all apply.
 * The product keeps its current status; if it is published and the old state is
 * incomplete for the kiosk, saveProduct's refusal propagates. Categories, media, families
 * or SKUs that no longer exist or now belong elsewhere are named in a ValidationError.
 */
export function restoreVersion(db: PimDb, productId: number, revision: number, author: string): SaveResult {
	return inTransaction(db, () => {
		const current = getProduct(db, productId);
		if (!current) throw new NotFoundError('Product not found');
		if (revision === current.revision)
			throw new ValidationError(`Revision ${revision} is the current revision: there is nothing to restore`, [{ path: 'revision', message: 'Already the current revision' }]);
		const state = productStateAt(db, productId, revision);
		if (!state) throw new NotFoundError(`This product has no revision ${revision}`);
		const def = loadDefinition(db);
		const gone = missingReferences(db, def, productId, state);
		if (gone.length) throw new ValidationError(`Revision ${revision} cannot be restored: ${gone.map((i) => i.message).join('; ')}`, gone);
		try {
			return saveProduct(db, { ...state, status: current.status }, author, { definition: def, comment: `Restored revision ${revision}` });
		} catch (e) {
			// saveProduct's general message names nothing; a restore should say what stands in the way.
			if (e instanceof ValidationError && e.message === 'The product has errors')
				throw new ValidationError(`Revision ${revision} cannot be restored: ${e.issues.map((i) => i.message).join('; ')}`, e.issues);
			throw e;
		}
	});
}

/** What an old state refers to that is gone or taken: family, categories, media, SKUs and GTINs. */
function missingReferences(db: PimDb, def: CatalogDefinition, productId: number, state: ProductData): Issue[] {
	const issues: Issue[] = [];
	if (!def.families.has(state.family)) issues.push({ path: 'family', message: `family ${state.family} no longer exists` });
	for (const c of state.categories) if (!def.categories.has(c)) issues.push({ path: 'categories', message: `category ${c} no longer exists` });
	const ids = [...new Set(state.media.map((m) => m.media))];
	const present = new Set(ids.length ? db.select({ id: media.id }).from(media).where(inArray(media.id, ids)).all().map((m) => m.id) : []);
	state.media.forEach((m, i) => {
		if (!present.has(m.media)) issues.push({ path: `media.${i}`, message: `${mediaName(m.role, m.media)} no longer exists` });
	});
	const nodes = state.variants.flatMap((v) => [v, ...v.children]);
	const codes = nodes.map((n) => n.code);
	const gtins = nodes.map((n) => n.gtin).filter((g): g is string => !!g);
	const others = ne(variant.productId, productId);
	if (codes.length)
		for (const t of db.select({ code: variant.code }).from(variant).where(and(inArray(variant.code, codes), others)).all())
			issues.push({ path: 'variants', message: `SKU ${t.code} now belongs to another product` });
	if (gtins.length)
		for (const t of db.select({ gtin: variant.gtin }).from(variant).where(and(inArray(variant.gtin, gtins), others)).all())
			issues.push({ path: 'variants', message: `GTIN ${t.gtin} now belongs to another product` });
	return issues;
}

/**
 * The differences from state `a` to state `b`, one entry per changed thing, labelled for
 * people in `locale` (else the fallback locale): status, family, categories, values per
 * attribute × channel × locale, variants (SKU, axes, GTIN, prices, values, order) and
 * media (added, removed, order, variant, alt text). The order is fixed: the product, then
 * categories and values in catalog order, then variants and media in `b`'s order.
 */
export function diffProductStates(def: CatalogDefinition, a: ProductData, b: ProductData, locale: string): Change[] {
	const ctx: Ctx = { def, locale };
	const changes: Change[] = [];
	if (a.status !== b.status) changes.push({ area: 'product', kind: 'changed', label: 'Status', before: statusLabel(a.status), after: statusLabel(b.status) });
	if (a.family !== b.family) changes.push({ area: 'product', kind: 'changed', label: 'Family', before: familyLabel(ctx, a.family), after: familyLabel(ctx, b.family) });
	changes.push(...diffCategories(ctx, a.categories, b.categories));
	changes.push(...diffValues(ctx, a.values, b.values, '', new Set()));
	changes.push(...diffVariants(ctx, a, b));
	changes.push(...diffMedia(ctx, a.media, b.media));
	return changes;
}

interface Ctx {
	def: CatalogDefinition;
	locale: string;
}

const label = (ctx: Ctx, text: LocalizedText | undefined, code: string) => (text && labelIn(text, ctx.locale, ctx.def.fallbackLocale)) || code;

const statusLabel = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const familyLabel = (ctx: Ctx, code: string) => label(ctx, ctx.def.families.get(code)?.label, code);

const attributeLabel = (ctx: Ctx, code: string) => label(ctx, ctx.def.attributes.get(code)?.label, code);

function optionLabel(ctx: Ctx, attribute: string, option: string): string {
	return label(ctx, ctx.def.attributes.get(attribute)?.options.get(option)?.label, option);
}

function categoryLabel(ctx: Ctx, code: string): string {
	const c = ctx.def.categories.get(code);
	if (!c) return code;
	return categoryPath(ctx.def, c.id)
		.map((p) => label(ctx, p.label, p.code))
		.join(' › ');
}

/** Keys of both objects: the known ones in their given order first, then the rest sorted. */
function orderedKeys(known: readonly string[], ...objects: (object | undefined)[]): string[] {
	const present = new Set(objects.flatMap((o) => (o ? Object.keys(o) : [])));
	return [...known.filter((k) => present.delete(k)), ...[...present].sort()];
}

/** JSON with sorted keys, so equal data compares equal whatever order it was written in. */
function canonical(data: unknown): string {
	return JSON.stringify(data, (_, v) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v
	);
}

const isAbsent = (data: unknown) => data === undefined || data === null || data === '' || (Array.isArray(data) && data.length === 0);

function sameValue(type: string | undefined, a: unknown, b: unknown): boolean {
	if (type === 'multiselect' && Array.isArray(a) && Array.isArray(b)) return canonical([...a].sort()) === canonical([...b].sort());
	return canonical(a) === canonical(b);
}

/** Minor units as "USD 129.00", with the currency's own number of decimals. */
function money(minor: number, currency: string): string {
	let digits = 2;
	try {
		digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {
		// An unknown currency code: show two decimals.
	}
	return `${currency} ${(minor / 10 ** digits).toFixed(digits)}`;
}

function priceText(currency: string, p: PriceData): string {
	let text = money(p.amount, currency);
	if (p.sale) {
		text += `; sale ${money(p.sale.amount, currency)}`;
		if (p.sale.start) text += ` from ${p.sale.start}`;
		if (p.sale.end) text += ` until ${p.sale.end}`;
	}
	return text;
}

/** A value as people read it: option labels, money, units, Yes/No, rich text as text. */
function valueText(ctx: Ctx, code: string, data: unknown): string {
	const type = ctx.def.attributes.get(code)?.type;
	if (type === 'boolean' && typeof data === 'boolean') return data ? 'Yes' : 'No';
	if (type === 'select' && typeof data === 'string') return optionLabel(ctx, code, data);
	if (type === 'multiselect' && Array.isArray(data)) return data.map((o) => optionLabel(ctx, code, String(o))).join(', ');
	if (type === 'richtext' && typeof data === 'string') return plainText(data);
	if (type === 'price' && data && typeof data === 'object')
		return Object.entries(data as Record<string, number>)
			.sort(([x], [y]) => (x < y ? -1 : 1))
			.map(([currency, amount]) => money(amount, currency))
			.join(', ');
	if (type === 'measurement' && data && typeof data === 'object') {
		const m = data as { amount: number; unit: string };
		return `${m.amount} ${m.unit}`;
	}
	return typeof data === 'string' ? data : typeof data === 'number' ? String(data) : canonical(data);
}

/** "Name (zh-CN)", "Tagline (ru, kiosk)", "Brand". */
function valueLabel(ctx: Ctx, code: string, channel: string, loc: string): string {
	const where = [loc, channel].filter((k) => k !== ALL);
	return where.length ? `${attributeLabel(ctx, code)} (${where.join(', ')})` : attributeLabel(ctx, code);
}

function diffValues(ctx: Ctx, a: RawValues, b: RawValues, prefix: string, skip: Set<string>): Change[] {
	const changes: Change[] = [];
	const channels = [ALL, ...ctx.def.channels.keys()];
	const locales = [ALL, ...ctx.def.locales];
	for (const code of orderedKeys([...ctx.def.attributes.keys()], a, b)) {
		if (skip.has(code)) continue;
		const type = ctx.def.attributes.get(code)?.type;
		for (const ch of orderedKeys(channels, a[code], b[code])) {
			for (const loc of orderedKeys(locales, a[code]?.[ch], b[code]?.[ch])) {
				const before = a[code]?.[ch]?.[loc];
				const after = b[code]?.[ch]?.[loc];
				if ((isAbsent(before) && isAbsent(after)) || sameValue(type, before, after)) continue;
				let shownBefore = isAbsent(before) ? null : valueText(ctx, code, before);
				let shownAfter = isAbsent(after) ? null : valueText(ctx, code, after);
				// Only the markup changed: the text alone would show no difference, so show the HTML.
				if (type === 'richtext' && shownBefore !== null && shownBefore === shownAfter) {
					shownBefore = String(before);
					shownAfter = String(after);
				}
				changes.push({
					area: 'values',
					kind: shownBefore === null ? 'added' : shownAfter === null ? 'removed' : 'changed',
					label: `${prefix}${valueLabel(ctx, code, ch, loc)}`,
					before: shownBefore,
					after: shownAfter
				});
			}
		}
	}
	return changes;
}

function diffCategories(ctx: Ctx, a: string[], b: string[]): Change[] {
	const before = new Set(a);
	const after = new Set(b);
	return orderedKeys([...ctx.def.categories.keys()], Object.fromEntries(a.map((c) => [c, 1])), Object.fromEntries(b.map((c) => [c, 1])))
		.filter((c) => before.has(c) !== after.has(c))
		.map((c): Change =>
			before.has(c)
				? { area: 'categories', kind: 'removed', label: 'Category', before: categoryLabel(ctx, c), after: null }
				: { area: 'categories', kind: 'added', label: 'Category', before: null, after: categoryLabel(ctx, c) }
		);
}

interface Node {
	code: string;
	level: number;
	/** Axes of this node and its parent: what makes it this colour and size. */
	key: string;
	data: LeafVariantData;
}

function flatten(p: ProductData): Node[] {
	const axesKey = (axes: Record<string, string>) => canonical(axes);
	return p.variants.flatMap((v) => [
		{ code: v.code, level: 1, key: `1:${axesKey(v.axes)}`, data: v },
		...v.children.map((c) => ({ code: c.code, level: 2, key: `2:${axesKey({ ...v.axes, ...c.axes })}`, data: c }))
	]);
}

function axesText(ctx: Ctx, axes: Record<string, string>): string[] {
	return Object.entries(axes).map(([axis, option]) => `${attributeLabel(ctx, axis)}: ${optionLabel(ctx, axis, option)}`);
}

/** A whole variant in one line, for one added or removed. */
function variantSummary(ctx: Ctx, v: LeafVariantData): string {
	const parts = axesText(ctx, v.axes);
	if (v.gtin) parts.push(`GTIN ${v.gtin}`);
	for (const currency of Object.keys(v.prices).sort()) parts.push(priceText(currency, v.prices[currency]));
	return parts.join(' · ') || 'No axes, GTIN or price';
}

/**
 * Variants are matched by SKU; a variant whose SKU changed but whose axes did not is matched
 * by its axes, and its new SKU shown as a change.
 */
function diffVariants(ctx: Ctx, a: ProductData, b: ProductData): Change[] {
	const olds = flatten(a);
	const news = flatten(b);
	const oldByCode = new Map(olds.map((n) => [n.code, n]));
	const match = new Map<Node, Node>();
	const taken = new Set<Node>();
	for (const n of news) {
		const o = oldByCode.get(n.code);
		if (o && o.level === n.level) {
			match.set(n, o);
			taken.add(o);
		}
	}
	for (const n of news) {
		if (match.has(n)) continue;
		const o = olds.find((x) => !taken.has(x) && x.key === n.key && !news.some((y) => y.code === x.code));
		if (o) {
			match.set(n, o);
			taken.add(o);
		}
	}
	const changes: Change[] = [];
	const change = (label: string, before: string | null, after: string | null): Change => ({
		area: 'variants',
		kind: before === null ? 'added' : after === null ? 'removed' : 'changed',
		label,
		before,
		after
	});
	for (const n of news) {
		const o = match.get(n);
		const name = `Variant ${n.code}`;
		if (!o) {
			changes.push(change(name, null, variantSummary(ctx, n.data)));
			continue;
		}
		if (o.code !== n.code) changes.push(change(`${name}: SKU`, o.code, n.code));
		for (const axis of orderedKeys([...ctx.def.attributes.keys()], o.data.axes, n.data.axes)) {
			const [x, y] = [o.data.axes[axis], n.data.axes[axis]];
			if (x !== y) changes.push(change(`${name}: ${attributeLabel(ctx, axis)}`, x ? optionLabel(ctx, axis, x) : null, y ? optionLabel(ctx, axis, y) : null));
		}
		if ((o.data.gtin ?? null) !== (n.data.gtin ?? null)) changes.push(change(`${name}: GTIN`, o.data.gtin, n.data.gtin));
		for (const currency of orderedKeys([], o.data.prices, n.data.prices)) {
			const [x, y] = [o.data.prices[currency], n.data.prices[currency]];
			if (canonical(x ?? null) !== canonical(y ?? null))
				changes.push(change(`${name}: Price ${currency}`, x ? priceText(currency, x) : null, y ? priceText(currency, y) : null));
		}
		const axes = new Set([...Object.keys(o.data.axes), ...Object.keys(n.data.axes)]);
		changes.push(...diffValues(ctx, o.data.values, n.data.values, `${name}: `, axes).map((c) => ({ ...c, area: 'variants' as const })));
	}
	for (const o of olds) if (!taken.has(o)) changes.push(change(`Variant ${o.code}`, variantSummary(ctx, o.data), null));
	const newCodeOf = new Map([...match].map(([n, o]) => [o, n.code]));
	const orderBefore = olds.filter((o) => newCodeOf.has(o)).map((o) => newCodeOf.get(o)!);
	const orderAfter = news.filter((n) => match.has(n)).map((n) => n.code);
	if (orderBefore.join('\n') !== orderAfter.join('\n')) changes.push(change('Variant order', orderBefore.join(', '), orderAfter.join(', ')));
	return changes;
}

const mediaName = (role: string, id: number) => `${role === 'model3d' ? '3D model' : 'Image'} #${id}`;

/** Media are matched by file (and, for a file listed twice, by occurrence). */
function diffMedia(ctx: Ctx, a: ProductData['media'], b: ProductData['media']): Change[] {
	const keyed = (list: ProductData['media']) => {
		const seen = new Map<number, number>();
		return list.map((m, position) => {
			const n = (seen.get(m.media) ?? 0) + 1;
			seen.set(m.media, n);
			return { key: `${m.media}#${n}`, name: n > 1 ? `${mediaName(m.role, m.media)} (${n})` : mediaName(m.role, m.media), position, m };
		});
	};
	const olds = keyed(a);
	const news = keyed(b);
	const oldByKey = new Map(olds.map((o) => [o.key, o]));
	const newKeys = new Set(news.map((n) => n.key));
	const where = (position: number, variantCode: string | null) => `Position ${position + 1}${variantCode ? `, variant ${variantCode}` : ''}`;
	const changes: Change[] = [];
	for (const n of news) {
		const o = oldByKey.get(n.key);
		if (!o) {
			changes.push({ area: 'media', kind: 'added', label: n.name, before: null, after: where(n.position, n.m.variant) });
			continue;
		}
		if ((o.m.variant ?? null) !== (n.m.variant ?? null))
			changes.push({ area: 'media', kind: 'changed', label: `${n.name}: variant`, before: o.m.variant ?? 'Whole product', after: n.m.variant ?? 'Whole product' });
		for (const loc of orderedKeys(ctx.def.locales, o.m.alt, n.m.alt)) {
			const [x, y] = [o.m.alt[loc] || null, n.m.alt[loc] || null];
			if (x !== y)
				changes.push({ area: 'media', kind: x === null ? 'added' : y === null ? 'removed' : 'changed', label: `${n.name}: alt text (${loc})`, before: x, after: y });
		}
	}
	for (const o of olds) if (!newKeys.has(o.key)) changes.push({ area: 'media', kind: 'removed', label: o.name, before: where(o.position, o.m.variant), after: null });
	const orderBefore = olds.filter((o) => newKeys.has(o.key)).map((o) => o.name);
	const orderAfter = news.filter((n) => oldByKey.has(n.key)).map((n) => n.name);
	if (orderBefore.join('\n') !== orderAfter.join('\n'))
		changes.push({ area: 'media', kind: 'changed', label: 'Media order', before: orderBefore.join(', '), after: orderAfter.join(', ') });
	return changes;
}
