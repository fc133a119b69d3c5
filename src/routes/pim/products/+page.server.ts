import { fail } from '@sveltejs/kit';
import { bulkUpdate, ValidationError, type BulkActionInput } from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import { fieldErrors, matchingProductIds, productListPage } from '$lib/server/pim-list';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	return productListPage(app().db, event.url.searchParams);
};

/** Ids arrive as several `ids` fields (the table's checkboxes) or as one comma list (a batch). */
function idsOf(form: FormData): number[] {
	return form
		.getAll('ids')
		.flatMap((v) => String(v).split(','))
		.map((s) => s.trim())
		.filter(Boolean)
		.map(Number);
}

function actionOf(form: FormData): BulkActionInput {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : undefined;
	};
	return {
		kind: text('kind'),
		category: text('category'),
		mode: text('mode'),
		attribute: text('attribute'),
		locale: text('locale'),
		channel: text('channel'),
		value: text('value') ?? ''
	} as BulkActionInput;
}

export const actions = {
	/**
	 * Applies one action to a batch of up to 500 products. The page sends larger selections
	 * in batches of 200 and shows the progress; products the rules refuse come back in `failed`.
	 */
	bulk: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const form = await event.request.formData();
		try {
			return await bulkUpdate(app().db, idsOf(form), actionOf(form), authorOf(user));
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { message: e.message, errors: fieldErrors(e.issues) });
			throw e;
		}
	},
	/** Every product id matching the filters in `query` (the list's query string), for "select all matching". */
	ids: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const form = await event.request.formData();
		return { ids: matchingProductIds(app().db, String(form.get('query') ?? '')) };
	}
} satisfies Actions;
