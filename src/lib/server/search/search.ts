import { sql } from 'drizzle-orm';
import type { Meilisearch, SearchParams as MeiliParams } from 'meilisearch';
import { IMAGE_WIDTHS, imageFile, labelIn, loadDefinition, ValidationError } from '$pim';
import type { AppDb } from '../db/index.ts';
import { store as storeTable } from '../db/store.schema.ts';
import { PRODUCTS_INDEX } from './client.ts';
import { localeField, type SearchDocument } from './documents.ts';
import type { SearchParams } from './query.ts';
import { buildDocuments, isUnreachable } from './sync.ts';
import type { FacetValue, HighlightPart, SearchHit, SearchResult } from '../../search-types.ts';

export type { FacetValue, HighlightPart, SearchHit, SearchResult };

const PRE = '\u0002';
const POST = '\u0003';

/** Splits Meilisearch's highlighted text into parts, so pages render it without HTML. */
export function highlightParts(formatted: string): HighlightPart[] {
	const parts: HighlightPart[] = [];
	for (const chunk of formatted.split(PRE)) {
		const end = chunk.indexOf(POST);
		if (end === -1) {
			if (chunk) parts.push({ text: chunk, hit: false });
			continue;
		}
		if (end > 0) parts.push({ text: chunk.slice(0, end), hit: true });
		if (end < chunk.length - 1) parts.push({ text: chunk.slice(end + 1), hit: false });
	}
	return parts;
}

/** Knows whether Meilisearch answers; after a failure searches go degraded for a second, then try again. */
export class MeiliHealth {
	#downUntil = 0;
	get down() {
		return Date.now() < this.#downUntil;
	}
	markDown(ms = 1000) {
		this.#downUntil = Date.now() + ms;
	}
	markUp() {
		this.#downUntil = 0;
	}
}

interface Labels {
	at: number;
	locales: string[];
	fallback: string;
	categories: Map<number, Record<string, string>>;
	options: Map<string, Map<string, { label: Record<string, string>; hex: string | null }>>;
	stores: Map<string, { currency: string }>;
	defaultCurrency: string;
}

export interface SearchDeps {
	db: AppDb;
	/** A client whose timeout is the short search timeout. */
	meili: Meilisearch;
	health: MeiliHealth;
	/** Base URL of media files. */
	mediaBase?: string;
}

const labelCache = new WeakMap<AppDb, Labels>();

/** Labels for facets, read from the catalog and cached for a few seconds (they change rarely). */
function labels(db: AppDb): Labels {
	const cached = labelCache.get(db);
	if (cached && Date.now() - cached.at < 5000) return cached;
	const def = loadDefinition(db);
	const options = new Map<string, Map<string, { label: Record<string, string>; hex: string | null }>>();
	for (const code of ['colour', 'size']) {
		const attr = def.attributes.get(code);
		options.set(code, new Map([...(attr?.options ?? new Map()).entries()].map(([k, o]) => [k, { label: o.label, hex: o.hex }])));
	}
	const stores = new Map(db.select({ code: storeTable.code, currency: storeTable.currency }).from(storeTable).all().map((s) => [s.code, s]));
	const kiosk = def.channels.get('kiosk') ?? [...def.channels.values()][0];
	const fresh: Labels = {
		at: Date.now(),
		locales: def.locales,
		fallback: def.fallbackLocale,
		categories: new Map([...def.categoriesById].map(([id, c]) => [id, c.label])),
		options,
		stores,
		defaultCurrency: kiosk?.currencies[0] ?? 'USD'
	};
	labelCache.set(db, fresh);
	return fresh;
}

