import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { issuesFromZod, NotFoundError, ValidationError } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from './db/index.ts';
import { cart, cartLine } from './db/orders.schema.ts';
import { store } from './db/store.schema.ts';
import * as orders from './orders/index.ts';
import type { Quote, QuotedLine, WantedLine } from './orders/types.ts';

/** Name of the http-only cookie that holds the shopper's cart token (a session cookie). */
export const CART_COOKIE = 'aisle_cart';

/** Most units of one variant a kiosk cart takes. */
export const MAX_QUANTITY = 20;

/** Options of the cart cookie: gone when the browser closes, never readable by scripts. */
export function cartCookieOptions(secure: boolean) {
	return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
}

/** A cart line as a form posts it: the SKU and how many. */
export const cartLineSchema = z.object({
	sku: z.string().trim().min(1, 'Choose a variant').max(100),
	quantity: z.coerce.number({ error: 'Enter a number' }).int('Enter a whole number').min(1, 'At least 1').max(MAX_QUANTITY, `At most ${MAX_QUANTITY}`)
});
export type CartLineInput = z.input<typeof cartLineSchema>;

/** A stored cart: its store and what is in it, oldest line first. */
export interface Cart {
	id: number;
	storeId: number | null;
	associateId: number | null;
	lines: WantedLine[];
}

function hash(token: string) {
	return createHash('sha256').update(token).digest('hex');
}

function parse(input: CartLineInput) {
	const r = cartLineSchema.safeParse(input);
	if (!r.success) throw new ValidationError('Invalid cart line', issuesFromZod(r.error));
	return r.data;
}

function sellableId(db: AppDb, sku: string): number {
	const v = db.select({ id: variant.id, sellable: variant.sellable }).from(variant).where(eq(variant.code, sku)).get();
	if (!v || !v.sellable) throw new NotFoundError(`No sellable variant ${sku}`);
	return v.id;
}

function cartRow(db: AppDb, token: string | null | undefined) {
	if (!token || token.length > 100) return null;
	return db.select().from(cart).where(eq(cart.tokenHash, hash(token))).get() ?? null;
}

function touch(db: AppDb, cartId: number) {
	db.update(cart).set({ updatedAt: new Date().toISOString() }).where(eq(cart.id, cartId)).run();
}

/** The cart behind a cookie's token, or null when there is none (or it was wiped). */
export function getCart(db: AppDb, token: string | null | undefined): Cart | null {
	const row = cartRow(db, token);
	if (!row) return null;
	const lines = db
		.select({ variantId: cartLine.variantId, quantity: cartLine.quantity })
		.from(cartLine)
		.where(eq(cartLine.cartId, row.id))
		.orderBy(cartLine.addedAt, cartLine.id)
		.all();
	return { id: row.id, storeId: row.storeId, associateId: row.associateId, lines };
}

/** Units in the cart behind a token, for the header's cart button. */
export function countItems(db: AppDb, token: string | null | undefined): number {
	const row = cartRow(db, token);
	if (!row) return 0;
	return db.select({ n: sql<number>`coalesce(sum(${cartLine.quantity}), 0)` }).from(cartLine).where(eq(cartLine.cartId, row.id)).get()?.n ?? 0;
}

/**
 * Adds units of a variant to the cart (making the cart when there is none yet) and returns
 * the token for the cookie: the same one, or a new one. A line never goes past MAX_QUANTITY.
 * With an associate signed in on the screen, the cart is theirs to attribute (assisted mode).
 */
export function addToCart(db: AppDb, token: string | null | undefined, storeId: number, input: CartLineInput, associateId: number | null = null): string {
	const { sku, quantity } = parse(input);
	return inTransaction(db, () => {
		const variantId = sellableId(db, sku);
		let row = cartRow(db, token);
		let next = token ?? '';
		if (!row) {
			next = randomBytes(32).toString('base64url');
			row = db.insert(cart).values({ tokenHash: hash(next), storeId, associateId }).returning().get();
		} else if (associateId !== null && row.associateId !== associateId) {
			db.update(cart).set({ associateId }).where(eq(cart.id, row.id)).run();
		}
		const line = db.select().from(cartLine).where(and(eq(cartLine.cartId, row.id), eq(cartLine.variantId, variantId))).get();
		if (line) db.update(cartLine).set({ quantity: Math.min(MAX_QUANTITY, line.quantity + quantity) }).where(eq(cartLine.id, line.id)).run();
		else db.insert(cartLine).values({ cartId: row.id, variantId, quantity }).run();
		touch(db, row.id);
		return next;
	});
}

/**
 * Makes a new cart in a store holding the given lines (the ones whose variant is still sold)
 * and returns the token for its cookie: a cart carried to the shopper's phone starts so.
 */
export function createCartWithLines(db: AppDb, storeId: number | null, lines: WantedLine[]): string {
	return inTransaction(db, () => {
		const token = randomBytes(32).toString('base64url');
		const row = db.insert(cart).values({ tokenHash: hash(token), storeId }).returning({ id: cart.id }).get();
		for (const l of lines) {
			const v = db.select({ sellable: variant.sellable }).from(variant).where(eq(variant.id, l.variantId)).get();
			if (!v?.sellable) continue;
			db.insert(cartLine).values({ cartId: row.id, variantId: l.variantId, quantity: Math.min(MAX_QUANTITY, Math.max(1, l.quantity)) }).run();
		}
		return token;
	});
}

