import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, currencySchema, enqueueProducts, issuesFromZod, NotFoundError, ValidationError } from '$pim';
import { variant } from '$pim/catalog/catalog.schema.ts';
import { inTransaction } from '$pim/db.ts';
import type { AppDb } from './db/index.ts';
import { inventory, location, store } from './db/store.schema.ts';

/** Weekdays as opening hours are keyed, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A weekday key of opening hours. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Stored opening hours of a day that is closed. */
export const CLOSED = 'closed';

/** Products re-sent to search per transaction when a location's rules change. */
const ENQUEUE_BATCH = 500;

/** Store and location codes: they appear in kiosk setup links and stock files. */
const placeCodeSchema = z
	.string()
	.trim()
	.min(1, 'Required')
	.max(40, 'At most 40 characters')
	.regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, _ and - only');

const text = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

/** A number typed in a form (a string, '' when empty) or given by JSON. */
function numberField(min: number, max: number, message: string) {
	return z.preprocess(
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
		z
			.number({ error: (issue) => (issue.input === undefined ? 'Required' : 'Enter a number') })
			.min(min, message)
			.max(max, message)
	);
}

/** A checkbox ('on' when ticked, absent when not) or a JSON boolean. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

function isTimeZone(tz: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const isCountry = (code: string) => {
	const name = regionNames.of(code);
	return !!name && name !== code && name !== 'Unknown Region';
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One day's opening hours: "09:00-21:00", or empty / "closed" for a closed day. */
const dayHoursSchema = z.preprocess(
	(v) => (v == null ? '' : v),
	z
		.string()
		.trim()
		.transform((v) => (v === '' || v.toLowerCase() === CLOSED ? CLOSED : v.replace(/\s+/g, '').replace(/[–—]/g, '-')))
		.superRefine((v, ctx) => {
			if (v === CLOSED) return;
			if (!/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(v))
				ctx.addIssue({ code: 'custom', message: 'Like 09:00-21:00, or empty when closed' });
			else if (minutes(v.slice(0, 5)) >= minutes(v.slice(6))) ctx.addIssue({ code: 'custom', message: 'Closes before it opens' });
		})
);

/** A store as staff enter it; the same schema serves the form, an import and the API. */
export const storeInputSchema = z.object({
	code: placeCodeSchema,
	name: text(120),
	street: text(200),
	city: text(100),
	region: z
		.string()
		.trim()
		.max(100, 'At most 100 characters')
		.nullish()
		.transform((v) => v || null),
	postalCode: text(20),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'Two letters (ISO 3166), e.g. US')
		.refine(isCountry, 'Not a country code'),
	latitude: numberField(-90, 90, 'Between -90 and 90'),
	longitude: numberField(-180, 180, 'Between -180 and 180'),
	currency: z.string().trim().toUpperCase().pipe(currencySchema),
	/** Sales tax in percent, e.g. 10.35. */
	taxRate: numberField(0, 50, 'Between 0 and 50 %').refine((r) => Math.abs(r * 100 - Math.round(r * 100)) < 1e-6, 'At most two decimals'),
	taxIncluded: checkbox,
	timezone: z.string().trim().min(1, 'Required').refine(isTimeZone, 'Not a time zone such as America/Los_Angeles'),
	openingHours: z.object({
		mon: dayHoursSchema,
		tue: dayHoursSchema,
		wed: dayHoursSchema,
		thu: dayHoursSchema,
		fri: dayHoursSchema,
		sat: dayHoursSchema,
		sun: dayHoursSchema
	})
});
/** A store as a form or import gives it (strings are fine for numbers). */
export type StoreInput = z.input<typeof storeInputSchema>;

