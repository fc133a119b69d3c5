import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { completeness } from '../completeness/completeness.schema.ts';
import { computeCompleteness, type CompletenessRow } from '../completeness/completeness.ts';
import { inTransaction, type PimDb } from '../db.ts';
import { enqueueProducts } from '../search/outbox.ts';
import { productSearchText } from '../search/search.schema.ts';
import { visibleChannels, writeSearchText } from '../search/search-text.ts';
import { ConflictError, issuesFromZod, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import {
	attribute,
	attributeOption,
	category,
	family,
	familyAttribute,
	familyRequirement,
	locale,
	product,
	productCategory,
	type LocalizedText
} from './catalog.schema.ts';
import { loadDefinition, type CatalogDefinition } from './definition.ts';
import { attributeInputSchema, categoryInputSchema, codeSchema, localizedTextSchema, type AttributeInput, type CategoryInput } from './input.ts';
import { getProduct, snapshotOf } from './products.ts';
import { createAttribute, createCategory } from './structure.ts';

/** Products refreshed per transaction: large enough to be quick, small enough not to hold the writer long. */
export const REFRESH_BATCH = 500;

/** What a structure change did to the products it reached, for the merchandiser's notice. */
export interface RefreshResult {
	/** Products whose completeness and search data were recomputed and sent to search. */
	touched: number;
	/** Of those, how many stopped showing on a channel (published, but no longer complete there). */
	hidden: number;
}

const nothing = (): RefreshResult => ({ touched: 0, hidden: 0 });

/** What can change on an attribute after it is created: its type and code are fixed. */
export const attributeUpdateSchema = attributeInputSchema.pick({ label: true, unit: true, localizable: true, perChannel: true, options: true });
/** An attribute change as forms and imports give it. */
export type AttributeUpdate = z.input<typeof attributeUpdateSchema>;

/** What can change on a family: its variant levels and axes are fixed, since products are built on them. */
export const familyUpdateSchema = z.object({
	label: localizedTextSchema,
	/** Every attribute of the family, on any level; new ones go on the product level. */
	attributes: z.array(codeSchema).min(1, 'A family needs at least one attribute'),
	/** channel → required attribute codes; a channel left out requires nothing. */
	required: z.record(codeSchema, z.array(codeSchema)).default({})
});
/** A family change as forms and imports give it. */
export type FamilyUpdate = z.input<typeof familyUpdateSchema>;

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
	const r = schema.safeParse(input);
	if (!r.success) throw new ValidationError(`Invalid ${what}`, issuesFromZod(r.error));
	return r.data;
}

/** A label without empty translations; the fallback locale's one is required, as every screen falls back to it. */
function cleanLabel(def: CatalogDefinition, label: LocalizedText, issues: Issue[], path = 'label'): LocalizedText {
	const out: LocalizedText = {};
	for (const [loc, text] of Object.entries(label)) {
		if (!text.trim()) continue;
		if (!def.locales.includes(loc)) issues.push({ path: `${path}.${loc}`, message: `Unknown locale ${loc}` });
		out[loc] = text.trim();
	}
	if (!out[def.fallbackLocale]) issues.push({ path: `${path}.${def.fallbackLocale}`, message: 'Required' });
	return out;
}

const sameLabel = (a: LocalizedText, b: LocalizedText) =>
	JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** JSON path of an attribute's values inside a product's raw values; codes never contain quotes. */
const valuePath = (code: string) => `$."${code}"`;

function writeCompleteness(db: PimDb, productId: number, rows: CompletenessRow[]) {
	db.delete(completeness).where(eq(completeness.productId, productId)).run();
	for (const r of rows) db.insert(completeness).values({ productId, ...r }).run();
}

/**
 * Recomputes completeness and search text of products from their stored state and sends
 * them to search, `REFRESH_BATCH` per transaction, letting other requests in between batches
 * (a change can reach tens of thousands of products while kiosks keep searching). No product
 * version is written: the products did not change, the structure they are measured against did.
 */
