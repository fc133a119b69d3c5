import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { PimDb } from '../db.ts';
import { issuesFromZod, ValidationError, type Issue } from '../shared/errors.ts';
import { labelIn, type CatalogDefinition } from './definition.ts';
import { productStatusSchema } from './input.ts';

/** Page sizes the list offers. */
export const PRODUCT_LIST_PAGE_SIZES = [25, 50, 100] as const;

/** Orders the list offers; `completeness` puts the least complete (first channel, fallback locale) first. */
export const productListSorts = ['updated_desc', 'updated_asc', 'code', 'name', 'completeness'] as const;
/** One of the list's orders. */
export type ProductListSort = (typeof productListSorts)[number];

/** A GET form sends "" for "any": treat it as absent. */
const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema);
const code = z.string().trim().max(100, 'At most 100 characters');

/** The product list's filters, sort and page, as the URL query string carries them. */
export const productListQuerySchema = z.object({
	q: z.string().trim().max(200, 'At most 200 characters').default(''),
	family: blank(code.optional()),
	/** A category code; its subcategories' products match too. */
	category: blank(code.optional()),
	status: blank(productStatusSchema.optional()),
	/** A channel code: products below 100% for it in the fallback locale. */
	incomplete: blank(code.optional()),
	has3d: blank(z.enum(['yes', 'no']).optional()),
	/** A locale code: products missing a required value in it on some channel. */
	missingLocale: blank(code.optional()),
	sort: blank(z.enum(productListSorts).default('updated_desc')),
	page: blank(z.coerce.number({ error: 'Not a page number' }).int('Not a page number').min(1, 'At least 1').max(100_000).default(1)),
	perPage: blank(
		z.coerce
			.number({ error: 'Choose 25, 50 or 100' })
			.refine((n) => (PRODUCT_LIST_PAGE_SIZES as readonly number[]).includes(n), 'Choose 25, 50 or 100')
			.default(50)
	)
});
/** A parsed list query: defaults filled in, "any" as undefined. */
export type ProductListQuery = z.output<typeof productListQuerySchema>;
/** A list query as callers give it: every field optional. */
export type ProductListQueryInput = z.input<typeof productListQuerySchema>;

/** One row of the product list. */
export interface ProductListRow {
	id: number;
	code: string;
	/** Name in the fallback locale, else in any locale, else null. */
	name: string | null;
	family: string;
	familyLabel: string;
	status: 'draft' | 'published' | 'archived';
	updatedAt: string;
	/** channel code → completeness in the fallback locale (0–100). */
	completeness: Record<string, number>;
	/** Media file (path without size or extension) of the first image, or null. */
	thumbnail: string | null;
	has3d: boolean;
}

/** One page of the list and how many products match in all. */
export interface ProductListResult {
	total: number;
	page: number;
	perPage: number;
	rows: ProductListRow[];
}

/** Checks the codes in a parsed query against the catalog, as issues per field. */
function unknownCodes(def: CatalogDefinition, q: ProductListQuery): Issue[] {
	const issues: Issue[] = [];
	if (q.family && !def.families.has(q.family)) issues.push({ path: 'family', message: `Unknown family ${q.family}` });
	if (q.category && !def.categories.has(q.category)) issues.push({ path: 'category', message: `Unknown category ${q.category}` });
	if (q.incomplete && !def.channels.has(q.incomplete)) issues.push({ path: 'incomplete', message: `Unknown channel ${q.incomplete}` });
	if (q.missingLocale && !def.locales.includes(q.missingLocale))
		issues.push({ path: 'missingLocale', message: `Unknown locale ${q.missingLocale}` });
	return issues;
}

/** Parses a list query strictly: any bad or unknown parameter is a ValidationError. */
export function parseProductListQuery(def: CatalogDefinition, input: unknown): ProductListQuery {
	const parsed = productListQuerySchema.safeParse(input ?? {});
	if (!parsed.success) throw new ValidationError('Bad list parameters', issuesFromZod(parsed.error));
	const issues = unknownCodes(def, parsed.data);
	if (issues.length) throw new ValidationError('Bad list parameters', issues);
	return parsed.data;
}