/** A stock location as staff enter it: a store's shelves or a warehouse. */
export const locationInputSchema = z
	.object({
		code: placeCodeSchema,
		name: text(120),
		kind: z.enum(['store', 'warehouse'], { error: 'Choose store or warehouse' }),
		/** Code of the store it belongs to: required for store shelves, optional for a warehouse. */
		store: z
			.string()
			.trim()
			.nullish()
			.transform((v) => v || null),
		latitude: numberField(-90, 90, 'Between -90 and 90'),
		longitude: numberField(-180, 180, 'Between -180 and 180'),
		safetyStock: numberField(0, 100_000, 'Between 0 and 100,000').refine(Number.isInteger, 'A whole number'),
		ships: checkbox
	})
	.superRefine((l, ctx) => {
		if (l.kind === 'store' && !l.store) ctx.addIssue({ code: 'custom', path: ['store'], message: 'Shelves belong to a store' });
	});
/** A location as a form or import gives it. */
export type LocationInput = z.input<typeof locationInputSchema>;

/** A stored store. */
export type StoreRow = typeof store.$inferSelect;
/** A stored stock location. */
export type LocationRow = typeof location.$inferSelect;

/** Whether the call creates a new record or edits the one with this code (codes are fixed once made). */
export interface SaveMode {
	existing: string | null;
}

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
	const r = schema.safeParse(input);
	if (!r.success) throw new ValidationError(`Invalid ${what}`, issuesFromZod(r.error));
	return r.data;
}

function fixedCode(existing: string, code: string, what: string) {
	if (existing !== code)
		throw new ValidationError(`Invalid ${what}`, [{ path: 'code', message: `The code stays ${existing}: kiosks, links and stock files use it` }]);
}

/**
 * Creates a store (with its shelves as a stock location of the same code) or updates one.
 * Nothing is reindexed: search documents carry store codes, not addresses or coordinates.
 */
export function saveStore(db: AppDb, input: StoreInput, mode: SaveMode): number {
	const data = parse(storeInputSchema, input, 'store');
	const row = {
		name: data.name,
		street: data.street,
		city: data.city,
		region: data.region,
		postalCode: data.postalCode,
		country: data.country,
		latitude: data.latitude,
		longitude: data.longitude,
		currency: data.currency,
		taxRateBp: Math.round(data.taxRate * 100),
		taxIncluded: data.taxIncluded,
		timezone: data.timezone,
		openingHours: data.openingHours
	};
	return inTransaction(db, () => {
		if (mode.existing) {
			fixedCode(mode.existing, data.code, 'store');
			const current = db.select({ id: store.id }).from(store).where(eq(store.code, mode.existing)).get();
			if (!current) throw new NotFoundError(`No store ${mode.existing}`);
			db.update(store).set(row).where(eq(store.id, current.id)).run();
			return current.id;
		}
		if (db.select({ id: store.id }).from(store).where(eq(store.code, data.code)).get())
			throw new ConflictError(`Store ${data.code} already exists`, [{ path: 'code', message: 'Already taken' }]);
		const { id } = db.insert(store).values({ code: data.code, ...row }).returning({ id: store.id }).get();
		if (!db.select({ id: location.id }).from(location).where(eq(location.code, data.code)).get())
			db.insert(location)
				.values({ code: data.code, kind: 'store', storeId: id, name: data.name, latitude: data.latitude, longitude: data.longitude })
				.run();
		return id;
	});
}

/** Products with stock records at a location. */
function productsStockedAt(db: AppDb, locationId: number): number[] {
	return db
		.selectDistinct({ id: variant.productId })
		.from(inventory)
		.innerJoin(variant, eq(variant.id, inventory.variantId))
		.where(eq(inventory.locationId, locationId))
		.orderBy(asc(variant.productId))
		.all()
		.map((r) => r.id);
}

/**
 * Creates or updates a stock location. Whether it ships, its safety stock, its kind and its
 * store decide what search says is available, so a change to any of them sends every product
 * stocked there to search, in batches. Returns how many products that was.
 */
