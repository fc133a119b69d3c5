import { z } from 'zod';
import type { AppDb } from '../db/index.ts';
import { getMeta } from '../db/meta.ts';

/** How the retailer runs endless-aisle orders; stored as JSON in app_meta 'orders.settings'. */
export interface OrderSettings {
	/** ISO 3166-1 alpha-2 codes of the countries the retailer delivers to. */
	shipsTo: string[];
	/** Calendar days from order to delivery (or to collection), per kind of source location. */
	leadDays: { warehouse: number; store: number };
	/** Fee per shipment, minor units of the store's currency. */
	flatFee: number;
	/** Delivery is free when the order's subtotal reaches this, minor units. */
	freeAbove: number;
	/** An unpaid order is cancelled, and its stock released, after this long. */
	expiryMinutes: number;
	/** Customer details of finished orders are erased after this many days. */
	retentionDays: number;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
	shipsTo: ['US', 'GB', 'DE', 'FR', 'CN', 'RU'],
	leadDays: { warehouse: 3, store: 2 },
	flatFee: 599,
	freeAbove: 7500,
	expiryMinutes: 30,
	retentionDays: 90
};

export const ORDER_SETTINGS_KEY = 'orders.settings';

const storedSchema = z
	.object({
		shipsTo: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
		leadDays: z.object({ warehouse: z.number().int().min(0).max(60), store: z.number().int().min(0).max(60) }).partial(),
		flatFee: z.number().int().min(0),
		freeAbove: z.number().int().min(0),
		expiryMinutes: z.number().min(0.01),
		retentionDays: z.number().int().min(1)
	})
	.partial();

/**
 * The order settings: defaults merged with what is stored; AISLE_ORDER_EXPIRY_MINUTES
 * overrides the expiry (tests shorten it rather than wait it out).
 */
export function orderSettings(db: AppDb): OrderSettings {
	const raw = getMeta(db, ORDER_SETTINGS_KEY);
	let stored: z.output<typeof storedSchema> = {};
	if (raw) {
		try {
			const r = storedSchema.safeParse(JSON.parse(raw));
			if (r.success) stored = r.data;
		} catch {
			// A malformed value falls back to the defaults rather than stopping checkout.
		}
	}
	const settings: OrderSettings = {
		...DEFAULT_ORDER_SETTINGS,
		...stored,
		leadDays: { ...DEFAULT_ORDER_SETTINGS.leadDays, ...stored.leadDays }
	};
	const envExpiry = Number(process.env.AISLE_ORDER_EXPIRY_MINUTES);
	if (process.env.AISLE_ORDER_EXPIRY_MINUTES && Number.isFinite(envExpiry) && envExpiry > 0) settings.expiryMinutes = envExpiry;
	return settings;
}
