import { loadDefinition, readProductListQuery } from '$pim';
import { exportCount } from '$pim/exchange/index.ts';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { listOptions } from '$lib/server/pim-list';
import type { PageServerLoad } from './$types';

/** The list's filters that an export keeps (its sort and page do not matter to a file). */
const FILTERS = ['q', 'family', 'category', 'status', 'incomplete', 'has3d', 'missingLocale'] as const;

// A GET page: it reads the product list's filters from the URL and offers the downloads.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const db = app().db;
	const def = loadDefinition(db);
	const { query } = readProductListQuery(def, Object.fromEntries(event.url.searchParams));
	const filters = Object.fromEntries(FILTERS.filter((f) => query[f]).map((f) => [f, String(query[f])]));
	const options = listOptions(def);
	const labelOf = (f: string, v: string) =>
		f === 'family' ? (options.families.find((x) => x.code === v)?.label ?? v) : f === 'category' ? (options.categories.find((x) => x.code === v)?.label ?? v) : v;
	return {
		count: exportCount(db, { query: filters }),
		filters: Object.entries(filters).map(([name, value]) => ({ name, value, label: labelOf(name, value) })),
		search: new URLSearchParams(filters).toString()
	};
};
