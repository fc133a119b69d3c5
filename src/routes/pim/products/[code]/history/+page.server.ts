import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	ALL,
	ConflictError,
	diffProductStates,
	getProduct,
	listVersions,
	loadDefinition,
	NotFoundError,
	productStateAt,
	readLocalized,
	restoreVersion,
	ValidationError
} from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

/** The PIM is an English tool: labels in the diff are English, else the catalog's fallback. */
const UI_LOCALE = 'en';

const revisionSchema = z.coerce.number().int().positive();

const restoreSchema = z.object({
	revision: revisionSchema,
	/** The revision the page showed as current: a second click, or someone else's save meanwhile, is refused. */
	current: revisionSchema
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const product = getProduct(db, event.params.code);
	if (!product) error(404, 'Product not found');
	const def = loadDefinition(db);
	const versions = listVersions(db, product.id);
	const known = new Set(versions.map((v) => v.revision));
	const chosen = (name: string, fallback: number) => {
		const parsed = revisionSchema.safeParse(event.url.searchParams.get(name));
		return parsed.success && known.has(parsed.data) ? parsed.data : fallback;
	};
	const to = chosen('to', product.revision);
	const from = chosen('from', known.has(to - 1) ? to - 1 : to);
	const before = productStateAt(db, product.id, from);
	const after = productStateAt(db, product.id, to);
	const restored = z.object({ restored: revisionSchema, as: revisionSchema }).safeParse(Object.fromEntries(event.url.searchParams));
	const name = readLocalized(product.values, 'name', ALL, UI_LOCALE, def.fallbackLocale);
	return {
		product: { code: product.code, name: typeof name === 'string' && name ? name : product.code, revision: product.revision, status: product.status },
		versions,
		from,
		to,
		changes: before && after ? diffProductStates(def, before, after, UI_LOCALE) : null,
		restored: restored.success ? restored.data : null
	};
};

export const actions = {
	restore: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const parsed = restoreSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { revision: null, message: 'Choose a revision to restore.' });
		const { revision, current } = parsed.data;
		const { db } = app();
		const product = getProduct(db, event.params.code);
		if (!product) error(404, 'Product not found');
		if (product.revision !== current)
			return fail(409, { revision, message: `The product changed meanwhile (now at revision ${product.revision}). Check the history below before restoring.` });
		let restoredAs: number;
		try {
			restoredAs = restoreVersion(db, product.id, revision, authorOf(user)).revision;
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { revision, message: e.message });
			if (e instanceof ConflictError) return fail(409, { revision, message: e.message });
			if (e instanceof NotFoundError) return fail(404, { revision, message: e.message });
			throw e;
		}
		redirect(303, `/pim/products/${encodeURIComponent(product.code)}/history?restored=${revision}&as=${restoredAs}`);
	}
} satisfies Actions;
