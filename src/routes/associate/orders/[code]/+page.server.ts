import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { ConflictError, issuesFromZod, NotFoundError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import {
	actionsFor,
	CARRIERS,
	cancelFormSchema,
	consoleStoreOf,
	markPaidFormSchema,
	mayRunOrder,
	parseReturnForm,
	shipFormSchema,
	type OrderAction
} from '$lib/server/associate';
import type { SessionUser } from '$lib/server/auth';
import type { AppDb } from '$lib/server/db';
import { authorOf, requireRole } from '$lib/server/guard';
import * as orders from '$lib/server/orders';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'associate', 'admin');
	const { db, config } = app();
	const order = orders.getOrder(db, event.params.code);
	if (!order) error(404, 'Order not found');
	const mayRun = mayRunOrder(user, order);
	// Returns and erasure may be done in any store; the other steps belong to the order's store.
	const actions = actionsFor(order).filter((a) => mayRun || a === 'return' || a === 'erase');
	return {
		order,
		actions,
		mayRun,
		carriers: CARRIERS,
		// Staff can read the customer's phone link out again (it is the one the kiosk's QR holds).
		statusPath: `/m/o/${orders.statusToken(config.sessionSecret, order.code)}`
	};
};

interface Ctx {
	db: AppDb;
	user: SessionUser;
	order: orders.OrderView;
	form: Record<string, string>;
	actor: string;
}

/** What each action tells the associate once it worked. */
const DONE: Record<OrderAction, string> = {
	markPaid: 'Marked paid.',
	allocate: 'Allocated: the items are picked.',
	ship: 'Shipment sent; the customer is told.',
	markDelivered: 'Marked delivered.',
	markReady: 'Ready for collection; the customer is told.',
	markCollected: 'Marked collected.',
	cancel: 'Order cancelled; its stock is released and the customer is told.',
	erase: 'The customer’s details are erased; the order’s figures are kept.',
	return: 'Return recorded.'
};

function parse<S extends z.ZodType>(schema: S, form: Record<string, string>): z.output<S> {
	const r = schema.safeParse(form);
	if (!r.success) throw new ValidationError('Check the form', issuesFromZod(r.error));
	return r.data;
}

/**
 * One order action: who may, the order, the form, and the domain's errors mapped to the
 * page (field errors 400, a refused step 409 shown as a notice).
 */
async function run(event: RequestEvent<{ code: string }>, action: OrderAction, step: (ctx: Ctx) => void) {
	const user = requireRole(event, 'associate', 'admin');
	const { db } = app();
	const order = orders.getOrder(db, event.params.code);
	if (!order) error(404, 'Order not found');
	const form = Object.fromEntries([...(await event.request.formData())].map(([k, v]) => [k, String(v)]));
	if (action !== 'return' && action !== 'erase' && !mayRunOrder(user, order))
		return fail(403, { action, message: `This order belongs to ${order.storeCode}; its staff run it.` });
	try {
		step({ db, user, order, form, actor: authorOf(user) });
	} catch (e) {
		if (e instanceof ValidationError)
			return fail(400, { action, shipmentId: form.shipmentId ?? null, values: form, errors: Object.fromEntries(e.issues.map((i) => [i.path, i.message])) });
		if (e instanceof ConflictError) return fail(409, { action, message: e.message });
		if (e instanceof NotFoundError) error(404, e.message);
		throw e; // unexpected: logged by handleError
	}
	return { action, done: DONE[action] };
}

export const actions = {
	markPaid: (event) => run(event, 'markPaid', ({ db, order, form, actor }) => orders.markPaid(db, order.id, parse(markPaidFormSchema, form), actor)),
	allocate: (event) => run(event, 'allocate', ({ db, order, actor }) => orders.allocate(db, order.id, actor)),
	ship: (event) => run(event, 'ship', ({ db, order, form, actor }) => orders.ship(db, order.id, parse(shipFormSchema, form), actor)),
	markDelivered: (event) => run(event, 'markDelivered', ({ db, order, actor }) => orders.markDelivered(db, order.id, actor)),
	markReady: (event) => run(event, 'markReady', ({ db, order, actor }) => orders.markReady(db, order.id, actor)),
	markCollected: (event) => run(event, 'markCollected', ({ db, order, actor }) => orders.markCollected(db, order.id, actor)),
	cancel: (event) => run(event, 'cancel', ({ db, order, form, actor }) => orders.cancel(db, order.id, parse(cancelFormSchema, form).reason, actor)),
	erase: (event) => run(event, 'erase', ({ db, order, actor }) => orders.eraseCustomerData(db, order.id, actor)),
	return: (event) =>
		run(event, 'return', ({ db, user, order, form, actor }) => {
			// Returned goods go back into the shelves of the store the associate stands in.
			const here = consoleStoreOf(db, user, order.storeCode);
			if (!here) throw new ConflictError('Your account has no home store to take the return into.');
			orders.recordReturn(db, order.id, { storeId: here.id, ...parseReturnForm(order, form) }, actor);
		})
} satisfies Actions;
