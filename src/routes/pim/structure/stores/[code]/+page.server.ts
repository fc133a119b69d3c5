import { error, fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import {
	getStore,
	listStores,
	saveLocation,
	saveStore,
	stockedVariantCounts,
	storeFormValues,
	WEEKDAYS,
	type LocationRow,
	type StoreInput
} from '$lib/server/stores';
import { countOf, failFrom, locationOf, storeOf, textOf } from '$lib/server/structure-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const s = getStore(db, event.params.code);
	if (!s) error(404, 'Store not found');
	const { stores, unattached } = listStores(db);
	const stocked = stockedVariantCounts(db);
	const codeOf = new Map(stores.map((x) => [x.id, x.code]));
	const view = (l: LocationRow) => ({
		location: { code: l.code, name: l.name, kind: l.kind, store: l.storeId === null ? null : (codeOf.get(l.storeId) ?? null), latitude: l.latitude, longitude: l.longitude, safetyStock: l.safetyStock, ships: l.ships },
		stocked: stocked.get(l.id) ?? 0
	});
	return {
		store: storeFormValues(s),
		locations: s.locations.map(view),
		others: unattached.map(view),
		stores: stores.map((x) => ({ code: x.code, name: x.name }))
	};
};

export const actions = {
	save: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const input = storeOf(await event.request.formData(), WEEKDAYS) as StoreInput;
		try {
			saveStore(app().db, input, { existing: event.params.code });
		} catch (e) {
			return failFrom(e, 'store');
		}
		return { form: 'store', success: 'Store saved.' };
	},
	saveLocation: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const data = await event.request.formData();
		const existing = textOf(data, 'existing');
		const form = `location:${existing}`;
		if (!existing) return fail(400, { form, message: 'Which location? Reload the page and try again.', errors: {} as Record<string, string> });
		try {
			const { touched } = saveLocation(app().db, locationOf(data), { existing });
			return { form, success: touched ? `Saved. Sent ${countOf(touched, 'product')} to search for new availability.` : 'Saved.' };
		} catch (e) {
			return failFrom(e, form);
		}
	},
	addLocation: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const data = await event.request.formData();
		try {
			saveLocation(app().db, locationOf(data), { existing: null });
		} catch (e) {
			return failFrom(e, 'location:new');
		}
		return { form: 'location:new', success: `Added location ${textOf(data, 'code')}.` };
	}
} satisfies Actions;
