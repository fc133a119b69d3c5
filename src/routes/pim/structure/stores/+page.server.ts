import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { CLOSED, listStores, WEEKDAYS } from '$lib/server/stores';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { stores, unattached } = listStores(app().db);
	return {
		stores: stores.map((s) => ({
			code: s.code,
			name: s.name,
			city: s.city,
			country: s.country,
			currency: s.currency,
			taxRate: s.taxRateBp / 100,
			timezone: s.timezone,
			closedOn: WEEKDAYS.filter((d) => (s.openingHours?.[d] ?? CLOSED) === CLOSED),
			locations: s.locations.map((l) => l.code)
		})),
		others: unattached.map((l) => ({ code: l.code, name: l.name, kind: l.kind, ships: l.ships, safetyStock: l.safetyStock }))
	};
};
