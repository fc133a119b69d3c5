import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, loadDefinition, ValidationError, type Issue } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import type { AppDb } from '../db/index.ts';
import { store } from '../db/store.schema.ts';
import * as orders from '../orders/index.ts';
import { ApiError } from './errors.ts';
import type { ApiTokenView } from './tokens.ts';

/** Most distinct lines one order may have, and units of one line (the kiosk's own limit). */
export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 99;

const text = (max: number) => z.string().max(max, `At most ${max} characters`);

/** An order another channel places: the selling store, the customer, delivery or collection, and SKUs. */
export const apiOrderInputSchema = z.strictObject({
	store: z.string({ error: 'Required: the code of the store that sells (and, for collection, hands over) the order' }).trim().min(1, 'Required').max(40),
	fulfilment: z.enum(['delivery', 'collect'], { error: 'delivery or collect' }),
	locale: z
		.string()
		.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A locale code such as en or zh-CN')
		.optional(),
	customer: z.strictObject(
		{
			name: text(100),
			email: text(200).nullable().optional(),
			phone: text(40).nullable().optional()
		},
		{ error: 'Required: name and an e-mail address or a phone number' }
	),
	address: z
		.strictObject({
			line1: text(120),
			line2: text(120).nullable().optional(),
			city: text(80),
			region: text(80).nullable().optional(),
			postalCode: text(12),
			country: text(2)
		})
		.nullable()
		.optional(),
	lines: z
		.array(
			z.strictObject({
				sku: z.string({ error: 'Required' }).trim().min(1, 'Required').max(64),
				quantity: z.number({ error: 'Required' }).int('A whole number').min(1, 'At least 1').max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY}`)
			}),
			{ error: 'Required: a list of { sku, quantity }' }
		)
		.min(1, 'Order at least one item')
		.max(MAX_ORDER_LINES, `At most ${MAX_ORDER_LINES} lines`)
});
export type ApiOrderInput = z.output<typeof apiOrderInputSchema>;

/** An order as other channels see it: no staff names or internal ids. */
export interface ApiOrder {
	code: string;
	status: orders.OrderStatus;
	store: string;
	fulfilment: 'delivery' | 'collect';
	channel: 'kiosk' | 'associate' | 'api';
	/** ISO 4217; every amount is in its minor units. */
	currency: string;
	subtotal: number;
	shippingFee: number;
	tax: number;
	total: number;
	customer: { name: string | null; email: string | null; phone: string | null; erased: boolean };
	address: Record<string, string> | null;
	lines: { sku: string; name: string; quantity: number; unitPrice: number; returnedQuantity: number; shipment: number | null }[];
	shipments: { id: number; location: string; fee: number; estimatedDate: string; carrier: string | null; trackingNumber: string | null; shippedAt: string | null }[];
	events: { type: string; reason: string | null; at: string }[];
	/** The customer's own status page (what the kiosk's QR code opens). */
	statusUrl: string;
	/** An unpaid order is cancelled at this time and its stock released. */
	expiresAt: string;
	createdAt: string;
}

/** The idempotency key as stored: scoped to the token, so two clients' keys never meet. */
const storedKey = (token: ApiTokenView, key: string) => `api:${token.id}:${key}`;

/** The API's view of an order. */
export function apiOrderOf(o: orders.OrderView, secret: string, base: string): ApiOrder {
	return {
		code: o.code,
		status: o.status,
		store: o.storeCode,
		fulfilment: o.fulfilment,
		channel: o.channel,
		currency: o.currency,
		subtotal: o.subtotal,
		shippingFee: o.shippingFee,
		tax: o.tax,
		total: o.total,
		customer: { name: o.customer.name, email: o.customer.email, phone: o.customer.phone, erased: o.customer.erased },
		address: o.customer.address,
		lines: o.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, returnedQuantity: l.returnedQuantity, shipment: l.shipmentId })),
		shipments: o.shipments.map((s) => ({ id: s.id, location: s.location, fee: s.fee, estimatedDate: s.estimatedDate, carrier: s.carrier, trackingNumber: s.trackingNumber, shippedAt: s.shippedAt })),
		events: o.events.map((e) => ({ type: e.type, reason: e.reason, at: e.createdAt })),
		statusUrl: `${base}/m/o/${orders.statusToken(secret, o.code)}`,
		expiresAt: o.expiresAt,
		createdAt: o.createdAt
	};
}

/** Where placeOrder's issue paths point in the API's body. */
function apiPath(path: string, lineIndex: Map<number, number>): string {
	const line = /^lines\.(\d+)$/.exec(path);
	if (line) return `lines.${lineIndex.get(Number(line[1])) ?? line[1]}`;
	if (path === 'name' || path === 'email' || path === 'phone') return `customer.${path}`;
	if (path === 'contact') return 'customer';
	return path;
}

const totalsBySku = (lines: { sku: string; quantity: number }[]) => {
	const m = new Map<string, number>();
	for (const l of lines) m.set(l.sku, (m.get(l.sku) ?? 0) + l.quantity);
	return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
};

/**
 * Places an order for another channel through the same path as the kiosk (sourcing,
 * reservations, confirmation message), as channel 'api'. The same Idempotency-Key from the
 * same token returns the first order (`created: false`); a different order under a key
 * already used is refused, so a client bug cannot pass for a retry.
 */
export function placeApiOrder(db: AppDb, p: { token: ApiTokenView; idempotencyKey: string; input: ApiOrderInput; secret: string; base: string }): { order: ApiOrder; created: boolean } {
	const { input } = p;
	const issues: Issue[] = [];
	const shop = db.select({ id: store.id, code: store.code }).from(store).where(eq(store.code, input.store)).get();
	if (!shop) issues.push({ path: 'store', message: `No store ${input.store}` });
	const def = loadDefinition(db);
	const locale = input.locale ?? def.fallbackLocale;
	if (!def.locales.includes(locale)) issues.push({ path: 'locale', message: `The catalog has no locale ${locale}; it has ${def.locales.join(', ')}` });
	const skus = [...new Set(input.lines.map((l) => l.sku))];
	const known = new Map(
		db
			.select({ id: variant.id, code: variant.code })
			.from(variant)
			.where(and(inArray(variant.code, skus), eq(variant.sellable, true)))
			.all()
			.map((v) => [v.code, v.id])
	);
	input.lines.forEach((l, i) => {
		if (!known.has(l.sku)) issues.push({ path: `lines.${i}.sku`, message: `No sellable variant ${l.sku}` });
	});
	if (issues.length) throw new ValidationError('The order has errors', issues);

	const lineIndex = new Map(input.lines.map((l, i) => [known.get(l.sku)!, i]));
	let placed: ReturnType<typeof orders.placeOrder>;
	try {
		placed = orders.placeOrder(db, {
			idempotencyKey: storedKey(p.token, p.idempotencyKey),
			storeId: shop!.id,
			channel: 'api',
			locale,
			lines: input.lines.map((l) => ({ variantId: known.get(l.sku)!, quantity: l.quantity })),
			checkout: {
				name: input.customer.name,
				email: input.customer.email ?? undefined,
				phone: input.customer.phone ?? undefined,
				fulfilment: input.fulfilment,
				address: input.fulfilment === 'delivery' && input.address ? { ...input.address, line2: input.address.line2 ?? '', region: input.address.region ?? '' } : null
			},
			actor: `API token ${p.token.name} (${p.token.prefix}…)`,
			secret: p.secret
		});
	} catch (e) {
		if (e instanceof ValidationError) throw new ValidationError(e.message, e.issues.map((i) => ({ ...i, path: apiPath(i.path, lineIndex) })));
		if (e instanceof ConflictError) throw new ConflictError(e.message, e.issues.map((i) => ({ ...i, path: apiPath(i.path, lineIndex) })));
		throw e;
	}
	if (placed.repeated) {
		const o = placed.order;
		const same =
			o.storeCode === shop!.code && o.fulfilment === input.fulfilment && JSON.stringify(totalsBySku(o.lines)) === JSON.stringify(totalsBySku(input.lines));
		if (!same)
			throw new ApiError(422, 'idempotency_key_reused', `This Idempotency-Key was used for another order (${o.code}); use a new key for a new order.`, [{ path: 'Idempotency-Key', message: 'Already used for a different order' }]);
	}
	return { order: apiOrderOf(placed.order, p.secret, p.base), created: !placed.repeated };
}

/** An order placed through the API, by code; orders of the kiosk and the counter stay private (null). */
export function apiOrderByCode(db: AppDb, code: string, secret: string, base: string): ApiOrder | null {
	const o = orders.getOrder(db, code);
	return o && o.channel === 'api' ? apiOrderOf(o, secret, base) : null;
}

/** Reads the Idempotency-Key header: required, 1–100 visible characters. */
export function idempotencyKeyOf(request: Request): string {
	const key = request.headers.get('idempotency-key')?.trim();
	if (!key)
		throw new ApiError(400, 'bad_request', 'Send an Idempotency-Key header (e.g. a UUID) so a retried request cannot place the order twice.', [{ path: 'Idempotency-Key', message: 'Required' }]);
	if (key.length > 100 || !/^[\x21-\x7e]+$/.test(key))
		throw new ApiError(400, 'bad_request', 'The Idempotency-Key must be 1 to 100 visible ASCII characters.', [{ path: 'Idempotency-Key', message: 'At most 100 visible ASCII characters' }]);
	return key;
}
