import { createHash } from 'node:crypto';
import type { Locale, Settings } from 'meilisearch';
import { localeField } from './documents.ts';

/** ISO 639-3 codes Meilisearch uses to pick a tokenizer per localized field. */
const MEILI_LOCALES: Record<string, Locale> = {
	en: 'eng',
	zh: 'cmn',
	ru: 'rus',
	de: 'deu',
	fr: 'fra',
	es: 'spa',
	it: 'ita',
	ja: 'jpn',
	ko: 'kor',
	pt: 'por',
	nl: 'nld',
	sv: 'swe',
	pl: 'pol',
	uk: 'ukr',
	ar: 'ara',
	he: 'heb',
	tr: 'tur'
};

/** Meilisearch's built-in ranking rules, in its default order. */
export const BUILT_IN_RANKING_RULES = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] as const;

/** The settings a merchandiser tunes in the PIM, in Meilisearch's shape. */
export type TunedSettings = Required<Pick<Settings, 'synonyms' | 'stopWords' | 'rankingRules' | 'typoTolerance'>>;

/** The currencies the catalog's channels sell in, sorted: each has a price field to filter and sort on. */
export function channelCurrencies(channels: Iterable<{ currencies: string[] }>): string[] {
	return [...new Set([...channels].flatMap((c) => c.currencies))].sort();
}

/**
 * The products index's settings for the catalog's locales and currencies, with the search
 * tuning in force when there is one (so a rebuild or a restart keeps it).
 */
export function productIndexSettings(locales: string[], currencies: string[], tuned?: TunedSettings): Settings {
	const names = locales.map((l) => localeField('name', l));
	return {
		searchableAttributes: [
			...names,
			'name_pinyin',
			'brand',
			'skus',
			'gtins',
			'code',
			...locales.map((l) => localeField('category', l)),
			...locales.map((l) => localeField('description', l))
		],
		filterableAttributes: [
			'category_ids',
			'brand',
			'colours',
			'sizes',
			'rating_floor',
			'channels',
			'stores_in_stock',
			'deliverable',
			'gtins',
			'skus',
			'code',
			...currencies.map((c) => `price_${c}`)
		],
		sortableAttributes: ['rating', 'review_count', 'created_at', ...currencies.map((c) => `price_${c}`)],
		localizedAttributes: locales
			.filter((l) => MEILI_LOCALES[l.split('-')[0]])
			.map((l) => ({ attributePatterns: [`*_${l.replace(/-/g, '_')}`], locales: [MEILI_LOCALES[l.split('-')[0]]] })),
		faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
		pagination: { maxTotalHits: 10_000 },
		typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
		...tuned
	};
}

/** A short fingerprint of settings, recorded to tell whether the live index has them. */
export function settingsHash(settings: Settings): string {
	return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}
