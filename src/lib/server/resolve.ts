import { and, eq, inArray } from 'drizzle-orm';
import { gtinForms } from '$pim';
import { product, variant } from '$pim/catalog/catalog.schema.ts';
import type { AppDb } from './db/index.ts';

/** A scanned code resolved to a product page and the variant to show chosen. */
export interface ScanTarget {
	code: string;
	sku: string | null;
}

/**
 * The published product and sellable variant carrying a GTIN (given as 14 digits), or null.
 * Matches the GTIN in every form it may have been stored in (GTIN-14, EAN-13, UPC-A, GTIN-8).
 */
export function productByGtin(db: AppDb, gtin14: string): ScanTarget | null {
	const row = db
		.select({ code: product.code, sku: variant.code })
		.from(variant)
		.innerJoin(product, eq(product.id, variant.productId))
		.where(and(inArray(variant.gtin, gtinForms(gtin14)), eq(variant.sellable, true), eq(product.status, 'published')))
		.get();
	return row ?? null;
}

/**
 * The published product with this code, keeping `sku` only when it is one of its sellable
 * variants (a stale link still opens the product, with its first variant); null when none.
 */
export function productBySku(db: AppDb, code: string, sku?: string | null): ScanTarget | null {
	const found = db.select({ id: product.id, code: product.code }).from(product).where(and(eq(product.code, code), eq(product.status, 'published'))).get();
	if (!found) return null;
	const leaf = sku
		? db
				.select({ sku: variant.code })
				.from(variant)
				.where(and(eq(variant.productId, found.id), eq(variant.code, sku), eq(variant.sellable, true)))
				.get()
		: undefined;
	return { code: found.code, sku: leaf?.sku ?? null };
}

/** The product page a scan target opens: the kiosk's, or the phone's for a screen that is not a kiosk. */
export function productHref(target: ScanTarget, phone = false): string {
	const path = `${phone ? '/m' : ''}/p/${encodeURIComponent(target.code)}`;
	return target.sku ? `${path}?v=${encodeURIComponent(target.sku)}` : path;
}
