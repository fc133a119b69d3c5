import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { product, variant } from '$pim/catalog/catalog.schema.ts';
import * as carts from './cart.ts';
import type { AppDb } from './db/index.ts';
import { cartHandoff } from './db/orders.schema.ts';
import type { WantedLine } from './orders/types.ts';

/** How long a cart's QR code can be scanned: long enough to take out a phone, short enough to die with the visit. */
export const HANDOFF_MINUTES = 10;

function hash(token: string) {
	return createHash('sha256').update(token).digest('hex');
}

/**
 * A single-use token that carries a copy of the cart's lines to a phone, valid HANDOFF_MINUTES;
 * only its SHA-256 is stored. Null when the cart is empty (nothing to carry).
 */
export function createHandoff(db: AppDb, cartToken: string | null | undefined, now = new Date()): string | null {
	const cart = carts.getCart(db, cartToken);
	if (!cart || cart.lines.length === 0) return null;
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + HANDOFF_MINUTES * 60_000).toISOString();
	db.insert(cartHandoff).values({ tokenHash: hash(token), storeId: cart.storeId, lines: cart.lines, expiresAt }).run();
	return token;
}

/**
 * Spends a hand-off token: the store and lines it carries, or null when it is unknown, expired
 * or already used. Checking and marking it used is one statement, so two scans never both win.
 */
export function redeemHandoff(db: AppDb, token: string, now = new Date()): { storeId: number | null; lines: WantedLine[] } | null {
	if (!token || token.length > 100) return null;
	const at = now.toISOString();
	const row = db
		.update(cartHandoff)
		.set({ usedAt: at })
		.where(and(eq(cartHandoff.tokenHash, hash(token)), isNull(cartHandoff.usedAt), gt(cartHandoff.expiresAt, at)))
		.returning({ storeId: cartHandoff.storeId, lines: cartHandoff.lines })
		.get();
	return row ?? null;
}

/**
 * Spends a hand-off token and gives the phone a cart of its own with the carried lines, in the
 * kiosk's store: the token for the phone's cart cookie, or null when the code is spent or expired.
 */
export function continueOnPhone(db: AppDb, token: string, now = new Date()): string | null {
	const carried = redeemHandoff(db, token, now);
	return carried ? carts.createCartWithLines(db, carried.storeId, carried.lines) : null;
}

/** Deletes hand-offs that can no longer be used (expired or spent); returns how many went. */
export function pruneHandoffs(db: AppDb, now = new Date()): number {
	const at = now.toISOString();
	return db.delete(cartHandoff).where(or(lte(cartHandoff.expiresAt, at), lte(cartHandoff.usedAt, at))).run().changes;
}

/** The product code of each variant, for links from the phone's cart to the product pages. */
export function productCodesOf(db: AppDb, variantIds: number[]): Map<number, string> {
	if (variantIds.length === 0) return new Map();
	const rows = db.select({ id: variant.id, code: product.code }).from(variant).innerJoin(product, eq(product.id, variant.productId)).where(inArray(variant.id, variantIds)).all();
	return new Map(rows.map((r) => [r.id, r.code]));
}
