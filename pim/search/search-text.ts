import type { CompletenessRow } from '../completeness/completeness.ts';
import type { CatalogDefinition } from '../catalog/definition.ts';
import { categoryPath } from '../catalog/definition.ts';
import type { ProductData } from '../catalog/input.ts';
import type { PimDb } from '../db.ts';
import type { Database, Statement } from 'better-sqlite3';
import { ALL } from '../catalog/values.ts';
import { gtinForms } from '../catalog/gtin.ts';

/** Channels a product shows on: published, and complete for that channel in the fallback locale. */
export function visibleChannels(status: string, rows: CompletenessRow[], fallbackLocale: string): string[] {
	if (status !== 'published') return [];
	return rows.filter((r) => r.locale === fallbackLocale && r.ratio === 100).map((r) => r.channel).sort();
}

const UPSERT = `INSERT INTO product_search_text (product_id, names, brand, skus, gtins, categories, category_ids, channels, updated_at)
	VALUES (@productId, @names, @brand, @skus, @gtins, @categories, @categoryIds, @channels, @updatedAt)
	ON CONFLICT (product_id) DO UPDATE SET names = excluded.names, brand = excluded.brand, skus = excluded.skus, gtins = excluded.gtins,
		categories = excluded.categories, category_ids = excluded.category_ids, channels = excluded.channels, updated_at = excluded.updated_at`;

// Prepared once per connection: every product save (and an import's thousands) runs it.
const upserts = new WeakMap<Database, Statement>();

/** Writes the text the degraded (SQLite FTS5) search matches against. */
export function writeSearchText(db: PimDb, def: CatalogDefinition, productId: number, data: ProductData, rows: CompletenessRow[]) {
	const names = Object.values(data.values.name?.[ALL] ?? {}).filter((v): v is string => typeof v === 'string');
	const brand = data.values.brand?.[ALL]?.[ALL];
	const leaves = data.variants.flatMap((v) => (v.children.length ? v.children : [v]));
	const catIds = new Set<number>();
	const catLabels = new Set<string>();
	for (const code of data.categories) {
		const c = def.categories.get(code);
		if (!c) continue;
		for (const node of categoryPath(def, c.id)) {
			catIds.add(node.id);
			for (const l of Object.values(node.label)) catLabels.add(l);
		}
	}
	const row = {
		productId,
		names: names.join(' | '),
		brand: typeof brand === 'string' ? brand : '',
		skus: [data.code, ...leaves.map((l) => l.code)].join(' '),
		// Both the 14-digit form and the printed EAN/UPC form, so either typed finds it.
		gtins: leaves.flatMap((l) => (l.gtin ? gtinForms(l.gtin) : [])).join(' '),
		categories: [...catLabels].join(' | '),
		categoryIds: `,${[...catIds].join(',')},`,
		channels: `,${visibleChannels(data.status, rows, def.fallbackLocale).join(',')},`,
		updatedAt: new Date().toISOString()
	};
	let upsert = upserts.get(db.$client);
	if (!upsert) upserts.set(db.$client, (upsert = db.$client.prepare(UPSERT)));
	upsert.run(row);
}
