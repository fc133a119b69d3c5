import type { Meilisearch } from 'meilisearch';
import { categoryPath, labelIn, loadDefinition } from '$pim';
import type { CategoryCard } from '../catalog-types.ts';
import type { AppDb } from './db/index.ts';
import { PRODUCTS_INDEX } from './search/client.ts';
import { isUnreachable } from './search/sync.ts';

/**
 * The children of a category (or the top level), with product counts and a picture each,
 * from two requests to Meilisearch. Without Meilisearch, labels only.
 */
export async function categoryCards(db: AppDb, meili: Meilisearch, parentId: number | null, locale: string) {
	const def = loadDefinition(db);
	const all = [...def.categoriesById.values()];
	const children = all.filter((c) => c.parentId === parentId).sort((a, b) => a.position - b.position);
	const parent = parentId === null ? null : (def.categoriesById.get(parentId) ?? null);
	const label = (l: Record<string, string>) => labelIn(l, locale, def.fallbackLocale);
	let counts: Record<string, number> = {};
	const images = new Map<number, string | null>();
	try {
		const index = meili.index(PRODUCTS_INDEX);
		const facets = await index.search('', { filter: ['channels = "kiosk"'], facets: ['category_ids'], limit: 0 });
		counts = facets.facetDistribution?.category_ids ?? {};
		const res = await meili.multiSearch({
			queries: children.map((c) => ({
				indexUid: PRODUCTS_INDEX,
				q: '',
				filter: [`channels = "kiosk"`, `category_ids = ${c.id}`],
				sort: ['review_count:desc'],
				limit: 1,
				attributesToRetrieve: ['image']
			}))
		});
		res.results.forEach((r, i) => images.set(children[i].id, (r.hits[0]?.image as string | undefined) ?? null));
	} catch (e) {
		if (!isUnreachable(e)) throw e;
	}
	const cards: CategoryCard[] = children
		.map((c) => ({
			id: c.id,
			label: label(c.label),
			count: Object.keys(counts).length ? (counts[String(c.id)] ?? 0) : null,
			image: images.get(c.id) ?? null,
			hasChildren: all.some((x) => x.parentId === c.id)
		}))
		.filter((c) => c.count === null || c.count > 0);
	return {
		parent: parent ? { id: parent.id, label: label(parent.label), count: counts[String(parent.id)] ?? null } : null,
		trail: parent ? categoryPath(def, parent.id).map((c) => ({ id: c.id, label: label(c.label) })) : [],
		cards
	};
}