/**
 * Parses a list query leniently, as a page reading its URL does: parameters that are bad
 * (or name a family, category, channel or locale that no longer exists) are dropped and
 * reported, so a stale bookmark still shows a list.
 */
export function readProductListQuery(def: CatalogDefinition, input: Record<string, string>): { query: ProductListQuery; issues: Issue[] } {
	const raw: Record<string, string> = { ...input };
	const first = productListQuerySchema.safeParse(raw);
	const issues = first.success ? [] : issuesFromZod(first.error);
	for (const i of issues) delete raw[i.path.split('.')[0]];
	const query = first.success ? first.data : productListQuerySchema.parse(raw);
	const unknown = unknownCodes(def, query);
	for (const i of unknown) (query as Record<string, unknown>)[i.path] = undefined;
	return { query, issues: [...issues, ...unknown] };
}

/** The category and every category below it. */
function categoryWithDescendants(def: CatalogDefinition, code: string): number[] {
	const root = def.categories.get(code);
	if (!root) return [];
	const children = new Map<number, number[]>();
	for (const c of def.categoriesById.values()) {
		if (c.parentId == null) continue;
		const list = children.get(c.parentId) ?? [];
		list.push(c.id);
		children.set(c.parentId, list);
	}
	const out: number[] = [];
	const queue = [root.id];
	while (queue.length && out.length < 10_000) {
		const id = queue.shift()!;
		out.push(id);
		queue.push(...(children.get(id) ?? []));
	}
	return out;
}

