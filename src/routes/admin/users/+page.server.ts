import { fail } from '@sveltejs/kit';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { createUser, listUsers, resetPassword, ROLES, setUserDisabled } from '$lib/server/auth';
import { store } from '$lib/server/db/store.schema';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.coerce.number().int().positive();

function fieldErrors(e: ValidationError | ConflictError): Record<string, string> {
	return Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const { db } = app();
	return {
		users: listUsers(db),
		stores: db.select({ code: store.code, name: store.name }).from(store).orderBy(asc(store.code)).all(),
		roles: ROLES
	};
};

export const actions = {
	create: async (event) => {
		requireRole(event, 'admin');
		const form = Object.fromEntries(await event.request.formData()) as Record<string, string>;
		const values = { email: form.email ?? '', name: form.name ?? '', role: form.role ?? '', homeStore: form.homeStore ?? '' };
		try {
			await createUser(app().db, { ...values, password: form.password ?? '' } as never);
		} catch (e) {
			if (e instanceof ValidationError || e instanceof ConflictError)
				return fail(e instanceof ConflictError ? 409 : 400, { action: 'create', values, errors: fieldErrors(e) });
			throw e;
		}
		return { action: 'create', created: values.email };
	},
	disable: async (event) => {
		requireRole(event, 'admin');
		return toggle(event.request, true);
	},
	enable: async (event) => {
		requireRole(event, 'admin');
		return toggle(event.request, false);
	},
	reset: async (event) => {
		requireRole(event, 'admin');
		const form = await event.request.formData();
		const id = idSchema.safeParse(form.get('id'));
		if (!id.success) return fail(400, { action: 'reset', message: 'Unknown user' });
		try {
			await resetPassword(app().db, id.data, String(form.get('password') ?? ''));
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { action: 'reset', id: id.data, errors: fieldErrors(e) });
			if (e instanceof NotFoundError) return fail(404, { action: 'reset', message: e.message });
			throw e;
		}
		return { action: 'reset', id: id.data, done: true };
	}
} satisfies Actions;

async function toggle(request: Request, disabled: boolean) {
	const id = idSchema.safeParse((await request.formData()).get('id'));
	if (!id.success) return fail(400, { action: 'toggle', message: 'Unknown user' });
	try {
		setUserDisabled(app().db, id.data, disabled);
	} catch (e) {
		if (e instanceof NotFoundError || e instanceof ConflictError) return fail(409, { action: 'toggle', message: e.message });
		throw e;
	}
	return { action: 'toggle', done: true };
}