export async function refreshProducts(db: PimDb, productIds: Iterable<number>, batchSize = REFRESH_BATCH): Promise<RefreshResult> {
	const ids = [...new Set(productIds)].sort((a, b) => a - b);
	const result = { touched: 0, hidden: 0 };
	for (let i = 0; i < ids.length; i += batchSize) {
		if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
		const batch = ids.slice(i, i + batchSize);
		inTransaction(db, () => {
			const def = loadDefinition(db);
			const before = new Map(
				db
					.select({ id: productSearchText.productId, channels: productSearchText.channels })
					.from(productSearchText)
					.where(inArray(productSearchText.productId, batch))
					.all()
					.map((r) => [r.id, r.channels.split(',').filter(Boolean)])
			);
			const done: number[] = [];
			for (const id of batch) {
				const p = getProduct(db, id, def);
				const fam = p && def.families.get(p.family);
				if (!p || !fam) continue;
				const imageCount = p.media.filter((m) => m.role === 'image').length;
				const rows = computeCompleteness(def, fam, { values: p.values, variants: p.variants, imageCount });
				writeCompleteness(db, id, rows);
				writeSearchText(db, def, id, snapshotOf(p), rows);
				const now = visibleChannels(p.status, rows, def.fallbackLocale);
				if ((before.get(id) ?? []).some((ch) => !now.includes(ch))) result.hidden++;
				done.push(id);
			}
			enqueueProducts(db, done);
			result.touched += done.length;
		});
	}
	return result;
}

/** How many products hold each option of a select attribute (on the product or a variant). */
export function optionUsage(db: PimDb, attributeCode: string): Map<string, number> {
	const rows = db.all<{ option: string; n: number }>(sql`
		SELECT option, count(DISTINCT pid) AS n FROM (
			SELECT p.id AS pid, t.atom AS option FROM product p, json_tree(p."values", ${valuePath(attributeCode)}) t WHERE t.type = 'text'
			UNION ALL
			SELECT v.product_id, t.atom FROM variant v, json_tree(v."values", ${valuePath(attributeCode)}) t WHERE t.type = 'text'
		) GROUP BY option`);
	return new Map(rows.map((r) => [r.option, r.n]));
}