function likePattern(s: string) {
	return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const list = (values: (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** True for every product, and lets SQLite read ids from the narrow status index instead of the wide rows. */
const everyProduct = sql`p.status IN (${list([...productStatusSchema.options])})`;

/**
 * A filter that is not a plain product column, in two forms: `set` lists the matching
 * product ids (cheap when few match), `probe` tests one product id (cheap when the list
 * walks an index in sort order and most products match).
 */
interface IdFilter {
	set: SQL;
	probe?: (id: SQL) => SQL;
	/** The set may list a product more than once (two matching categories, two channels). */
	repeats?: boolean;
}

interface Plan {
	/** Conditions on product columns (alias p). */
	columns: SQL[];
	filters: IdFilter[];
	/** Nothing can match (e.g. a locale no channel uses). */
	empty: boolean;
}

/** JSON path of the name in a locale, inlined so SQLite matches it to the name index. */
function namePath(locale: string) {
	if (!/^[A-Za-z0-9-]+$/.test(locale)) throw new Error(`Bad locale code ${locale}`);
	return sql.raw(`'$."name"."*"."${locale}"'`);
}

/** The fallback-locale name as the list sorts it (an expression index can serve this). */
function nameKey(def: CatalogDefinition) {
	return sql`json_extract(p."values", ${namePath(def.fallbackLocale)}) COLLATE NOCASE`;
}

/** Turns the text query into an id filter: FTS5 trigram for words of 3+ characters, LIKE for shorter ones. */
function textFilter(q: string): IdFilter | null {
	const tokens = q.split(/\s+/).filter(Boolean).slice(0, 8);
	if (!tokens.length) return null;
	const long = tokens.filter((t) => [...t].length >= 3);
	const short = tokens.filter((t) => [...t].length < 3);
	// Names, brand, SKUs and GTINs; category labels would make every word of a category match.
	const match = long.map((t) => `{names brand skus gtins} : "${t.replace(/"/g, '""')}"`).join(' AND ');
	if (!short.length) return { set: sql`SELECT rowid AS id FROM product_fts WHERE product_fts MATCH ${match}` };
	const likes = sql.join(
		short.map((s) => sql`(t.names LIKE ${likePattern(s)} ESCAPE '\\' OR t.skus LIKE ${likePattern(s)} ESCAPE '\\')`),
		sql` AND `
	);
	const fts = match ? sql`t.product_id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ${match}) AND ` : sql``;
	return { set: sql`SELECT t.product_id AS id FROM product_search_text t WHERE ${fts}${likes}` };
}

function planOf(def: CatalogDefinition, q: ProductListQuery): Plan {
	const plan: Plan = { columns: [], filters: [], empty: false };
	const fallback = def.fallbackLocale;
	if (q.family) plan.columns.push(sql`p.family_id = ${def.families.get(q.family)!.id}`);
	if (q.status) plan.columns.push(sql`p.status = ${q.status}`);
	const text = textFilter(q.q);
	if (text) plan.filters.push(text);
	if (q.category) {
		const ids = list(categoryWithDescendants(def, q.category));
		plan.filters.push({
			set: sql`SELECT product_id AS id FROM product_category WHERE category_id IN (${ids})`,
			repeats: true,
			probe: (id) => sql`EXISTS (SELECT 1 FROM product_category pc WHERE pc.product_id = ${id} AND pc.category_id IN (${ids}))`
		});
	}
	if (q.incomplete) {
		const ch = q.incomplete;
		plan.filters.push({
			set: sql`SELECT product_id AS id FROM completeness WHERE channel = ${ch} AND locale = ${fallback} AND ratio < 100`,
			probe: (id) => sql`EXISTS (SELECT 1 FROM completeness c WHERE c.product_id = ${id} AND c.channel = ${ch} AND c.locale = ${fallback} AND c.ratio < 100)`
		});
	}
	if (q.missingLocale) {
		const loc = q.missingLocale;
		const channels = [...def.channels.values()].filter((c) => c.locales.includes(loc)).map((c) => c.code);
		if (!channels.length) plan.empty = true;
		else
			plan.filters.push({
				set: sql`SELECT product_id AS id FROM completeness WHERE channel IN (${list(channels)}) AND locale = ${loc} AND ratio < 100`,
				repeats: true,
				probe: (id) => sql`EXISTS (SELECT 1 FROM completeness c WHERE c.product_id = ${id} AND c.locale = ${loc} AND c.ratio < 100)`
			});
	}
	if (q.has3d === 'yes')
		plan.filters.push({
			set: sql`SELECT product_id AS id FROM product_media WHERE role = 'model3d'`,
			probe: (id) => sql`EXISTS (SELECT 1 FROM product_media m WHERE m.product_id = ${id} AND m.role = 'model3d')`
		});
	if (q.has3d === 'no')
		plan.filters.push({
			set: sql`SELECT p.id AS id FROM product p WHERE ${everyProduct} AND p.id NOT IN (SELECT product_id FROM product_media WHERE role = 'model3d')`,
			probe: (id) => sql`NOT EXISTS (SELECT 1 FROM product_media m WHERE m.product_id = ${id} AND m.role = 'model3d')`
		});
	return plan;
}

/** The ids matching the plan as one compound SELECT (an INTERSECT of index-only parts), or null for "all". */
function matchingIds(plan: Plan): SQL | null {
	const parts = plan.filters.map((f) => f.set);
	if (plan.columns.length) parts.unshift(sql`SELECT p.id AS id FROM product p WHERE ${sql.join(plan.columns, sql` AND `)}`);
	return parts.length ? sql.join(parts, sql` INTERSECT `) : null;
}

function countMatching(db: PimDb, plan: Plan): number {
	const count = (query: SQL) => db.get<{ n: number }>(query).n;
	if (!plan.filters.length) return count(sql`SELECT count(*) AS n FROM product p ${plan.columns.length ? sql`WHERE ${sql.join(plan.columns, sql` AND `)}` : sql``}`);
	const ids = matchingIds(plan)!;
	// INTERSECT drops repeated ids; a lone set that may repeat them needs DISTINCT.
	const lone = plan.filters.length === 1 && !plan.columns.length;
	return count(lone && plan.filters[0].repeats ? sql`SELECT count(DISTINCT id) AS n FROM (${ids})` : sql`SELECT count(*) AS n FROM (${ids})`);
}

function orderOf(def: CatalogDefinition, sort: ProductListSort): SQL {
	switch (sort) {
		case 'updated_asc':
			return sql`p.updated_at ASC, p.id ASC`;
		case 'code':
			return sql`p.code ASC`;
		case 'name':
			return sql`${nameKey(def)}, p.id ASC`;
		default:
			return sql`p.updated_at DESC, p.id DESC`;
	}
}

/** The channel the `completeness` sort uses: the kiosk when there is one. */
export function completenessSortChannel(def: CatalogDefinition): string {
	return def.channels.has('kiosk') ? 'kiosk' : ([...def.channels.keys()][0] ?? 'kiosk');
}

/**
 * Ids of one page, in order. Two shapes, picked by how many match: when many do, walk the
 * sort order's index and test each product against the filters (a page needs only a few
 * steps); when few do, list the matches and sort just those.
 */
function pageIds(db: PimDb, def: CatalogDefinition, q: ProductListQuery, plan: Plan, total: number): number[] {
	const limit = q.perPage;
	const offset = (q.page - 1) * q.perPage;
	const all = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product`).n;
	// Walking visits about (offset + limit) × all / total entries; listing costs about total lookups.
	const steps = ((offset + limit) * all) / Math.max(total, 1);
	const walk = steps <= total;
	// A probe costs a few index seeks per step; a set costs building it once, then a cheap lookup per step.
	const probing = steps * 10 < total;
	const probes = probing ? plan.filters.filter((f) => f.probe) : [];
	const sets = plan.filters.filter((f) => !probes.includes(f)).map((f) => f.set);
	const setOnly = sets.length ? sql.join(sets, sql` INTERSECT `) : null;
	const allSets = plan.filters.length ? sql.join(plan.filters.map((f) => f.set), sql` INTERSECT `) : null;
	const where = (parts: SQL[]) => (parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``);
	const rows = (query: SQL) => db.all<{ id: number }>(sql`${query} LIMIT ${limit} OFFSET ${offset}`).map((r) => r.id);

	if (q.sort === 'completeness') {
		const channel = completenessSortChannel(def);
		const fallback = def.fallbackLocale;
		if (walk) {
			// CROSS JOIN keeps completeness (its channel, locale, ratio index) as the outer loop. Every
			// product has a row per channel and locale: saves and structure changes keep them.
			const conds = [sql`c.channel = ${channel}`, sql`c.locale = ${fallback}`, ...probes.map((f) => f.probe!(sql`c.product_id`))];
			if (setOnly) conds.push(sql`+c.product_id IN (${setOnly})`);
			const join = plan.columns.length ? sql`CROSS JOIN product p ON p.id = c.product_id` : sql``;
			return rows(sql`SELECT c.product_id AS id FROM completeness c ${join} ${where([...conds, ...plan.columns.map((c) => sql`+${c}`)])} ORDER BY c.ratio ASC, c.product_id ASC`);
		}
		const conds = [...plan.columns];
		if (allSets) conds.push(sql`p.id IN (${allSets})`);
		return rows(
			sql`SELECT p.id AS id FROM product p LEFT JOIN completeness c ON c.product_id = p.id AND c.channel = ${channel} AND c.locale = ${fallback} ${where(conds)} ORDER BY coalesce(c.ratio, 0) ASC, p.id ASC`
		);
	}

	const order = orderOf(def, q.sort);
	if (walk) {
		// Leave status and family usable by their (status|family, updated_at) indexes only when sorting by date;
		// for other orders, "+" keeps SQLite on the order's own index.
		const byDate = q.sort === 'updated_desc' || q.sort === 'updated_asc';
		const conds = [...plan.columns.map((c) => (byDate ? c : sql`+${c}`)), ...probes.map((f) => f.probe!(sql`p.id`))];
		if (setOnly) conds.push(sql`+p.id IN (${setOnly})`);
		return rows(sql`SELECT p.id AS id FROM product p ${where(conds)} ORDER BY ${order}`);
	}
	const conds = [...plan.columns];
	if (allSets) conds.push(sql`p.id IN (${allSets})`);
	return rows(sql`SELECT p.id AS id FROM product p ${where(conds)} ORDER BY ${order}`);
}

/** Name, family, status, completeness, first image and 3D flag of the given products, in the given order. */
function rowsOf(db: PimDb, def: CatalogDefinition, ids: number[]): ProductListRow[] {
	if (!ids.length) return [];
	const fallback = def.fallbackLocale;
	const idList = list(ids);
	const products = db.all<{ id: number; code: string; family_id: number; status: ProductListRow['status']; updated_at: string; names: string | null }>(
		sql`SELECT id, code, family_id, status, updated_at, json_extract("values", '$."name"."*"') AS names FROM product WHERE id IN (${idList})`
	);
	const completeness = db.all<{ product_id: number; channel: string; ratio: number }>(
		sql`SELECT product_id, channel, ratio FROM completeness WHERE product_id IN (${idList}) AND locale = ${fallback}`
	);
	// Product-level images before a variant's, each in display order.
	const images = db.all<{ product_id: number; file: string }>(
		sql`SELECT pm.product_id, m.file FROM product_media pm JOIN media m ON m.id = pm.media_id
		    WHERE pm.product_id IN (${idList}) AND pm.role = 'image'
		    ORDER BY pm.product_id, pm.variant_id IS NOT NULL, pm.position`
	);
	const models = new Set(
		db.all<{ product_id: number }>(sql`SELECT DISTINCT product_id FROM product_media WHERE product_id IN (${idList}) AND role = 'model3d'`).map((r) => r.product_id)
	);
	const thumbs = new Map<number, string>();
	for (const i of images) if (!thumbs.has(i.product_id)) thumbs.set(i.product_id, i.file);
	const ratios = new Map<number, Record<string, number>>();
	for (const c of completeness) (ratios.get(c.product_id) ?? ratios.set(c.product_id, {}).get(c.product_id)!)[c.channel] = c.ratio;
	const byId = new Map(products.map((p) => [p.id, p]));
	return ids.flatMap((id) => {
		const p = byId.get(id);
		if (!p) return [];
		const names = p.names ? (JSON.parse(p.names) as Record<string, unknown>) : {};
		const name = [names[fallback], ...Object.values(names)].find((n): n is string => typeof n === 'string' && n.trim() !== '') ?? null;
		const fam = def.familiesById.get(p.family_id);
		return [
			{
				id,
				code: p.code,
				name,
				family: fam?.code ?? '',
				familyLabel: fam ? labelIn(fam.label, fallback, fallback) : '',
				status: p.status,
				updatedAt: p.updated_at,
				completeness: ratios.get(id) ?? {},
				thumbnail: thumbs.get(id) ?? null,
				has3d: models.has(id)
			}
		];
	});
}

/**
 * One page of the PIM's product list: text search (FTS5 trigram), filters, sort and
 * pagination, with the total matching. Built to stay fast at 100,000 products: every
 * filter is answered from an index, and rows are read only for the page's own products.
 */
export function listProducts(db: PimDb, def: CatalogDefinition, input: ProductListQueryInput): ProductListResult {
	const q = parseProductListQuery(def, input);
	const plan = planOf(def, q);
	if (plan.empty) return { total: 0, page: q.page, perPage: q.perPage, rows: [] };
	const total = countMatching(db, plan);
	const ids = total > (q.page - 1) * q.perPage ? pageIds(db, def, q, plan, total) : [];
	return { total, page: q.page, perPage: q.perPage, rows: rowsOf(db, def, ids) };
}

/** Every product id matching the list's filters (sort and page ignored), for "select all matching". */
export function listProductIds(db: PimDb, def: CatalogDefinition, input: ProductListQueryInput): number[] {
	const q = parseProductListQuery(def, input);
	const plan = planOf(def, q);
	if (plan.empty) return [];
	const ids = matchingIds(plan);
	const query = ids ? sql`SELECT DISTINCT id FROM (${ids})` : sql`SELECT p.id AS id FROM product p WHERE ${everyProduct}`;
	return db.all<{ id: number }>(query).map((r) => r.id);
}