/** Sets how many units of a variant the cart holds (1 to MAX_QUANTITY). */
export function setQuantity(db: AppDb, token: string | null | undefined, input: CartLineInput) {
	const { sku, quantity } = parse(input);
	inTransaction(db, () => {
		const row = cartRow(db, token);
		if (!row) throw new NotFoundError('The cart is empty');
		const variantId = sellableId(db, sku);
		const done = db.update(cartLine).set({ quantity }).where(and(eq(cartLine.cartId, row.id), eq(cartLine.variantId, variantId))).run();
		if (done.changes === 0) throw new NotFoundError(`${sku} is not in the cart`);
		touch(db, row.id);
	});
}

/** Takes a variant out of the cart; nothing happens when it is not there. */
export function removeLine(db: AppDb, token: string | null | undefined, sku: string) {
	const row = cartRow(db, token);
	if (!row) return;
	const v = db.select({ id: variant.id }).from(variant).where(eq(variant.code, sku)).get();
	if (!v) return;
	db.delete(cartLine).where(and(eq(cartLine.cartId, row.id), eq(cartLine.variantId, v.id))).run();
	touch(db, row.id);
}

/** Takes the given variants out of the cart (what was just ordered); an empty cart goes too. */
export function removeVariants(db: AppDb, token: string | null | undefined, variantIds: number[]) {
	inTransaction(db, () => {
		const row = cartRow(db, token);
		if (!row) return;
		for (const id of variantIds) db.delete(cartLine).where(and(eq(cartLine.cartId, row.id), eq(cartLine.variantId, id))).run();
		const left = db.select({ n: sql<number>`count(*)` }).from(cartLine).where(eq(cartLine.cartId, row.id)).get()?.n ?? 0;
		if (left === 0) db.delete(cart).where(eq(cart.id, row.id)).run();
	});
}

/** Attributes the cart behind a token to an associate who signed in to help with it; nothing happens without a cart. */
export function assignAssociate(db: AppDb, token: string | null | undefined, associateId: number) {
	if (!token || token.length > 100) return;
	db.update(cart).set({ associateId }).where(eq(cart.tokenHash, hash(token))).run();
}

/** Deletes the cart and its lines: the idle reset and a finished order call this. */
export function clearCart(db: AppDb, token: string | null | undefined) {
	if (!token || token.length > 100) return;
	db.delete(cart).where(eq(cart.tokenHash, hash(token))).run();
}

/** Whether a line is on this store's shelf in full: taken to the counter, not ordered. */
export function onShelf(line: QuotedLine): boolean {
	return line.shelf !== null && line.shelf.available >= line.quantity;
}

/** Where a cart line comes from, as its line in the cart says. */
export type LineSource =
	| { kind: 'shelf'; aisle: string | null; bay: string | null }
	| { kind: 'delivery'; date: string | null }
	| { kind: 'short'; orderable: number }
	| { kind: 'none' };

/** The cart as the kiosk shows it: every line with where it comes from, and the order for what the shelf lacks. */
export interface CartView {
	lines: (QuotedLine & { source: LineSource })[];
	/** Units in the cart. */
	count: number;
	currency: string;
	taxRateBp: number;
	taxIncluded: boolean;
	/** Lines that are ordered (not on the shelf here in full). */
	toOrder: WantedLine[];
	/** The delivery quote for `toOrder`; null when everything is on the shelf. */
	order: Quote | null;
}

/**
 * Reads the cart through the orders quote (delivery) so each line says whether it is on
 * the shelf here (aisle, bay), will be delivered, or cannot be had.
 */
export function cartView(db: AppDb, c: Cart, storeId: number, locale: string, today?: string): CartView {
	const all = orders.quote(db, { storeId, lines: c.lines, fulfilment: 'delivery', locale, today });
	const toOrder = all.lines.filter((l) => !onShelf(l)).map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
	const order = toOrder.length === 0 ? null : toOrder.length === c.lines.length ? all : orders.quote(db, { storeId, lines: toOrder, fulfilment: 'delivery', locale, today });
	const dateOf = (variantId: number) => order?.shipments.find((sh) => sh.lines.some((l) => l.variantId === variantId))?.estimatedDate ?? null;
	const sourceOf = (l: QuotedLine): LineSource => {
		if (onShelf(l)) return { kind: 'shelf', aisle: l.shelf!.aisle, bay: l.shelf!.bay };
		if (l.orderable >= l.quantity) return { kind: 'delivery', date: dateOf(l.variantId) };
		return l.orderable > 0 ? { kind: 'short', orderable: l.orderable } : { kind: 'none' };
	};
	return {
		lines: all.lines.map((l) => ({ ...l, source: sourceOf(l) })),
		count: c.lines.reduce((n, l) => n + l.quantity, 0),
		currency: all.currency,
		taxRateBp: all.taxRateBp,
		taxIncluded: all.taxIncluded,
		toOrder,
		order
	};
}

/** The store a cart orders for: its name and country (the checkout's default destination). */
export function storeOf(db: AppDb, storeId: number) {
	return db.select({ code: store.code, name: store.name, country: store.country }).from(store).where(eq(store.id, storeId)).get() ?? null;
}
