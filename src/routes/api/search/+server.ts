import { json } from '@sveltejs/kit';
import { ValidationError } from '$pim';
import * as analytics from '$lib/server/analytics';
import { app } from '$lib/server/app';
import { paramsFromUrl, searchParamsSchema } from '$lib/server/search/query';
import { searchProducts } from '$lib/server/search/search';
import type { RequestHandler } from './$types';

/** A 400 that names every bad parameter and why. */
function badParameters(issues: { parameter: string; message: string }[]) {
	return json({ error: `Bad parameter: ${issues.map((i) => `${i.parameter} (${i.message})`).join('; ')}`, issues }, { status: 400 });
}

// JSON, not a page: the kiosk calls it on every keystroke, and other channels use it too.
export const GET: RequestHandler = async (event) => {
	const { url, locals } = event;
	const raw = paramsFromUrl(url.searchParams);
	// A bound kiosk searches its own store unless the request names one.
	if (raw.store === undefined && locals.kiosk) raw.store = locals.kiosk.storeCode;
	const parsed = searchParamsSchema.safeParse(raw);
	if (!parsed.success)
		return badParameters(parsed.error.issues.map((i) => ({ parameter: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : ''), message: i.message })));
	const { db, searchMeili, health } = app();
	try {
		const result = await searchProducts({ db, meili: searchMeili, health }, parsed.data);
		// Every keystroke arrives here: the recorder keeps only the query the shopper settles on.
		analytics.trackSearch(parsed.data.q, result.total, event);
		return json(result, { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		if (e instanceof ValidationError) return badParameters(e.issues.map((i) => ({ parameter: i.path, message: i.message })));
		throw e;
	}
};
