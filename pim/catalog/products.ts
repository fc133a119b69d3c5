import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database, Statement } from 'better-sqlite3';
import { computeCompleteness, type CompletenessRow } from '../completeness/completeness.ts';
import { inTransaction, type PimDb } from '../db.ts';
import { media } from '../media/media.schema.ts';
import { enqueueProducts } from '../search/outbox.ts';
import { writeSearchText } from '../search/search-text.ts';
import { ConflictError, issuesFromZod, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { variant, type LocalizedText, type RawValues } from './catalog.schema.ts';
import { loadDefinition, type CatalogDefinition, type FamilyDef } from './definition.ts';
import {
	productInputSchema,
	type LeafVariantData,
	type PriceData,
	type ProductData,
	type ProductInput,
	type VariantData
} from './input.ts';
import { ALL, compactValues, validateValues } from './values.ts';

/** A product as the PIM edits it: the save input plus identity, status and revision. */
export interface ProductState extends ProductData {
	id: number;
	revision: number;
	createdAt: string;
	updatedAt: string;
}

export interface SaveOptions {
	/** A definition already loaded, to save many products without reloading it. */
	definition?: CatalogDefinition;
	comment?: string;
	/** Skip the search outbox (a bulk load that rebuilds the index afterwards). */
	skipOutbox?: boolean;
	/**
	 * Write nothing when the input equals the stored product (an import run twice, an export
	 * imported back): no new revision, no version, no search update.
	 */
	skipUnchanged?: boolean;
}

export interface SaveResult {
	id: number;
	revision: number;
	completeness: CompletenessRow[];
	/** Set when `skipUnchanged` found nothing to change, so nothing was written. */
	unchanged?: true;
}

/**
 * The statements a save runs, prepared once per connection: building and preparing each
 * query afresh cost more than running it, and imports save thousands of products a second.
 */
function prepareStatements(client: Database) {
	const p = (source: string) => client.prepare(source);
	return {
		productById: p('SELECT * FROM product WHERE id = ?'),
		productByCode: p('SELECT * FROM product WHERE code = ?'),
		categoriesOf: p('SELECT category_id FROM product_category WHERE product_id = ?'),
		variantsOf: p('SELECT * FROM variant WHERE product_id = ? ORDER BY position, id'),
		pricesOf: p('SELECT * FROM price WHERE variant_id IN (SELECT id FROM variant WHERE product_id = ?)'),
		mediaOf: p('SELECT * FROM product_media WHERE product_id = ? ORDER BY position'),
		ownerOfCode: p('SELECT product_id FROM variant WHERE code = ?'),
		ownerOfGtin: p('SELECT product_id FROM variant WHERE gtin = ?'),
		insertProduct: p(
			'INSERT INTO product (code, family_id, status, "values", revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id'
		),
		updateProduct: p('UPDATE product SET family_id = ?, status = ?, "values" = ?, revision = ?, updated_at = ? WHERE id = ?'),
		deleteCategories: p('DELETE FROM product_category WHERE product_id = ?'),
		insertCategory: p('INSERT INTO product_category (product_id, category_id) VALUES (?, ?)'),
		variantIdsOf: p('SELECT id, code FROM variant WHERE product_id = ?'),
		clearGtins: p('UPDATE variant SET gtin = NULL WHERE product_id = ? AND gtin IS NOT NULL'),
		updateVariant: p(
			'UPDATE variant SET product_id = ?, parent_id = ?, level = ?, code = ?, sellable = ?, gtin = ?, axes = ?, "values" = ?, position = ? WHERE id = ?'
		),
		insertVariant: p(
			'INSERT INTO variant (product_id, parent_id, level, code, sellable, gtin, axes, "values", position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id'
		),
		deletePrices: p('DELETE FROM price WHERE variant_id = ?'),
		insertPrice: p('INSERT INTO price (variant_id, currency, amount, sale_amount, sale_start, sale_end) VALUES (?, ?, ?, ?, ?, ?)'),
		deleteVariant: p('DELETE FROM variant WHERE id = ?'),
		deleteMedia: p('DELETE FROM product_media WHERE product_id = ?'),
		insertMedia: p('INSERT INTO product_media (product_id, variant_id, media_id, role, position, alt) VALUES (?, ?, ?, ?, ?, ?)'),
		deleteCompleteness: p('DELETE FROM completeness WHERE product_id = ?'),
		insertCompleteness: p('INSERT INTO completeness (product_id, channel, locale, required, ratio, missing) VALUES (?, ?, ?, ?, ?, ?)'),
		completenessOf: p('SELECT channel, locale, required, ratio, missing FROM completeness WHERE product_id = ?'),
		insertVersion: p('INSERT INTO product_version (product_id, revision, previous, author, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)')
	} satisfies Record<string, Statement>;
}

const statementCache = new WeakMap<Database, ReturnType<typeof prepareStatements>>();

function statements(db: PimDb) {
	let s = statementCache.get(db.$client);
	if (!s) statementCache.set(db.$client, (s = prepareStatements(db.$client)));
	return s;
}

interface ProductRow {
	id: number;
	code: string;
	family_id: number;
	status: ProductState['status'];
	values: string;
	revision: number;
	created_at: string;
	updated_at: string;
}

interface VariantRow {
	id: number;
	product_id: number;
	parent_id: number | null;
	level: number;
	code: string;
	gtin: string | null;
	axes: string;
	values: string;
	position: number;
}

/** Loads a product by id or code with its variants and prices, or null. */
export function getProduct(db: PimDb, idOrCode: number | string, def?: CatalogDefinition): ProductState | null {
	const st = statements(db);
	const row = (typeof idOrCode === 'number' ? st.productById.get(idOrCode) : st.productByCode.get(idOrCode)) as ProductRow | undefined;
	if (!row) return null;
	const d = def ?? loadDefinition(db);
	const cats = (st.categoriesOf.all(row.id) as { category_id: number }[])
		.map((c) => d.categoriesById.get(c.category_id)?.code)
		.filter((c): c is string => !!c)
		.sort();
	const vars = st.variantsOf.all(row.id) as VariantRow[];
	const prices = new Map<number, Record<string, PriceData>>();
	if (vars.length) {
		const rows = st.pricesOf.all(row.id) as { variant_id: number; currency: string; amount: number; sale_amount: number | null; sale_start: string | null; sale_end: string | null }[];
		for (const p of rows) {
			const out = prices.get(p.variant_id) ?? {};
			out[p.currency] = { amount: p.amount, sale: p.sale_amount == null ? null : { amount: p.sale_amount, start: p.sale_start, end: p.sale_end } };
			prices.set(p.variant_id, out);
		}
	}
	const leaf = (v: VariantRow): LeafVariantData => ({
		code: v.code,
		axes: JSON.parse(v.axes) as Record<string, string>,
		values: JSON.parse(v.values) as RawValues,
		gtin: v.gtin,
		prices: prices.get(v.id) ?? {}
	});
	const variants: VariantData[] = vars
		.filter((v) => v.level === 1)
		.map((v) => ({ ...leaf(v), children: vars.filter((c) => c.parent_id === v.id).map(leaf) }));
	const variantCode = new Map(vars.map((v) => [v.id, v.code]));
	const links = st.mediaOf.all(row.id) as { media_id: number; role: 'image' | 'model3d'; variant_id: number | null; alt: string }[];
	return {
		id: row.id,
		code: row.code,
		media: links.map((m) => ({
			media: m.media_id,
			role: m.role,
			variant: m.variant_id == null ? null : (variantCode.get(m.variant_id) ?? null),
			alt: JSON.parse(m.alt) as LocalizedText
		})),
		family: d.familiesById.get(row.family_id)?.code ?? '',
		status: row.status,
		categories: cats,
		values: JSON.parse(row.values) as RawValues,
		variants,
		revision: row.revision,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

/** Checks the variant tree against the family's levels and axes. */
function validateVariants(def: CatalogDefinition, fam: FamilyDef, data: ProductData): Issue[] {
	const issues: Issue[] = [];
	const depth = fam.axes.length;
	const attrsAt = (level: number) => new Set([...fam.levels].filter(([, l]) => l === level).map(([c]) => c));
	const codes = new Set<string>([data.code]);
	const gtins = new Set<string>();
	const checkNode = (v: LeafVariantData, level: number, path: string, sellable: boolean) => {
		if (codes.has(v.code) && !(depth === 0 && v.code === data.code)) issues.push({ path: `${path}.code`, message: `Code ${v.code} is used twice` });
		codes.add(v.code);
		const axes = depth === 0 ? [] : fam.axes[level - 1];
		const given = Object.keys(v.axes);
		if (given.length !== axes.length || !axes.every((a) => a in v.axes))
			issues.push({ path: `${path}.axes`, message: axes.length ? `Needs exactly the axes ${axes.join(', ')}` : 'This family has no variant axes' });
		for (const [axis, option] of Object.entries(v.axes)) {
			const attr = def.attributes.get(axis);
			if (attr && (attr.type === 'select') && !attr.options.has(option))
				issues.push({ path: `${path}.axes.${axis}`, message: `Unknown option ${option} of ${axis}` });
		}
		issues.push(...validateValues(def, v.values, attrsAt(level), `${path}.values`));
		if (!sellable) {
			if (v.gtin) issues.push({ path: `${path}.gtin`, message: 'Only sellable variants have a GTIN' });
			if (Object.keys(v.prices).length) issues.push({ path: `${path}.prices`, message: 'Only sellable variants have prices' });
		}
		if (v.gtin) {
			if (gtins.has(v.gtin)) issues.push({ path: `${path}.gtin`, message: 'GTIN is used twice' });
			gtins.add(v.gtin);
		}
		for (const currency of Object.keys(v.prices)) {
			if (![...def.channels.values()].some((c) => c.currencies.includes(currency)))
				issues.push({ path: `${path}.prices.${currency}`, message: `No channel sells in ${currency}` });
		}
	};
	const axisKey = (v: LeafVariantData) => JSON.stringify(Object.entries(v.axes).sort());
	if (depth === 0 && data.variants.length !== 1)
		issues.push({ path: 'variants', message: 'A product without variant axes has exactly one sellable variant' });
	const seen = new Set<string>();
	data.variants.forEach((v, i) => {
		const path = `variants.${i}`;
		const twoLevels = depth === 2;
		checkNode(v, 1, path, !twoLevels);
		if (depth > 0) {
			if (seen.has(axisKey(v))) issues.push({ path: `${path}.axes`, message: 'Another variant has the same axis values' });
			seen.add(axisKey(v));
		}
		if (!twoLevels && v.children.length) issues.push({ path: `${path}.children`, message: 'This family has one variant level' });
		if (twoLevels && v.children.length === 0) issues.push({ path: `${path}.children`, message: 'Needs at least one variant on the second level' });
		const seenChild = new Set<string>();
		v.children.forEach((c, j) => {
			checkNode(c, 2, `${path}.children.${j}`, true);
			if (seenChild.has(axisKey(c))) issues.push({ path: `${path}.children.${j}.axes`, message: 'Another variant has the same axis values' });
			seenChild.add(axisKey(c));
		});
	});
	return issues;
}

/** Normalizes input: compacts values and gives a simple product's single variant the product's code. */
function normalize(data: ProductData): ProductData {
	// Axis values are also stored as values (as Akeneo does), so completeness and search read them alike.
	const leaf = (v: LeafVariantData): LeafVariantData => {
		const values = compactValues(v.values);
		for (const [axis, option] of Object.entries(v.axes)) values[axis] = { [ALL]: { [ALL]: option } };
		return { ...v, values };
	};
	return {
		...data,
		categories: [...new Set(data.categories)].sort(),
		values: compactValues(data.values),
		variants: data.variants.map((v) => ({ ...leaf(v), children: v.children.map(leaf) }))
	};
}

/** The state stored as a version: everything a restore needs. */
export function snapshotOf(p: ProductState): ProductData {
	return { code: p.code, family: p.family, status: p.status, categories: p.categories, values: p.values, variants: p.variants, media: p.media };
}

/**
 * Creates or replaces a whole product in one transaction: validates it against its
 * family, writes values, categories, variants and prices, recomputes completeness,
 * enforces the publishing rule, records the version and enqueues the search update.
 */
export function saveProduct(db: PimDb, input: ProductInput, author: string, opts: SaveOptions = {}): SaveResult {
	const parsed = productInputSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError('The product has errors', issuesFromZod(parsed.error));
	const data = normalize(parsed.data);
	const def = opts.definition ?? loadDefinition(db);
	const fam = def.families.get(data.family);
	if (!fam) throw new ValidationError('The product has errors', [{ path: 'family', message: `Unknown family ${data.family}` }]);
	const issues: Issue[] = [];
	const rootAttrs = new Set([...fam.levels].filter(([, l]) => l === 0).map(([c]) => c));
	issues.push(...validateValues(def, data.values, rootAttrs, 'values'));
	for (const c of data.categories) if (!def.categories.has(c)) issues.push({ path: 'categories', message: `Unknown category ${c}` });
	issues.push(...validateVariants(def, fam, data));
	if (issues.length) throw new ValidationError('The product has errors', issues);

	return inTransaction(db, () => {
		const st = statements(db);
		const existing = st.productByCode.get(data.code) as ProductRow | undefined;
		if (existing && data.expectedRevision && existing.revision !== data.expectedRevision)
			throw new ConflictError('Someone else saved this product meanwhile; reload to see their changes', [
				{ path: 'expectedRevision', message: `Now at revision ${existing.revision}` }
			]);
		const previous = existing ? getProduct(db, existing.id, def) : null;
		if (opts.skipUnchanged && previous && sameState(snapshotOf(previous), data))
			return { id: previous.id, revision: previous.revision, completeness: completenessOf(db, previous.id), unchanged: true as const };
		if (existing && existing.family_id !== fam.id) {
			const hasVariants = db.select({ n: sql<number>`count(*)` }).from(variant).where(and(eq(variant.productId, existing.id), ne(variant.code, data.code))).get();
			if (hasVariants && hasVariants.n > 0 && fam.axes.length === 0)
				throw new ConflictError('Changing to a family without variants would drop this product’s variants');
		}
		const leaves = data.variants.flatMap((v) => (v.children.length ? v.children : [v]));
		const allCodes = data.variants.flatMap((v) => [v.code, ...v.children.map((c) => c.code)]);
		const ours = (owner: { product_id: number } | undefined) => !owner || (existing !== undefined && owner.product_id === existing.id);
		const takenCodes = allCodes.filter((code) => !ours(st.ownerOfCode.get(code) as { product_id: number } | undefined));
		if (takenCodes.length)
			throw new ConflictError('Some codes are taken by other products', takenCodes.map((code) => ({ path: 'variants', message: `SKU ${code} belongs to another product` })));
		const gtins = leaves.map((l) => l.gtin).filter((g): g is string => !!g);
		const takenGtins = gtins.filter((gtin) => !ours(st.ownerOfGtin.get(gtin) as { product_id: number } | undefined));
		if (takenGtins.length)
			throw new ConflictError('Some GTINs are taken by other products', takenGtins.map((gtin) => ({ path: 'variants', message: `GTIN ${gtin} belongs to another product` })));

		const stamp = new Date().toISOString();
		const revision = (existing?.revision ?? 0) + 1;
		const values = JSON.stringify(data.values);
		let id: number;
		if (existing) {
			id = existing.id;
			st.updateProduct.run(fam.id, data.status, values, revision, stamp, id);
		} else {
			id = (st.insertProduct.get(data.code, fam.id, data.status, values, revision, stamp, stamp) as { id: number }).id;
		}

		st.deleteCategories.run(id);
		for (const c of data.categories) st.insertCategory.run(id, def.categories.get(c)!.id);

		writeVariants(db, id, data.variants);

		writeMedia(db, id, data);
		const imageCount = data.media.filter((m) => m.role === 'image').length;
		const rows = computeCompleteness(def, fam, { values: data.values, variants: data.variants, imageCount });
		const kiosk = rows.find((r) => r.channel === 'kiosk' && r.locale === def.fallbackLocale);
		if (data.status === 'published' && kiosk && kiosk.ratio < 100) {
			throw new ValidationError(
				previous?.status === 'published'
					? `This product is published, and this change would leave it incomplete for the kiosk (missing ${kiosk.missing.join(', ')}). Unpublish it first, or fill them in.`
					: `A product can only be published when it is complete for the kiosk in ${def.fallbackLocale} (missing ${kiosk.missing.join(', ')}).`,
				kiosk.missing.map((m) => ({ path: `values.${m}`, message: `Required for the kiosk in ${def.fallbackLocale}` }))
			);
		}
		writeCompleteness(db, id, rows);
		st.insertVersion.run(id, revision, previous ? JSON.stringify(snapshotOf(previous)) : null, author, opts.comment ?? null, stamp);
		writeSearchText(db, def, id, data, rows);
		if (!opts.skipOutbox) enqueueProducts(db, [id]);
		return { id, revision, completeness: rows };
	});
}

/** Stable JSON: object keys sorted, so two states compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

/** Whether a normalized input says exactly what is stored: same values, variants (in order), prices, media, status. */
function sameState(stored: ProductData, input: ProductData): boolean {
	const pick = (p: ProductData) => [p.code, p.family, p.status, p.categories, p.values, p.variants, p.media];
	return canonical(pick(stored)) === canonical(pick(input));
}

/** Upserts the variant tree by code (keeping ids, so stock stays attached) and removes dropped variants. */
function writeVariants(db: PimDb, productId: number, variants: VariantData[]) {
	const st = statements(db);
	const existing = new Map((st.variantIdsOf.all(productId) as { id: number; code: string }[]).map((v) => [v.code, v.id]));
	// GTINs may move between variants of this product in one save: clear them first.
	if (existing.size) st.clearGtins.run(productId);
	const kept = new Set<number>();
	const put = (v: LeafVariantData, level: number, parentId: number | null, sellable: boolean, position: number) => {
		const row = [productId, parentId, level, v.code, sellable ? 1 : 0, v.gtin, JSON.stringify(v.axes), JSON.stringify(v.values), position] as const;
		let id = existing.get(v.code);
		if (id) {
			st.updateVariant.run(...row, id);
			st.deletePrices.run(id);
		} else id = (st.insertVariant.get(...row) as { id: number }).id;
		kept.add(id);
		for (const [currency, p] of Object.entries(v.prices))
			st.insertPrice.run(id, currency, p.amount, p.sale?.amount ?? null, p.sale?.start ?? null, p.sale?.end ?? null);
		return id;
	};
	variants.forEach((v, i) => {
		const id = put(v, 1, null, v.children.length === 0, i);
		v.children.forEach((c, j) => put(c, 2, id, true, j));
	});
	for (const id of existing.values()) if (!kept.has(id)) st.deleteVariant.run(id);
}

/** Replaces the product's media links; the files themselves are immutable, content-addressed records. */
function writeMedia(db: PimDb, productId: number, data: ProductData) {
	const st = statements(db);
	st.deleteMedia.run(productId);
	if (data.media.length === 0) return;
	const ids = [...new Set(data.media.map((m) => m.media))];
	const kinds = new Map(db.select({ id: media.id, kind: media.kind }).from(media).where(inArray(media.id, ids)).all().map((m) => [m.id, m.kind]));
	const variantIds = new Map((st.variantIdsOf.all(productId) as { id: number; code: string }[]).map((v) => [v.code, v.id]));
	const issues: Issue[] = [];
	data.media.forEach((m, i) => {
		if (kinds.get(m.media) !== m.role) issues.push({ path: `media.${i}`, message: kinds.has(m.media) ? `Media ${m.media} is not a ${m.role}` : `No media ${m.media}` });
		if (m.variant && !variantIds.has(m.variant)) issues.push({ path: `media.${i}.variant`, message: `No variant ${m.variant} in this product` });
	});
	if (issues.length) throw new ValidationError('The product has errors', issues);
	data.media.forEach((m, i) =>
		st.insertMedia.run(productId, m.variant ? variantIds.get(m.variant)! : null, m.media, m.role, i, JSON.stringify(m.alt))
	);
}

function writeCompleteness(db: PimDb, productId: number, rows: CompletenessRow[]) {
	const st = statements(db);
	st.deleteCompleteness.run(productId);
	for (const r of rows) st.insertCompleteness.run(productId, r.channel, r.locale, r.required, r.ratio, JSON.stringify(r.missing));
}

/** Changes only the status, through a full save so every rule and record applies. */
export function setProductStatus(
	db: PimDb,
	idOrCode: number | string,
	status: 'draft' | 'published' | 'archived',
	author: string
): SaveResult {
	return inTransaction(db, () => {
		const p = getProduct(db, idOrCode);
		if (!p) throw new NotFoundError('Product not found');
		return saveProduct(db, { ...snapshotOf(p), status }, author, { comment: `Status → ${status}` });
	});
}

/** Stored completeness rows of a product. */
export function completenessOf(db: PimDb, productId: number): CompletenessRow[] {
	const rows = statements(db).completenessOf.all(productId) as (Omit<CompletenessRow, 'missing'> & { missing: string })[];
	return rows.map((r) => ({ channel: r.channel, locale: r.locale, required: r.required, ratio: r.ratio, missing: JSON.parse(r.missing) as string[] }));
}
