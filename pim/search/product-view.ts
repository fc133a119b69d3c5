import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { price, product, productCategory, variant, type RawValues } from '../catalog/catalog.schema.ts';
import { categoryPath, type CatalogDefinition } from '../catalog/definition.ts';
import { ALL } from '../catalog/values.ts';
import { isSaleActive } from '../catalog/input.ts';
import { completeness } from '../completeness/completeness.schema.ts';
import type { PimDb } from '../db.ts';
import { media, productMedia } from '../media/media.schema.ts';
import { review } from '../reviews/reviews.schema.ts';
import { visibleChannels } from './search-text.ts';

/** Attribute codes the search facets read colours and sizes from. */
export const COLOUR_ATTRIBUTE = 'colour';
export const SIZE_ATTRIBUTE = 'size';

export interface SellableView {
	id: number;
	code: string;
	gtin: string | null;
	axes: Record<string, string>;
}

/** The PIM's part of a product's search document: everything but availability. */
export interface ProductSearchView {
	id: number;
	code: string;
	family: string;
	status: 'draft' | 'published' | 'archived';
	channels: string[];
	name: Record<string, string>;
	description: Record<string, string>;
	/** Pinyin of the Chinese name and category path, spaced and joined ("yi zi yizi"), so Latin typing finds them. */
	namePinyin: string;
	brand: string;
	categoryIds: number[];
	/** Labels of the primary category's path, root first, per locale. */
	categoryPath: Record<string, string[]>;
	colours: string[];
	sizes: string[];
	skus: string[];
	gtins: string[];
	sellables: SellableView[];
	/** Lowest and highest price now (sale applied) and lowest regular price, per currency, minor units. */
	prices: Record<string, { min: number; max: number; regularMin: number }>;
	rating: number | null;
	reviewCount: number;
	image: string | null;
	createdAt: number;
}

/** Strips tags and collapses whitespace, for indexing rich text. */
export function plainText(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Pinyin forms of a Chinese text: the syllables spaced, plus every run of two or more
 * syllables written together, so "fushouyi" or "yizi" typed on a Latin keyboard finds
 * 胡桃木扶手椅 or 椅子 (search engines match whole words and prefixes, not the middle of one).
 */
export function pinyinForms(text: string): string {
	if (!/[\u4e00-\u9fff]/.test(text)) return '';
	const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter((s) => /^[a-z]+$/.test(s));
	const forms = new Set([syllables.join(' ')]);
	const max = Math.min(syllables.length, 12);
	for (let start = 0; start < max; start++)
		for (let end = start + 2; end <= max; end++) forms.add(syllables.slice(start, end).join(''));
	return [...forms].join(' ');
}

function localizedStrings(values: RawValues, code: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [loc, v] of Object.entries(values[code]?.[ALL] ?? {})) if (typeof v === 'string') out[loc] = v;
	return out;
}

function optionValues(values: RawValues, code: string): string[] {
	const v = values[code]?.[ALL]?.[ALL];
	return typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : [];
}


