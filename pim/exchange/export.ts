import { sql } from 'drizzle-orm';
import type { PimDb } from '../db.ts';
import type { RawValues, LocalizedText } from '../catalog/catalog.schema.ts';
import { loadDefinition, type CatalogDefinition } from '../catalog/definition.ts';
import type { LeafVariantData, PriceData, VariantData } from '../catalog/input.ts';
import { listProductIds, parseProductListQuery, type ProductListQueryInput } from '../catalog/product-list.ts';
import type { ProductState } from '../catalog/products.ts';
import { csvLayout, csvText, productCsvRows, type StoredLookup } from './aisle-csv.ts';
import { catalogJsonHead, productJson } from './aisle-json.ts';

/** Products read per page while exporting: memory stays flat whatever the catalog's size. */
export const EXPORT_PAGE_SIZE = 250;

const ids = (list: number[] | string[]) => JSON.stringify(list);

/**
 * Whole products (values, variants, prices, categories, media) for a list of ids, in that order,
 * in five queries for the lot: what `getProduct` gives one at a time.
 */
export function loadProductStates(db: PimDb, def: CatalogDefinition, productIds: number[]): ProductState[] {
	if (!productIds.length) return [];
	const list = ids(productIds);
	const products = db.all<{ id: number; code: string; family_id: number; status: ProductState['status']; values: string; revision: number; created_at: string; updated_at: string }>(
		sql`SELECT id, code, family_id, status, "values", revision, created_at, updated_at FROM product WHERE id IN (SELECT value FROM json_each(${list}))`
	);
	const cats = db.all<{ product_id: number; category_id: number }>(
		sql`SELECT product_id, category_id FROM product_category WHERE product_id IN (SELECT value FROM json_each(${list}))`
	);
	const vars = db.all<{ id: number; product_id: number; parent_id: number | null; level: number; code: string; gtin: string | null; axes: string; values: string }>(
		sql`SELECT id, product_id, parent_id, level, code, gtin, axes, "values" FROM variant WHERE product_id IN (SELECT value FROM json_each(${list})) ORDER BY product_id, position, id`
	);
	const prices = db.all<{ variant_id: number; currency: string; amount: number; sale_amount: number | null; sale_start: string | null; sale_end: string | null }>(
		sql`SELECT pr.variant_id, pr.currency, pr.amount, pr.sale_amount, pr.sale_start, pr.sale_end FROM price pr JOIN variant v ON v.id = pr.variant_id
		    WHERE v.product_id IN (SELECT value FROM json_each(${list}))`
	);
	const links = db.all<{ product_id: number; media_id: number; role: 'image' | 'model3d'; variant_id: number | null; alt: string }>(
		sql`SELECT product_id, media_id, role, variant_id, alt FROM product_media WHERE product_id IN (SELECT value FROM json_each(${list})) ORDER BY product_id, position`
	);
	const group = <T, K>(rows: T[], key: (r: T) => K) => {
		const out = new Map<K, T[]>();
		for (const r of rows) (out.get(key(r)) ?? out.set(key(r), []).get(key(r))!).push(r);
		return out;
	};
	const catsOf = group(cats, (c) => c.product_id);
	const varsOf = group(vars, (v) => v.product_id);
	const linksOf = group(links, (l) => l.product_id);
	const priceOf = new Map<number, Record<string, PriceData>>();
	for (const p of prices) {
		const out = priceOf.get(p.variant_id) ?? priceOf.set(p.variant_id, {}).get(p.variant_id)!;
		out[p.currency] = { amount: p.amount, sale: p.sale_amount == null ? null : { amount: p.sale_amount, start: p.sale_start, end: p.sale_end } };
	}
	const byId = new Map(products.map((p) => [p.id, p]));
	return productIds.flatMap((id) => {
		const row = byId.get(id);
		if (!row) return [];
		const own = varsOf.get(id) ?? [];
		const leaf = (v: (typeof own)[number]): LeafVariantData => ({
			code: v.code,
			axes: JSON.parse(v.axes) as Record<string, string>,
			values: JSON.parse(v.values) as RawValues,
			gtin: v.gtin,
			prices: priceOf.get(v.id) ?? {}
		});
		const variants: VariantData[] = own.filter((v) => v.level === 1).map((v) => ({ ...leaf(v), children: own.filter((c) => c.parent_id === v.id).map(leaf) }));
		const variantCode = new Map(own.map((v) => [v.id, v.code]));
		return [
			{
				id,
				code: row.code,
				media: (linksOf.get(id) ?? []).map((m) => ({
					media: m.media_id,
					role: m.role,
					variant: m.variant_id == null ? null : (variantCode.get(m.variant_id) ?? null),
					alt: JSON.parse(m.alt) as LocalizedText
				})),
				family: def.familiesById.get(row.family_id)?.code ?? '',
				status: row.status,
				categories: (catsOf.get(id) ?? [])
					.map((c) => def.categoriesById.get(c.category_id)?.code)
					.filter((c): c is string => !!c)
					.sort(),
				values: JSON.parse(row.values) as RawValues,
				variants,
				revision: row.revision,
				createdAt: row.created_at,
				updatedAt: row.updated_at
			}
		];
	});
}

