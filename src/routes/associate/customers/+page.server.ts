import { fail } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { customerLookupSchema } from '$lib/server/associate';
import { requireRole } from '$lib/server/guard';
import * as orders from '$lib/server/orders';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'associate', 'admin');
	return {};
};

export const actions = {
	// A look-up through a POST action rather than a GET form: a customer's e-mail or phone
	// must not end up in URLs, browser history and access logs.
	find: async (event) => {
		requireRole(event, 'associate', 'admin');
		const contact = String((await event.request.formData()).get('contact') ?? '').trim();
		const who = customerLookupSchema.safeParse(contact);
		if (!who.success) return fail(400, { contact, error: who.error.issues[0].message, rows: null });
		return { contact, error: null, rows: orders.findCustomerOrders(app().db, who.data) };
	}
} satisfies Actions;