export function saveLocation(db: AppDb, input: LocationInput, mode: SaveMode): { id: number; touched: number } {
	const data = parse(locationInputSchema, input, 'location');
	const saved = inTransaction(db, () => {
		let storeId: number | null = null;
		if (data.store) {
			const s = db.select({ id: store.id }).from(store).where(eq(store.code, data.store)).get();
			if (!s) throw new ValidationError('Invalid location', [{ path: 'store', message: `No store ${data.store}` }]);
			storeId = s.id;
		}
		const row = { name: data.name, kind: data.kind, storeId, latitude: data.latitude, longitude: data.longitude, safetyStock: data.safetyStock, ships: data.ships };
		if (mode.existing) {
			fixedCode(mode.existing, data.code, 'location');
			const current = db.select().from(location).where(eq(location.code, mode.existing)).get();
			if (!current) throw new NotFoundError(`No location ${mode.existing}`);
			db.update(location).set(row).where(eq(location.id, current.id)).run();
			const availabilityChanged =
				current.ships !== row.ships || current.safetyStock !== row.safetyStock || current.kind !== row.kind || current.storeId !== row.storeId;
			return { id: current.id, availabilityChanged };
		}
		if (db.select({ id: location.id }).from(location).where(eq(location.code, data.code)).get())
			throw new ConflictError(`Location ${data.code} already exists`, [{ path: 'code', message: 'Already taken' }]);
		const { id } = db.insert(location).values({ code: data.code, ...row }).returning({ id: location.id }).get();
		return { id, availabilityChanged: false };
	});
	if (!saved.availabilityChanged) return { id: saved.id, touched: 0 };
	const ids = productsStockedAt(db, saved.id);
	for (let i = 0; i < ids.length; i += ENQUEUE_BATCH) inTransaction(db, () => enqueueProducts(db, ids.slice(i, i + ENQUEUE_BATCH)));
	return { id: saved.id, touched: ids.length };
}

/** A store with its stock locations. */
export interface StoreWithLocations extends StoreRow {
	locations: LocationRow[];
}

/** Every store with its locations, by code, and the locations that belong to no store (warehouses). */
export function listStores(db: AppDb): { stores: StoreWithLocations[]; unattached: LocationRow[] } {
	const locations = db.select().from(location).orderBy(asc(location.code)).all();
	const stores = db
		.select()
		.from(store)
		.orderBy(asc(store.code))
		.all()
		.map((s) => ({ ...s, locations: locations.filter((l) => l.storeId === s.id) }));
	return { stores, unattached: locations.filter((l) => l.storeId === null) };
}

/** One store with its locations, or null. */
export function getStore(db: AppDb, code: string): StoreWithLocations | null {
	const s = db.select().from(store).where(eq(store.code, code)).get();
	if (!s) return null;
	return { ...s, locations: db.select().from(location).where(eq(location.storeId, s.id)).orderBy(asc(location.code)).all() };
}

/** How many variants each location has on hand, to show what a change to it would reach. */
export function stockedVariantCounts(db: AppDb): Map<number, number> {
	const rows = db
		.select({ id: inventory.locationId, n: sql<number>`count(*)` })
		.from(inventory)
		.where(sql`${inventory.onHand} > 0`)
		.groupBy(inventory.locationId)
		.all();
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** A stored store as its form shows it. */
export interface StoreFormValues {
	code: string;
	name: string;
	street: string;
	city: string;
	region: string | null;
	postalCode: string;
	country: string;
	latitude: number;
	longitude: number;
	currency: string;
	/** Percent, e.g. 10.35. */
	taxRate: number;
	taxIncluded: boolean;
	timezone: string;
	/** Every weekday, '' when closed. */
	openingHours: Record<Weekday, string>;
}

/** The form's view of a stored store: tax as a percentage, every weekday present. */
export function storeFormValues(s: StoreRow): StoreFormValues {
	const hours = s.openingHours ?? {};
	return {
		code: s.code,
		name: s.name,
		street: s.street,
		city: s.city,
		region: s.region,
		postalCode: s.postalCode,
		country: s.country,
		latitude: s.latitude,
		longitude: s.longitude,
		currency: s.currency,
		taxRate: s.taxRateBp / 100,
		taxIncluded: s.taxIncluded,
		timezone: s.timezone,
		openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, hours[d] === CLOSED ? '' : (hours[d] ?? '')])) as Record<Weekday, string>
	};
}