/** Stored products by code, for readers of files that give only some columns. */
export function storedProducts(db: PimDb, def: CatalogDefinition): StoredLookup {
	return (codes) => {
		const rows = db.all<{ id: number }>(sql`SELECT id FROM product WHERE code IN (SELECT value FROM json_each(${ids(codes)}))`);
		return new Map(loadProductStates(db, def, rows.map((r) => r.id)).map((p) => [p.code, p]));
	};
}

/** What to export: the product list's filters (its sort and page are ignored: the export runs in id order). */
export interface ExportOptions {
	query?: ProductListQueryInput;
	pageSize?: number;
}

const hasFilter = (q: ProductListQueryInput) => !!(q.q?.trim() || q.family || q.category || q.status || q.incomplete || q.has3d || q.missingLocale);

/**
 * Ids of the products to export, page by page in id order. Unfiltered, it walks the primary
 * key (keyset paging); filtered, it lists the matching ids once (numbers, not products) and
 * pages through them. Bad filters throw a ValidationError before anything is sent.
 */
export function exportPages(db: PimDb, def: CatalogDefinition, opts: ExportOptions = {}): () => number[] {
	const size = opts.pageSize ?? EXPORT_PAGE_SIZE;
	const query = opts.query ?? {};
	parseProductListQuery(def, query);
	if (!hasFilter(query)) {
		let after = 0;
		return () => {
			const page = db.all<{ id: number }>(sql`SELECT id FROM product WHERE id > ${after} ORDER BY id LIMIT ${size}`).map((r) => r.id);
			if (page.length) after = page[page.length - 1];
			return page;
		};
	}
	const matching = Int32Array.from(listProductIds(db, def, query)).sort();
	let at = 0;
	return () => {
		const page = Array.from(matching.subarray(at, at + size));
		at += page.length;
		return page;
	};
}

/** How many products an export would hold. */
export function exportCount(db: PimDb, opts: ExportOptions = {}): number {
	const def = loadDefinition(db);
	const query = opts.query ?? {};
	parseProductListQuery(def, query);
	if (!hasFilter(query)) return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product`).n;
	return listProductIds(db, def, query).length;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Our CSV of the products the filters match, as text chunks (the header, then one chunk per
 * page), read page by page so 100,000 products never sit in memory at once. With a family
 * filter, only that family's attribute columns are written. Starts with a byte-order mark so
 * spreadsheets read the text as UTF-8.
 */
export async function* exportProductsCsv(db: PimDb, opts: ExportOptions = {}): AsyncGenerator<string> {
	const def = loadDefinition(db);
	const next = exportPages(db, def, opts);
	const family = opts.query?.family ? String(opts.query.family) : undefined;
	const layout = csvLayout(def, family ? [family] : undefined);
	yield `\uFEFF${csvText([layout.header])}`;
	for (let page = next(); page.length; page = next()) {
		const rows = loadProductStates(db, def, page).flatMap((p) => productCsvRows(def, layout, p));
		yield csvText(rows);
		await nextTick();
	}
}

/**
 * Our JSON: the catalog structure, then the products the filters match, one per line, as the
 * JSON import reads them back. Streamed page by page like the CSV.
 */
export async function* exportProductsJson(db: PimDb, opts: ExportOptions = {}): AsyncGenerator<string> {
	const def = loadDefinition(db);
	const next = exportPages(db, def, opts);
	yield `${catalogJsonHead(db, def)},\n"products": [`;
	let first = true;
	for (let page = next(); page.length; page = next()) {
		const parts = loadProductStates(db, def, page).map((p) => JSON.stringify(productJson(p)));
		yield parts.map((text, i) => (first && i === 0 ? '\n' : ',\n') + text).join('');
		first = false;
		await nextTick();
	}
	yield '\n]}\n';
}

/**
 * Text chunks as a byte stream for an HTTP response, `head` first (a chunk already read, e.g. to
 * check the filters before answering). Pulled one chunk at a time, so a slow client slows the export.
 */
export function textStream(chunks: AsyncIterator<string>, head = ''): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		start(controller) {
			if (head) controller.enqueue(encoder.encode(head));
		},
		async pull(controller) {
			try {
				const { value, done } = await chunks.next();
				if (done) controller.close();
				else controller.enqueue(encoder.encode(value));
			} catch (e) {
				controller.error(e);
			}
		},
		async cancel() {
			await chunks.return?.(undefined);
		}
	});
}
