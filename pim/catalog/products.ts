import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { completeness } from '../completeness/completeness.schema.ts';
import { computeCompleteness, type CompletenessRow } from '../completeness/completeness.ts';
import { inTransaction, type PimDb } from '../db.ts';
import { productVersion } from '../history/history.schema.ts';
import { media, productMedia } from '../media/media.schema.ts';
import { enqueueProducts } from '../search/outbox.ts';
import { writeSearchText } from '../search/search-text.ts';
import { ConflictError, issuesFromZod, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { price, product, productCategory, variant } from './catalog.schema.ts';
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
}

export interface SaveResult {
	id: number;
	revision: number;
	completeness: CompletenessRow[];
}

/** Loads a product by id or code with its variants and prices, or null. */
export function getProduct(db: PimDb, idOrCode: number | string, def?: CatalogDefinition): ProductState | null {
	const row = db
		.select()
		.from(product)
		.where(typeof idOrCode === 'number' ? eq(product.id, idOrCode) : eq(product.code, idOrCode))
		.get();
	if (!row) return null;
	const d = def ?? loadDefinition(db);
	const cats = db
		.select({ categoryId: productCategory.categoryId })
		.from(productCategory)
		.where(eq(productCategory.productId, row.id))
		.all()
		.map((c) => d.categoriesById.get(c.categoryId)?.code)
		.filter((c): c is string => !!c)
		.sort();
	const vars = db.select().from(variant).where(eq(variant.productId, row.id)).orderBy(asc(variant.position), asc(variant.id)).all();
	const prices = vars.length
		? db.select().from(price).where(inArray(price.variantId, vars.map((v) => v.id))).all()
		: [];
	const pricesOf = (id: number) => {
		const out: Record<string, PriceData> = {};
		for (const p of prices.filter((x) => x.variantId === id)) {
			out[p.currency] = {
				amount: p.amount,
				sale: p.saleAmount == null ? null : { amount: p.saleAmount, start: p.saleStart, end: p.saleEnd }
			};
		}
		return out;
	};
	const leaf = (v: (typeof vars)[number]): LeafVariantData => ({
		code: v.code,
		axes: v.axes,
		values: v.values,
		gtin: v.gtin,
		prices: pricesOf(v.id)
	});
	const variants: VariantData[] = vars
		.filter((v) => v.level === 1)
		.map((v) => ({ ...leaf(v), children: vars.filter((c) => c.parentId === v.id).map(leaf) }));
	const variantCode = new Map(vars.map((v) => [v.id, v.code]));
	const links = db.select().from(productMedia).where(eq(productMedia.productId, row.id)).orderBy(asc(productMedia.position)).all();
	return {
		id: row.id,
		code: row.code,
		media: links.map((m) => ({ media: m.mediaId, role: m.role, variant: m.variantId == null ? null : (variantCode.get(m.variantId) ?? null), alt: m.alt })),
		family: d.familiesById.get(row.familyId)?.code ?? '',
		status: row.status,
		categories: cats,
		values: row.values,
		variants,
		revision: row.revision,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
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
		const existing = db.select().from(product).where(eq(product.code, data.code)).get();
		if (existing && data.expectedRevision && existing.revision !== data.expectedRevision)
			throw new ConflictError('Someone else saved this product meanwhile; reload to see their changes', [
				{ path: 'expectedRevision', message: `Now at revision ${existing.revision}` }
			]);
		if (existing && existing.familyId !== fam.id) {
			const hasVariants = db.select({ n: sql<number>`count(*)` }).from(variant).where(and(eq(variant.productId, existing.id), ne(variant.code, data.code))).get();
			if (hasVariants && hasVariants.n > 0 && fam.axes.length === 0)
				throw new ConflictError('Changing to a family without variants would drop this product’s variants');
		}
		const previous = existing ? getProduct(db, existing.id, def) : null;
		const leaves = data.variants.flatMap((v) => (v.children.length ? v.children : [v]));
		const allCodes = data.variants.flatMap((v) => [v.code, ...v.children.map((c) => c.code)]);
		const takenCodes = db
			.select({ code: variant.code })
			.from(variant)
			.where(and(inArray(variant.code, allCodes), existing ? ne(variant.productId, existing.id) : sql`1`))
			.all();
		if (takenCodes.length)
			throw new ConflictError('Some codes are taken by other products', takenCodes.map((t) => ({ path: 'variants', message: `SKU ${t.code} belongs to another product` })));
		const gtins = leaves.map((l) => l.gtin).filter((g): g is string => !!g);
		const takenGtins = gtins.length
			? db
					.select({ gtin: variant.gtin })
					.from(variant)
					.where(and(inArray(variant.gtin, gtins), existing ? ne(variant.productId, existing.id) : sql`1`))
					.all()
			: [];
		if (takenGtins.length)
			throw new ConflictError('Some GTINs are taken by other products', takenGtins.map((t) => ({ path: 'variants', message: `GTIN ${t.gtin} belongs to another product` })));

		const stamp = new Date().toISOString();
		const revision = (existing?.revision ?? 0) + 1;
		let id: number;
		if (existing) {
			id = existing.id;
			db.update(product)
				.set({ familyId: fam.id, status: data.status, values: data.values, revision, updatedAt: stamp })
				.where(eq(product.id, id))
				.run();
		} else {
			id = db
				.insert(product)
				.values({ code: data.code, familyId: fam.id, status: data.status, values: data.values, revision, createdAt: stamp, updatedAt: stamp })
				.returning({ id: product.id })
				.get().id;
		}

		db.delete(productCategory).where(eq(productCategory.productId, id)).run();
		for (const c of data.categories) db.insert(productCategory).values({ productId: id, categoryId: def.categories.get(c)!.id }).run();

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
		db.insert(productVersion)
			.values({ productId: id, revision, previous: previous ? snapshotOf(previous) : null, author, comment: opts.comment ?? null, createdAt: stamp })
			.run();
		writeSearchText(db, def, id, data, rows);
		if (!opts.skipOutbox) enqueueProducts(db, [id]);
		return { id, revision, completeness: rows };
	});
}

