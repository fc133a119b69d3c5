import {
	completenessSortChannel,
	imageFile,
	labelIn,
	listProductIds,
	listProducts,
	loadDefinition,
	readProductListQuery,
	type CatalogDefinition,
	type CategoryDef,
	type Issue,
	type ProductListQuery,
	type ProductListRow
} from '$pim';
import type { AppDb } from './db/index.ts';

/** A row as the list page shows it: the thumbnail as a URL. */
export type ProductListItem = Omit<ProductListRow, 'thumbnail'> & { thumbnail: string | null };

/** Choices the list's filters and bulk actions offer, in the fallback locale. */
export interface ProductListOptions {
	families: { code: string; label: string }[];
	/** Tree order; `depth` 0 for roots. */
	categories: { code: string; label: string; depth: number }[];
	channels: { code: string; label: string }[];
	locales: { code: string; label: string }[];
	/** Attributes a bulk action can set (not images, 3D models or prices). */
	attributes: { code: string; label: string; type: string; localizable: boolean; perChannel: boolean; unit: string | null; options: { code: string; label: string }[] }[];
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function localeLabel(code: string): string {
	try {
		return `${languageNames.of(code) ?? code} (${code})`;
	} catch {
		return code;
	}
}

/** The filter and bulk-action choices, read from the catalog definition. */
export function listOptions(def: CatalogDefinition): ProductListOptions {
	const fb = def.fallbackLocale;
	const label = (l: Record<string, string>, fallback: string) => labelIn(l, fb, fb) || fallback;
	const children = new Map<number | null, CategoryDef[]>();
	for (const c of def.categories.values()) {
		const list = children.get(c.parentId) ?? [];
		list.push(c);
		children.set(c.parentId, list);
	}
	const categories: ProductListOptions['categories'] = [];
	const walk = (parent: number | null, depth: number) => {
		for (const c of children.get(parent) ?? []) {
			categories.push({ code: c.code, label: label(c.label, c.code), depth });
			if (depth < 10) walk(c.id, depth + 1);
		}
	};
	walk(null, 0);
	return {
		families: [...def.families.values()].map((f) => ({ code: f.code, label: label(f.label, f.code) })).sort((a, b) => a.label.localeCompare(b.label)),
		categories,
		channels: [...def.channels.values()].map((c) => ({ code: c.code, label: label(c.label, c.code) })),
		locales: def.locales.map((code) => ({ code, label: localeLabel(code) })),
		attributes: [...def.attributes.values()]
			.filter((a) => a.type !== 'image' && a.type !== 'model3d' && a.type !== 'price')
			.map((a) => ({
				code: a.code,
				label: label(a.label, a.code),
				type: a.type,
				localizable: a.localizable,
				perChannel: a.perChannel,
				unit: a.unit,
				options: [...a.options].map(([code, o]) => ({ code, label: label(o.label, code) }))
			}))
	};
}

/**
 * Everything the product list page shows for a URL: the query read leniently (bad
 * parameters reported per field, not fatal), one page of rows and the filter choices.
 */
export function productListPage(db: AppDb, params: URLSearchParams) {
	const def = loadDefinition(db);
	const { query, issues } = readProductListQuery(def, Object.fromEntries(params));
	const result = listProducts(db, def, query);
	const rows: ProductListItem[] = result.rows.map((r) => ({ ...r, thumbnail: r.thumbnail ? `/media/${imageFile(r.thumbnail, 320)}` : null }));
	return {
		query,
		errors: fieldErrors(issues),
		total: result.total,
		pages: Math.max(1, Math.ceil(result.total / query.perPage)),
		rows,
		fallbackLocale: def.fallbackLocale,
		sortChannel: completenessSortChannel(def),
		options: listOptions(def)
	};
}

/** Every product id matching the filters of a list URL's query string. */
export function matchingProductIds(db: AppDb, search: string): number[] {
	const def = loadDefinition(db);
	const { query } = readProductListQuery(def, Object.fromEntries(new URLSearchParams(search)));
	return listProductIds(db, def, query);
}

/** Issues as one message per top-level field, for showing next to that field. */
export function fieldErrors(issues: Issue[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) out[i.path.split('.')[0] || 'form'] ??= i.message;
	return out;
}

export type { ProductListQuery };
