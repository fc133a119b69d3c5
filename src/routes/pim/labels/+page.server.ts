import { loadDefinition, labelIn, categoryPath, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import { LABEL_LOCALES, LABEL_SIZES, labelRequestSchema, labelsFor, type LabelSheet } from '$lib/server/labels';
import { listStores } from '$lib/server/stores';
import type { PageServerLoad } from './$types';

// The form only chooses what to show, so it is a GET form read here rather than an action.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db, config } = app();
	const request = labelRequestSchema.parse(Object.fromEntries(event.url.searchParams));
	const def = loadDefinition(db);
	const categories = [...def.categories.values()]
		.map((c) => ({ code: c.code, label: categoryPath(def, c.id).map((p) => labelIn(p.label, 'en', def.fallbackLocale)).join(' › ') }))
		.sort((a, b) => a.label.localeCompare(b.label));
	const stores = listStores(db).stores.map((s) => ({ code: s.code, name: s.name }));

	let sheet: LabelSheet | null = null;
	let errors: Record<string, string> = {};
	if (request.product || request.category || request.store) {
		try {
			// The QR codes point where shoppers' phones and the kiosks reach this server.
			sheet = await labelsFor(db, request, { locale: request.lang, baseUrl: config.publicUrl ?? event.url.origin });
		} catch (e) {
			if (!(e instanceof ValidationError)) throw e;
			errors = Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
		}
	}
	return { request, categories, stores, sheet, errors, locales: LABEL_LOCALES, sizes: LABEL_SIZES };
};