/** Upserts the variant tree by code (keeping ids, so stock stays attached) and removes dropped variants. */
function writeVariants(db: PimDb, productId: number, variants: VariantData[]) {
	const existing = new Map(
		db.select({ id: variant.id, code: variant.code }).from(variant).where(eq(variant.productId, productId)).all().map((v) => [v.code, v.id])
	);
	// GTINs may move between variants of this product in one save: clear them first.
	db.update(variant).set({ gtin: null }).where(eq(variant.productId, productId)).run();
	const kept = new Set<number>();
	const put = (v: LeafVariantData, level: number, parentId: number | null, sellable: boolean, position: number) => {
		const row = { productId, parentId, level, code: v.code, sellable, gtin: v.gtin, axes: v.axes, values: v.values, position };
		let id = existing.get(v.code);
		if (id) db.update(variant).set(row).where(eq(variant.id, id)).run();
		else id = db.insert(variant).values(row).returning({ id: variant.id }).get().id;
		kept.add(id);
		db.delete(price).where(eq(price.variantId, id)).run();
		for (const [currency, p] of Object.entries(v.prices))
			db.insert(price)
				.values({ variantId: id, currency, amount: p.amount, saleAmount: p.sale?.amount ?? null, saleStart: p.sale?.start ?? null, saleEnd: p.sale?.end ?? null })
				.run();
		return id;
	};
	variants.forEach((v, i) => {
		const id = put(v, 1, null, v.children.length === 0, i);
		v.children.forEach((c, j) => put(c, 2, id, true, j));
	});
	const dropped = [...existing.values()].filter((id) => !kept.has(id));
	if (dropped.length) db.delete(variant).where(inArray(variant.id, dropped)).run();
}

/** Replaces the product's media links; the files themselves are immutable, content-addressed records. */
function writeMedia(db: PimDb, productId: number, data: ProductData) {
	db.delete(productMedia).where(eq(productMedia.productId, productId)).run();
	if (data.media.length === 0) return;
	const ids = [...new Set(data.media.map((m) => m.media))];
	const kinds = new Map(db.select({ id: media.id, kind: media.kind }).from(media).where(inArray(media.id, ids)).all().map((m) => [m.id, m.kind]));
	const variantIds = new Map(
		db.select({ id: variant.id, code: variant.code }).from(variant).where(eq(variant.productId, productId)).all().map((v) => [v.code, v.id])
	);
	const issues: Issue[] = [];
	data.media.forEach((m, i) => {
		if (kinds.get(m.media) !== m.role) issues.push({ path: `media.${i}`, message: kinds.has(m.media) ? `Media ${m.media} is not a ${m.role}` : `No media ${m.media}` });
		if (m.variant && !variantIds.has(m.variant)) issues.push({ path: `media.${i}.variant`, message: `No variant ${m.variant} in this product` });
	});
	if (issues.length) throw new ValidationError('The product has errors', issues);
	data.media.forEach((m, i) =>
		db.insert(productMedia)
			.values({ productId, variantId: m.variant ? variantIds.get(m.variant)! : null, mediaId: m.media, role: m.role, position: i, alt: m.alt })
			.run()
	);
}

function writeCompleteness(db: PimDb, productId: number, rows: CompletenessRow[]) {
	db.delete(completeness).where(eq(completeness.productId, productId)).run();
	for (const r of rows) db.insert(completeness).values({ productId, ...r }).run();
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
	return db
		.select({ channel: completeness.channel, locale: completeness.locale, required: completeness.required, ratio: completeness.ratio, missing: completeness.missing })
		.from(completeness)
		.where(eq(completeness.productId, productId))
		.all();
}