function fractionDigits(currency: string): number {
	return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Checks parameters that depend on the catalog (locale, store) and resolves the currency. */
function resolveContext(db: AppDb, p: SearchParams) {
	const l = labels(db);
	const locale = p.locale ?? l.fallback;
	if (!l.locales.includes(locale)) throw new ValidationError('Bad parameter', [{ path: 'locale', message: `Unknown locale ${locale}; use one of ${l.locales.join(', ')}` }]);
	let currency = l.defaultCurrency;
	if (p.store) {
		const s = l.stores.get(p.store);
		if (!s) throw new ValidationError('Bad parameter', [{ path: 'store', message: `Unknown store ${p.store}` }]);
		currency = s.currency;
	}
	return { l, locale, currency, scale: 10 ** fractionDigits(currency) };
}

function mediaUrls(base: string, file: string | null) {
	if (!file) return null;
	return {
		src: `${base}/${imageFile(file, 640)}`,
		srcset: IMAGE_WIDTHS.map((w) => `${base}/${imageFile(file, w)} ${w}w`).join(', ')
	};
}

function toHit(doc: SearchDocument, formatted: Record<string, unknown> | undefined, ctx: { locale: string; fallback: string; currency: string; store?: string; mediaBase: string }): SearchHit {
	const nameField = localeField('name', ctx.locale);
	const fallbackField = localeField('name', ctx.fallback);
	const name = (doc[nameField] as string | undefined) || (doc[fallbackField] as string | undefined) || doc.code;
	const hl = (formatted?.[nameField] as string | undefined) || (formatted?.[fallbackField] as string | undefined);
	const amount = doc[`price_${ctx.currency}`] as number | undefined;
	const regular = doc[`price_regular_${ctx.currency}`] as number | undefined;
	return {
		id: doc.id,
		code: doc.code,
		name,
		nameParts: hl ? highlightParts(hl) : [{ text: name, hit: false }],
		brand: doc.brand,
		image: mediaUrls(ctx.mediaBase, doc.image),
		price:
			amount === undefined
				? null
				: { amount, regular: regular !== undefined && regular > amount ? regular : null, max: (doc[`price_max_${ctx.currency}`] as number) ?? amount, currency: ctx.currency },
		rating: doc.rating,
		reviewCount: doc.review_count,
		inStockHere: ctx.store ? doc.stores_in_stock.includes(ctx.store) : null,
		deliverable: doc.deliverable
	};
}

function quote(v: string) {
	return JSON.stringify(v);
}

/**
 * Searches the catalog through Meilisearch; when it cannot be reached or is too slow,
 * answers from SQLite's full-text index instead (`degraded: true`, no facets).
 */
export async function searchProducts(deps: SearchDeps, p: SearchParams): Promise<SearchResult> {
	const { db } = deps;
	const { l, locale, currency, scale } = resolveContext(db, p);
	const mediaBase = deps.mediaBase ?? '/media';
	const ctx = { locale, fallback: l.fallback, currency, store: p.store, mediaBase };
	if (!deps.health.down) {
		try {
			const result = await searchMeili(deps.meili, p, { ...ctx, l, scale });
			deps.health.markUp();
			return result;
		} catch (e) {
			if (!isUnreachable(e)) throw e;
			deps.health.markDown();
		}
	}
	return searchDegraded(db, p, ctx);
}

async function searchMeili(
	meili: Meilisearch,
	p: SearchParams,
	ctx: { locale: string; fallback: string; currency: string; store?: string; mediaBase: string; l: Labels; scale: number }
): Promise<SearchResult> {
	const priceField = `price_${ctx.currency}`;
	const filter: string[] = [`channels = ${quote(p.channel)}`];
	if (p.category) filter.push(`category_ids = ${p.category}`);
	if (p.brand.length) filter.push(`brand IN [${p.brand.map(quote).join(', ')}]`);
	if (p.colour.length) filter.push(`colours IN [${p.colour.map(quote).join(', ')}]`);
	if (p.size.length) filter.push(`sizes IN [${p.size.map(quote).join(', ')}]`);
	if (p.price_min !== undefined) filter.push(`${priceField} >= ${Math.round(p.price_min * ctx.scale)}`);
	if (p.price_max !== undefined) filter.push(`${priceField} <= ${Math.round(p.price_max * ctx.scale)}`);
	if (p.rating) filter.push(`rating_floor >= ${p.rating}`);
	if (p.in_stock && p.store) filter.push(`stores_in_stock = ${quote(p.store)}`);
	const sort =
		p.sort === 'price_asc' ? [`${priceField}:asc`]
		: p.sort === 'price_desc' ? [`${priceField}:desc`]
		: p.sort === 'rating' ? ['rating:desc', 'review_count:desc']
		: p.sort === 'newest' ? ['created_at:desc']
		: undefined;
	const nameFields = [...new Set([localeField('name', ctx.locale), localeField('name', ctx.fallback)])];
	const params = {
		filter,
		facets: ['category_ids', 'brand', 'colours', 'sizes', 'rating_floor', priceField, ...(p.store ? ['stores_in_stock'] : [])],
		sort,
		page: p.page,
		hitsPerPage: p.per_page,
		attributesToRetrieve: ['id', 'code', 'brand', 'image', 'rating', 'review_count', 'stores_in_stock', 'deliverable', ...nameFields, priceField, `price_max_${ctx.currency}`, `price_regular_${ctx.currency}`],
		attributesToHighlight: nameFields,
		highlightPreTag: PRE,
		highlightPostTag: POST
	} satisfies MeiliParams;
	const res = await meili.index<SearchDocument>(PRODUCTS_INDEX).search(p.q, params);
	const dist = res.facetDistribution ?? {};
	const fv = (field: string, label: (v: string) => string, extra?: (v: string) => Partial<FacetValue>): FacetValue[] =>
		Object.entries(dist[field] ?? {}).map(([value, count]) => ({ value, label: label(value), count, ...extra?.(value) }));
	const opt = (attr: string) => (v: string) => {
		const o = ctx.l.options.get(attr)?.get(v);
		return o ? labelIn(o.label, ctx.locale, ctx.fallback) : v;
	};
	const stats = res.facetStats?.[priceField];
	return {
		query: p.q,
		degraded: false,
		total: res.totalHits ?? 0,
		page: res.page ?? p.page,
		perPage: p.per_page,
		pages: res.totalPages ?? 0,
		currency: ctx.currency,
		store: p.store ?? null,
		hits: res.hits.map((h) => toHit(h, h._formatted as Record<string, unknown> | undefined, ctx)),
		facets: {
			category: fv('category_ids', (v) => {
				const label = ctx.l.categories.get(Number(v));
				return label ? labelIn(label, ctx.locale, ctx.fallback) : v;
			}),
			brand: fv('brand', (v) => v),
			colour: fv('colours', opt('colour'), (v) => ({ hex: ctx.l.options.get('colour')?.get(v)?.hex ?? null })),
			size: fv('sizes', opt('size')),
			rating: fv('rating_floor', (v) => `${v}+`).filter((f) => f.value !== '0'),
			price: stats ? { min: stats.min / ctx.scale, max: stats.max / ctx.scale } : null,
			inStock: p.store ? (dist.stores_in_stock?.[p.store] ?? 0) : null
		},
		processingTimeMs: res.processingTimeMs
	};
}

function likePattern(s: string) {
	return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The fallback search over SQLite FTS5 (trigram): name, brand, SKU, GTIN, category; category filter only. */
export function searchDegraded(
	db: AppDb,
	p: SearchParams,
	ctx: { locale: string; fallback: string; currency: string; store?: string; mediaBase: string }
): SearchResult {
	const started = performance.now();
	const tokens = p.q.split(/\s+/).filter(Boolean).slice(0, 8);
	const long = tokens.filter((t) => [...t].length >= 3);
	const short = tokens.filter((t) => [...t].length < 3);
	const where = [sql`t.channels LIKE ${likePattern(`,${p.channel},`)} ESCAPE '\\'`];
	if (p.category) where.push(sql`t.category_ids LIKE ${`%,${p.category},%`}`);
	for (const s of short) {
		const pat = likePattern(s);
		where.push(sql`(t.names LIKE ${pat} ESCAPE '\\' OR t.brand LIKE ${pat} ESCAPE '\\' OR t.skus LIKE ${pat} ESCAPE '\\' OR t.categories LIKE ${pat} ESCAPE '\\')`);
	}
	const match = long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
	const join = match ? sql`JOIN product_fts f ON f.rowid = t.product_id AND product_fts MATCH ${match}` : sql``;
	const cond = sql.join(where, sql` AND `);
	const order = match ? sql`ORDER BY bm25(product_fts, 10.0, 3.0, 5.0, 5.0, 1.0)` : sql`ORDER BY t.product_id DESC`;
	const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product_search_text t ${join} WHERE ${cond}`).n;
	const ids = db
		.all<{ id: number }>(sql`SELECT t.product_id AS id FROM product_search_text t ${join} WHERE ${cond} ${order} LIMIT ${p.per_page} OFFSET ${(p.page - 1) * p.per_page}`)
		.map((r) => r.id);
	const docs = new Map(buildDocuments(db, ids).upserts.map((d) => [d.id, d]));
	const hits = ids.flatMap((id) => {
		const d = docs.get(id);
		return d ? [toHit(d, undefined, ctx)] : [];
	});
	return {
		query: p.q,
		degraded: true,
		total,
		page: p.page,
		perPage: p.per_page,
		pages: Math.ceil(total / p.per_page),
		currency: ctx.currency,
		store: p.store ?? null,
		hits,
		facets: null,
		processingTimeMs: Math.round(performance.now() - started)
	};
}