/** Products (of one family, or all) that hold any value of an attribute, on the product or a variant. */
export function productsWithValues(db: PimDb, attributeCode: string, familyId?: number): number {
	const path = valuePath(attributeCode);
	const inFamily = familyId === undefined ? sql`1` : sql`p.family_id = ${familyId}`;
	return db.get<{ n: number }>(sql`
		SELECT count(*) AS n FROM product p WHERE ${inFamily} AND (
			json_type(p."values", ${path}) IS NOT NULL
			OR EXISTS (SELECT 1 FROM variant v WHERE v.product_id = p.id AND json_type(v."values", ${path}) IS NOT NULL))`).n;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Checks option rows: unique codes, a label in the fallback locale each (returned cleaned). */
function checkOptions<T extends { code: string; label: LocalizedText }>(def: CatalogDefinition, options: T[], issues: Issue[]): T[] {
	const seen = new Set<string>();
	return options.map((o, i) => {
		if (seen.has(o.code)) issues.push({ path: `options.${i}.code`, message: `${o.code} is used twice` });
		seen.add(o.code);
		return { ...o, label: cleanLabel(def, o.label, issues, `options.${i}.label`) };
	});
}

const isSelectType = (type: string) => type === 'select' || type === 'multiselect';

/** Creates an attribute at the end of the list; it and each option need a label in the fallback locale. */
export function appendAttribute(db: PimDb, input: AttributeInput): number {
	const data = parse(attributeInputSchema, input, 'attribute');
	const def = loadDefinition(db);
	const issues: Issue[] = [];
	if (def.attributes.has(data.code)) issues.push({ path: 'code', message: `${data.code} is taken by another attribute` });
	const label = cleanLabel(def, data.label, issues);
	const options = checkOptions(def, data.options, issues);
	if (isSelectType(data.type) && options.length === 0) issues.push({ path: 'options', message: 'A select needs at least one option' });
	if (!isSelectType(data.type) && options.length) issues.push({ path: 'options', message: 'Only select attributes have options' });
	if (issues.length) throw new ValidationError('The attribute was not created', issues);
	const position = db.select({ n: sql<number>`coalesce(max(${attribute.position}) + 1, 0)` }).from(attribute).get()?.n ?? 0;
	return createAttribute(db, { ...data, label, unit: data.unit?.trim() || null, options }, position);
}

/**
 * Changes an attribute's label, unit and options (add, relabel, reorder, remove). Its type
 * and code are fixed; an option in use cannot be removed, and whether it is localizable or
 * per channel can only change while no product holds a value of it (the stored values are
 * keyed by those). Option labels are read live by facets and pages, so nothing is reindexed.
 */
export function updateAttribute(db: PimDb, code: string, input: AttributeUpdate) {
	const data = parse(attributeUpdateSchema, input, 'attribute');
	inTransaction(db, () => {
		const def = loadDefinition(db);
		const attr = def.attributes.get(code);
		if (!attr) throw new NotFoundError(`No attribute ${code}`);
		const issues: Issue[] = [];
		const label = cleanLabel(def, data.label, issues);
		const options = checkOptions(def, data.options, issues);
		if (isSelectType(attr.type) && options.length === 0) issues.push({ path: 'options', message: 'A select needs at least one option' });
		if (!isSelectType(attr.type) && options.length) issues.push({ path: 'options', message: 'Only select attributes have options' });
		const seen = new Set(options.map((o) => o.code));
		const removed = [...attr.options.keys()].filter((o) => !seen.has(o));
		if (removed.length) {
			const usage = optionUsage(db, code);
			for (const o of removed) {
				const n = usage.get(o) ?? 0;
				if (n) issues.push({ path: 'options', message: `Option ${o} cannot be removed: ${plural(n, 'product uses', 'products use')} it` });
			}
		}
		if (data.localizable !== attr.localizable || data.perChannel !== attr.perChannel) {
			const n = productsWithValues(db, code);
			const what = data.localizable !== attr.localizable ? 'localizable' : 'perChannel';
			const words = what === 'localizable' ? 'whether it is translated' : 'whether it differs per channel';
			if (n) issues.push({ path: what, message: `Cannot change ${words}: ${plural(n, 'product has', 'products have')} values of ${code}. Clear them first.` });
		}
		if (issues.length) throw new ValidationError(`Attribute ${code} was not saved`, issues);

		db.update(attribute)
			.set({ label, unit: data.unit?.trim() || null, localizable: data.localizable, perChannel: data.perChannel, updatedAt: new Date().toISOString() })
			.where(eq(attribute.id, attr.id))
			.run();
		if (removed.length)
			db.delete(attributeOption).where(and(eq(attributeOption.attributeId, attr.id), inArray(attributeOption.code, removed))).run();
		options.forEach((o, position) => {
			const row = { label: o.label, hex: o.hex, position };
			if (attr.options.has(o.code))
				db.update(attributeOption).set(row).where(and(eq(attributeOption.attributeId, attr.id), eq(attributeOption.code, o.code))).run();
			else db.insert(attributeOption).values({ attributeId: attr.id, code: o.code, ...row }).run();
		});
	});
}

/**
 * Changes a family's label, attributes and per-channel requirements. Variant axes stay (the
 * products' variants are built on them), and an attribute whose values the family's products
 * hold cannot be removed. A change of requirements recomputes the completeness of every
 * product of the family, batch by batch, and sends them to search.
 */
export async function updateFamily(db: PimDb, code: string, input: FamilyUpdate): Promise<RefreshResult> {
	const data = parse(familyUpdateSchema, input, 'family');
	const changed = inTransaction(db, () => {
		const def = loadDefinition(db);
		const fam = def.families.get(code);
		if (!fam) throw new NotFoundError(`No family ${code}`);
		const issues: Issue[] = [];
		const label = cleanLabel(def, data.label, issues);
		const wanted = new Set(data.attributes);
		for (const a of wanted) if (!def.attributes.has(a)) issues.push({ path: 'attributes', message: `Unknown attribute ${a}` });
		const axes = new Set(fam.axes.flat());
		const removed = [...fam.levels.keys()].filter((a) => !wanted.has(a));
		for (const a of removed) {
			if (axes.has(a)) {
				issues.push({ path: 'attributes', message: `${a} is a variant axis of this family and cannot be removed` });
				continue;
			}
			const n = productsWithValues(db, a, fam.id);
			if (n) issues.push({ path: 'attributes', message: `${a} cannot be removed: ${plural(n, 'product', 'products')} of this family ${n === 1 ? 'has' : 'have'} values of it` });
		}
		for (const ch of Object.keys(data.required)) if (!def.channels.has(ch)) issues.push({ path: `required.${ch}`, message: `Unknown channel ${ch}` });
		for (const [ch, codes] of Object.entries(data.required))
			for (const a of codes) if (!wanted.has(a)) issues.push({ path: `required.${ch}`, message: `${a} is not in the family` });
		if (issues.length) throw new ValidationError(`Family ${code} was not saved`, issues);

		const attrId = (a: string) => def.attributes.get(a)!.id;
		db.update(family).set({ label, updatedAt: new Date().toISOString() }).where(eq(family.id, fam.id)).run();
		if (removed.length)
			db.delete(familyAttribute).where(and(eq(familyAttribute.familyId, fam.id), inArray(familyAttribute.attributeId, removed.map(attrId)))).run();
		for (const a of wanted) if (!fam.levels.has(a)) db.insert(familyAttribute).values({ familyId: fam.id, attributeId: attrId(a), level: 0, axis: false }).run();
		const key = (ch: string, list: string[]) => [...new Set(list)].sort().map((a) => `${ch}:${a}`);
		const before = [...def.channels.keys()].flatMap((ch) => key(ch, fam.required.get(ch) ?? [])).sort().join(' ');
		const after = [...def.channels.keys()].flatMap((ch) => key(ch, data.required[ch] ?? [])).sort().join(' ');
		db.delete(familyRequirement).where(eq(familyRequirement.familyId, fam.id)).run();
		for (const [ch, codes] of Object.entries(data.required))
			for (const a of new Set(codes)) db.insert(familyRequirement).values({ familyId: fam.id, attributeId: attrId(a), channel: ch }).run();
		return before === after ? null : fam.id;
	});
	if (changed === null) return nothing();
	const ids = db.select({ id: product.id }).from(product).where(eq(product.familyId, changed)).all().map((r) => r.id);
	return refreshProducts(db, ids);
}

/** Ids of the products in a category or any category below it. */
export function productsInSubtree(db: PimDb, categoryId: number): number[] {
	return db
		.all<{ id: number }>(sql`
			WITH RECURSIVE sub(id) AS (SELECT ${categoryId} UNION SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id)
			SELECT DISTINCT product_id AS id FROM product_category WHERE category_id IN (SELECT id FROM sub) ORDER BY product_id`)
		.map((r) => r.id);
}

function findCategory(db: PimDb, code: string) {
	const c = db.select().from(category).where(eq(category.code, code)).get();
	if (!c) throw new NotFoundError(`No category ${code}`);
	return c;
}

/** Creates a category as the last child of its parent (or of the root), with a label in the fallback locale. */
export function appendCategory(db: PimDb, input: CategoryInput): number {
	const data = parse(categoryInputSchema, input, 'category');
	const def = loadDefinition(db);
	const issues: Issue[] = [];
	const label = cleanLabel(def, data.label, issues);
	if (data.parent && !def.categories.has(data.parent)) issues.push({ path: 'parent', message: `Unknown category ${data.parent}` });
	if (issues.length) throw new ValidationError('The category was not created', issues);
	const parentId = data.parent ? def.categories.get(data.parent)!.id : null;
	const last = db
		.select({ n: sql<number>`coalesce(max(${category.position}) + 1, 0)` })
		.from(category)
		.where(parentId === null ? sql`${category.parentId} IS NULL` : eq(category.parentId, parentId))
		.get();
	return createCategory(db, { ...data, label }, last?.n ?? 0);
}

/** Replaces a category's labels (empty ones are dropped) and refreshes the products below it, whose search data carries the path. */
export async function renameCategory(db: PimDb, code: string, label: LocalizedText): Promise<RefreshResult> {
	const data = parse(localizedTextSchema, label, 'label');
	const changed = inTransaction(db, () => {
		const c = findCategory(db, code);
		const issues: Issue[] = [];
		const clean = cleanLabel(loadDefinition(db), data, issues);
		if (issues.length) throw new ValidationError(`Category ${code} was not renamed`, issues);
		if (sameLabel(clean, c.label)) return null;
		db.update(category).set({ label: clean }).where(eq(category.id, c.id)).run();
		return c.id;
	});
	return changed === null ? nothing() : refreshProducts(db, productsInSubtree(db, changed));
}

/**
 * Moves a category under another (or to the root) at `position` among its new siblings.
 * Moving it under itself or one of its own subcategories is refused. A new parent changes
 * the path of every product below it, so they are refreshed.
 */
export async function moveCategory(db: PimDb, code: string, newParent: string | null, position: number): Promise<RefreshResult> {
	if (!Number.isInteger(position) || position < 0)
		throw new ValidationError(`Category ${code} was not moved`, [{ path: 'position', message: 'A whole number from 0' }]);
	const moved = inTransaction(db, () => {
		const c = findCategory(db, code);
		let parentId: number | null = null;
		if (newParent !== null) {
			const parent = db.select().from(category).where(eq(category.code, newParent)).get();
			if (!parent) throw new ValidationError(`Category ${code} was not moved`, [{ path: 'parent', message: `Unknown category ${newParent}` }]);
			for (let at: number | null = parent.id, hops = 0; at !== null && hops < 100; hops++) {
				if (at === c.id)
					throw new ValidationError(`Category ${code} was not moved`, [
						{ path: 'parent', message: 'A category cannot move under itself or one of its subcategories' }
					]);
				at = db.select({ parentId: category.parentId }).from(category).where(eq(category.id, at)).get()?.parentId ?? null;
			}
			parentId = parent.id;
		}
		const siblings = db
			.select({ id: category.id })
			.from(category)
			.where(and(parentId === null ? sql`${category.parentId} IS NULL` : eq(category.parentId, parentId), ne(category.id, c.id)))
			.orderBy(asc(category.position), asc(category.id))
			.all()
			.map((s) => s.id);
		siblings.splice(Math.min(position, siblings.length), 0, c.id);
		db.update(category).set({ parentId }).where(eq(category.id, c.id)).run();
		siblings.forEach((id, i) => db.update(category).set({ position: i }).where(eq(category.id, id)).run());
		return c.parentId === parentId ? null : c.id;
	});
	return moved === null ? nothing() : refreshProducts(db, productsInSubtree(db, moved));
}

/** Deletes a category that holds no products and no subcategories. */
export function deleteCategory(db: PimDb, code: string) {
	inTransaction(db, () => {
		const c = findCategory(db, code);
		const children = db.select({ n: sql<number>`count(*)` }).from(category).where(eq(category.parentId, c.id)).get()?.n ?? 0;
		const products = db.select({ n: sql<number>`count(*)` }).from(productCategory).where(eq(productCategory.categoryId, c.id)).get()?.n ?? 0;
		if (children || products) {
			const what = [products ? plural(products, 'product') : '', children ? plural(children, 'subcategory', 'subcategories') : ''].filter(Boolean).join(' and ');
			throw new ConflictError(`${code} still holds ${what}; move them elsewhere first`);
		}
		db.delete(category).where(eq(category.id, c.id)).run();
	});
}

/** How many attributes, families and categories there are, for the structure overview. */
export function structureCounts(db: PimDb): { attributes: number; families: number; categories: number } {
	const n = (table: typeof attribute | typeof family | typeof category) => db.select({ n: sql<number>`count(*)` }).from(table).get()?.n ?? 0;
	return { attributes: n(attribute), families: n(family), categories: n(category) };
}

/** Products per family id. */
export function productCountsByFamily(db: PimDb): Map<number, number> {
	const rows = db.select({ id: product.familyId, n: sql<number>`count(*)` }).from(product).groupBy(product.familyId).all();
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** Products filed directly in each category id. */
export function productCountsByCategory(db: PimDb): Map<number, number> {
	const rows = db.select({ id: productCategory.categoryId, n: sql<number>`count(*)` }).from(productCategory).groupBy(productCategory.categoryId).all();
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** Codes of the families that use each attribute. */
export function familiesByAttribute(db: PimDb): Map<number, string[]> {
	const rows = db
		.select({ attributeId: familyAttribute.attributeId, code: family.code })
		.from(familyAttribute)
		.innerJoin(family, eq(family.id, familyAttribute.familyId))
		.orderBy(asc(family.code))
		.all();
	const out = new Map<number, string[]>();
	for (const r of rows) out.set(r.attributeId, [...(out.get(r.attributeId) ?? []), r.code]);
	return out;
}

/** Locales with their names, in their order, for label forms. */
export function localeChoices(db: PimDb): { code: string; label: string; fallback: boolean }[] {
	return db.select({ code: locale.code, label: locale.label, fallback: locale.fallback }).from(locale).orderBy(asc(locale.position), asc(locale.code)).all();
}
