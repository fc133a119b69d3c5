import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { saveStore, WEEKDAYS, type StoreInput } from '$lib/server/stores';
import { failFrom, storeOf } from '$lib/server/structure-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	return {};
};

export const actions = {
	create: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const input = storeOf(await event.request.formData(), WEEKDAYS) as StoreInput;
		try {
			saveStore(app().db, input, { existing: null });
		} catch (e) {
			return failFrom(e, 'store');
		}
		redirect(303, `/pim/structure/stores/${encodeURIComponent(input.code)}`);
	}
} satisfies Actions;
