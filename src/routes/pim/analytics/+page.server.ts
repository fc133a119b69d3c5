import * as analytics from '$lib/server/analytics';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const stores = analytics.reportStores(db);
	// A bad parameter is named on the page and replaced by its default: the page still answers.
	const { filter, issues } = analytics.readReportFilter(event.url.searchParams, stores);
	return {
		stores: stores.map(({ code, name }) => ({ code, name })),
		filter,
		issues,
		report: analytics.analyticsReport(db, filter)
	};
};
