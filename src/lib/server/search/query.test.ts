import { describe, expect, it } from 'vitest';
import { paramsFromUrl, searchParamsSchema } from './query.ts';
import { highlightParts } from './search.ts';

const parse = (qs: string) => searchParamsSchema.safeParse(paramsFromUrl(new URLSearchParams(qs)));

describe('search parameters', () => {
	it('reads lists from repeated or comma-separated keys and applies defaults', () => {
		const r = parse('q=chair&colour=red&colour=blue&size=S,M&in_stock=1&price_max=99.5');
		expect(r.success && r.data).toMatchObject({ q: 'chair', colour: ['red', 'blue'], size: ['S', 'M'], in_stock: true, price_max: 99.5, sort: 'relevance', page: 1, per_page: 24 });
	});

	it('refuses unknown keys, bad values and impossible ranges, saying which', () => {
		const paths = (qs: string) => {
			const r = parse(qs);
			expect(r.success).toBe(false);
			return r.error!.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join() : i.path.join('.')));
		};
		expect(paths('q=a&page=0&per_page=500')).toEqual(['page', 'per_page']);
		expect(paths('sort=cheapest')).toEqual(['sort']);
		expect(paths('price_min=50&price_max=10')).toEqual(['price_min']);
		expect(paths('rating=9&in_stock=maybe')).toEqual(['rating', 'in_stock']);
		expect(paths('drop=table')).toEqual(['drop']);
		expect(paths(`q=${'x'.repeat(201)}`)).toEqual(['q']);
	});
});

describe('highlighting', () => {
	it('splits marked text into parts so pages never render HTML from the index', () => {
		expect(highlightParts('Oak \u0002dining\u0003 chair')).toEqual([
			{ text: 'Oak ', hit: false },
			{ text: 'dining', hit: true },
			{ text: ' chair', hit: false }
		]);
		expect(highlightParts('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', hit: false }]);
	});
});
