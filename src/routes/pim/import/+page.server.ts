import { fail, redirect } from '@sveltejs/kit';
import { ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import { createImport, MAX_IMPORT_BYTES, recentImports } from '$lib/server/imports';
import type { Actions, PageServerLoad } from './$types';

const ctx = () => ({ db: app().db, dataDir: app().config.dataDir });

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	return { recent: recentImports(ctx()), maxMb: MAX_IMPORT_BYTES / 1024 / 1024 };
};

export const actions = {
	/** Keeps the uploaded files and opens the run's page, where the user chooses how to import them. */
	upload: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const form = await event.request.formData().catch(() => null);
		if (!form) return fail(400, { message: 'Send the files as a form upload.' });
		const files = form.getAll('files').filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
		let id: number;
		try {
			id = await createImport(ctx(), authorOf(user), files);
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { message: e.issues[0]?.message ?? e.message });
			throw e;
		}
		redirect(303, `/pim/import/${id}`);
	}
} satisfies Actions;
