import { replaceState } from '$app/navigation';
import type { SearchResult } from '$lib/search-types';

/** The search page's filters, as the URL and /api/search spell them. */
export interface SearchFilters {
	q: string;
	sort: string;
	category: string;
	brand: string[];
	colour: string[];
	size: string[];
	rating: string;
	price_min: string;
	price_max: string;
	in_stock: boolean;
}

export const EMPTY_FILTERS: SearchFilters = { q: '', sort: 'relevance', category: '', brand: [], colour: [], size: [], rating: '', price_min: '', price_max: '', in_stock: false };

/** Reads filters from a URL's search params. */
export function filtersFromUrl(sp: URLSearchParams): SearchFilters {
	const list = (k: string) => sp.getAll(k).flatMap((v) => v.split(',')).filter(Boolean);
	return {
		q: sp.get('q') ?? '',
		sort: sp.get('sort') ?? 'relevance',
		category: sp.get('category') ?? '',
		brand: sp.getAll('brand'),
		colour: list('colour'),
		size: list('size'),
		rating: sp.get('rating') ?? '',
		price_min: sp.get('price_min') ?? '',
		price_max: sp.get('price_max') ?? '',
		in_stock: sp.get('in_stock') === '1'
	};
}

/** Writes filters as search params, leaving out what is empty or default. */
export function filtersToParams(f: SearchFilters): URLSearchParams {
	const sp = new URLSearchParams();
	if (f.q) sp.set('q', f.q);
	if (f.sort && f.sort !== 'relevance') sp.set('sort', f.sort);
	if (f.category) sp.set('category', f.category);
	for (const b of f.brand) sp.append('brand', b);
	for (const c of f.colour) sp.append('colour', c);
	for (const s of f.size) sp.append('size', s);
	if (f.rating) sp.set('rating', f.rating);
	if (f.price_min) sp.set('price_min', f.price_min);
	if (f.price_max) sp.set('price_max', f.price_max);
	if (f.in_stock) sp.set('in_stock', '1');
	return sp;
}

/**
 * The search page's live state: filters, the latest answer and whether one is on its way.
 * Each change searches at once; an answer to an older request is dropped by aborting it.
 */
export class SearchState {
	filters = $state<SearchFilters>({ ...EMPTY_FILTERS });
	result = $state<SearchResult | null>(null);
	pending = $state(false);
	failed = $state(false);
	#controller: AbortController | null = null;

	constructor(
		initial: SearchFilters,
		result: SearchResult,
		private locale: string
	) {
		this.filters = initial;
		this.result = result;
	}

	/** Changes some filters and searches; a new query or filter goes back to page one. */
	update(patch: Partial<SearchFilters>) {
		this.filters = { ...this.filters, ...patch };
		return this.run();
	}

	toggle(key: 'brand' | 'colour' | 'size', value: string) {
		const list = this.filters[key];
		return this.update({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
	}

	clear() {
		return this.update({ ...EMPTY_FILTERS, q: this.filters.q });
	}

	async run() {
		this.#controller?.abort();
		const mine = new AbortController();
		this.#controller = mine;
		this.pending = true;
		const params = filtersToParams(this.filters);
		try {
			params.set('locale', this.locale);
			const res = await fetch(`/api/search?${params}`, { signal: mine.signal });
			if (!res.ok) throw new Error(`search answered ${res.status}`);
			const next = (await res.json()) as SearchResult;
			if (this.#controller !== mine) return;
			this.result = next;
			this.failed = false;
			params.delete('locale');
			const qs = params.toString();
			replaceState(qs ? `?${qs}` : location.pathname, {});
		} catch (e) {
			if ((e as Error).name !== 'AbortError') this.failed = true;
		} finally {
			if (this.#controller === mine) this.pending = false;
		}
	}
}