/** Builds the search views of the given products (missing ids are left out), a few queries per batch. */
export function productSearchViews(db: PimDb, def: CatalogDefinition, ids: number[], today = new Date().toISOString().slice(0, 10)): ProductSearchView[] {
	if (ids.length === 0) return [];
	const rows = db.select().from(product).where(inArray(product.id, ids)).all();
	const vars = db.select().from(variant).where(inArray(variant.productId, ids)).orderBy(asc(variant.position), asc(variant.id)).all();
	const leafIds = vars.filter((v) => v.sellable).map((v) => v.id);
	const prices = leafIds.length ? db.select().from(price).where(inArray(price.variantId, leafIds)).all() : [];
	const cats = db.select().from(productCategory).where(inArray(productCategory.productId, ids)).all();
	const comp = db
		.select({ productId: completeness.productId, channel: completeness.channel, locale: completeness.locale, ratio: completeness.ratio, required: completeness.required, missing: completeness.missing })
		.from(completeness)
		.where(and(inArray(completeness.productId, ids), eq(completeness.locale, def.fallbackLocale)))
		.all();
	const ratings = db
		.select({ productId: review.productId, avg: sql<number>`avg(${review.rating})`, n: sql<number>`count(*)` })
		.from(review)
		.where(and(inArray(review.productId, ids), eq(review.status, 'approved')))
		.groupBy(review.productId)
		.all();
	const images = db
		.select({ productId: productMedia.productId, file: media.file, position: productMedia.position, variantId: productMedia.variantId })
		.from(productMedia)
		.innerJoin(media, eq(media.id, productMedia.mediaId))
		.where(and(inArray(productMedia.productId, ids), eq(productMedia.role, 'image')))
		.orderBy(asc(productMedia.position), asc(productMedia.id))
		.all();

	const group = <T, K>(list: T[], key: (t: T) => K) => {
		const m = new Map<K, T[]>();
		for (const x of list) {
			const k = key(x);
			const arr = m.get(k);
			if (arr) arr.push(x);
			else m.set(k, [x]);
		}
		return m;
	};
	const varsBy = group(vars, (v) => v.productId);
	const pricesBy = group(prices, (p) => p.variantId);
	const catsBy = group(cats, (c) => c.productId);
	const compBy = group(comp, (c) => c.productId);
	const ratingBy = new Map(ratings.map((r) => [r.productId, r]));
	const imageBy = new Map<number, string>();
	for (const i of images) if (!imageBy.has(i.productId)) imageBy.set(i.productId, i.file);

	return rows.map((p) => {
		const pv = varsBy.get(p.id) ?? [];
		const leaves = pv.filter((v) => v.sellable);
		const nodes: RawValues[] = [p.values, ...pv.map((v) => v.values)];
		const axisOptions = (code: string) => pv.flatMap((v) => (v.axes[code] ? [v.axes[code]] : []));
		const collect = (code: string) => [...new Set([...nodes.flatMap((n) => optionValues(n, code)), ...axisOptions(code)])];
		const catIds = new Set<number>();
		let primaryPath: Record<string, string[]> = {};
		for (const c of catsBy.get(p.id) ?? []) {
			const path = categoryPath(def, c.categoryId);
			path.forEach((n) => catIds.add(n.id));
			if (Object.keys(primaryPath).length === 0)
				primaryPath = Object.fromEntries(def.locales.map((l) => [l, path.map((n) => n.label[l] || n.label[def.fallbackLocale] || n.code)]));
		}
		const byCurrency: ProductSearchView['prices'] = {};
		for (const leaf of leaves) {
			for (const pr of pricesBy.get(leaf.id) ?? []) {
				const now = pr.saleAmount != null && isSaleActive({ start: pr.saleStart, end: pr.saleEnd }, today) ? pr.saleAmount : pr.amount;
				const cur = (byCurrency[pr.currency] ??= { min: now, max: now, regularMin: pr.amount });
				cur.min = Math.min(cur.min, now);
				cur.max = Math.max(cur.max, now);
				cur.regularMin = Math.min(cur.regularMin, pr.amount);
			}
		}
		const name = localizedStrings(p.values, 'name');
		const description = Object.fromEntries(Object.entries(localizedStrings(p.values, 'description')).map(([l, v]) => [l, plainText(v).slice(0, 2000)]));
		const zh = Object.entries(name).filter(([l]) => l.startsWith('zh')).map(([, v]) => v).join(' ');
		const brand = p.values.brand?.[ALL]?.[ALL];
		const rating = ratingBy.get(p.id);
		const compRows = (compBy.get(p.id) ?? []).map((c) => ({ ...c }));
		return {
			id: p.id,
			code: p.code,
			family: def.familiesById.get(p.familyId)?.code ?? '',
			status: p.status,
			channels: visibleChannels(p.status, compRows, def.fallbackLocale),
			name,
			description,
			namePinyin: [pinyinForms(zh), ...Object.entries(primaryPath).filter(([l]) => l.startsWith('zh')).flatMap(([, path]) => path.map(pinyinForms))].filter(Boolean).join(' '),
			brand: typeof brand === 'string' ? brand : '',
			categoryIds: [...catIds],
			categoryPath: primaryPath,
			colours: collect(COLOUR_ATTRIBUTE),
			sizes: collect(SIZE_ATTRIBUTE),
			skus: leaves.map((l) => l.code),
			gtins: leaves.flatMap((l) => (l.gtin ? [l.gtin] : [])),
			sellables: leaves.map((l) => ({ id: l.id, code: l.code, gtin: l.gtin, axes: l.axes })),
			prices: byCurrency,
			rating: rating ? Math.round(rating.avg * 10) / 10 : null,
			reviewCount: rating?.n ?? 0,
			image: imageBy.get(p.id) ?? null,
			createdAt: Math.floor(Date.parse(p.createdAt) / 1000)
		};
	});
}
