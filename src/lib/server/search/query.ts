import { z } from 'zod';

export const SORTS = ['relevance', 'price_asc', 'price_desc', 'rating', 'newest'] as const;

const ARRAY_KEYS = ['brand', 'colour', 'size'] as const;
const optionCode = z.string().trim().min(1).max(100);

/** The search endpoint's parameters: one schema for the API, the kiosk and the tests. */
export const searchParamsSchema = z
	.object({
		q: z.string().trim().max(200, 'The query is too long (at most 200 characters)').default(''),
		locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Not a locale code such as en or zh-CN').optional(),
		store: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Not a store code').optional(),
		channel: z.enum(['kiosk', 'web']).default('kiosk'),
		category: z.coerce.number().int().positive('Not a category id').optional(),
		brand: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
		colour: z.array(optionCode).max(20).default([]),
		size: z.array(optionCode).max(20).default([]),
		price_min: z.coerce.number().min(0, 'Must be 0 or more').max(1e7).optional(),
		price_max: z.coerce.number().min(0, 'Must be 0 or more').max(1e7).optional(),
		rating: z.coerce.number().int().min(1, 'Between 1 and 5').max(5, 'Between 1 and 5').optional(),
		in_stock: z
			.enum(['1', '0', 'true', 'false'], { message: 'Use 1 or 0' })
			.transform((v) => v === '1' || v === 'true')
			.optional(),
		sort: z.enum(SORTS, { message: `One of ${SORTS.join(', ')}` }).default('relevance'),
		page: z.coerce.number().int().min(1, 'Pages start at 1').max(400, 'At most page 400').default(1),
		per_page: z.coerce.number().int().min(1).max(60, 'At most 60 per page').default(24)
	})
	.strict()
	.refine((p) => p.price_min === undefined || p.price_max === undefined || p.price_min <= p.price_max, {
		message: 'price_min is above price_max',
		path: ['price_min']
	});

export type SearchParams = z.output<typeof searchParamsSchema>;

/** Reads URL search parameters into the schema's shape (repeated keys for lists). */
export function paramsFromUrl(sp: URLSearchParams): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(sp.keys())) {
		if ((ARRAY_KEYS as readonly string[]).includes(key)) out[key] = sp.getAll(key).flatMap((v) => v.split(',')).filter(Boolean);
		else {
			const all = sp.getAll(key);
			out[key] = all.length > 1 ? all : all[0];
		}
	}
	return out;
}
