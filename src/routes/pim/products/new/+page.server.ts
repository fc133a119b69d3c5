import { fail, redirect } from '@sveltejs/kit';
import { ConflictError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import { createDraftProduct, familyChoices } from '$lib/server/pim-editor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	return { families: familyChoices(app().db) };
};

export const actions = {
	create: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const form = await event.request.formData();
		const values = { code: String(form.get('code') ?? '').trim(), family: String(form.get('family') ?? '') };
		let code: string;
		try {
			code = createDraftProduct(app().db, values, authorOf(user));
		} catch (e) {
			if (e instanceof ValidationError || e instanceof ConflictError)
				return fail(e instanceof ConflictError ? 409 : 400, { values, errors: Object.fromEntries(e.issues.map((i) => [i.path, i.message])) as Record<string, string> });
			throw e;
		}
		redirect(303, `/pim/products/${encodeURIComponent(code)}`);
	}
} satisfies Actions;
