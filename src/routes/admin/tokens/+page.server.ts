import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '$pim';
import { API_SCOPES, createToken, listTokens, revokeToken, SCOPE_LABELS } from '$lib/server/api';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.coerce.number().int().positive();

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return {
		tokens: listTokens(app().db),
		scopes: API_SCOPES.map((code) => ({ code, label: SCOPE_LABELS[code] }))
	};
};

export const actions = {
	create: async (event) => {
		const user = requireRole(event, 'admin');
		const form = await event.request.formData();
		const values = { name: String(form.get('name') ?? ''), scopes: form.getAll('scopes').map(String) };
		try {
			const { token, secret } = createToken(app().db, values, authorOf(user));
			// The secret goes back in this one answer and is never stored: the page shows it once.
			return { action: 'create', created: { id: token.id, name: token.name, secret } };
		} catch (e) {
			if (e instanceof ValidationError)
				return fail(400, { action: 'create', values, errors: Object.fromEntries(e.issues.map((i) => [i.path.split('.')[0], i.message])) });
			throw e;
		}
	},
	revoke: async (event) => {
		requireRole(event, 'admin');
		const id = idSchema.safeParse((await event.request.formData()).get('id'));
		if (!id.success) return fail(400, { action: 'revoke', message: 'Unknown token' });
		try {
			const token = revokeToken(app().db, id.data);
			return { action: 'revoke', revoked: token.name };
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { action: 'revoke', message: 'That token no longer exists' });
			throw e;
		}
	}
} satisfies Actions;
