import { Faker, en } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import {
	createAttribute,
	createCategory,
	createFamily,
	gs1CheckDigit,
	inTransaction,
	loadDefinition,
	saveProduct,
	storeImage,
	storeModel,
	upsertChannel,
	upsertLocale,
	type ProductInput
} from '$pim';
import type { AppDb } from '../db/index.ts';
import { setMeta } from '../db/meta.ts';
import { location, store } from '../db/store.schema.ts';
import { createSetupLink, demoSetupToken } from '../kiosk.ts';
import { seedDemoAnalytics } from './analytics.ts';
import { demoModel, hasModel } from './models.ts';
import { productSvg } from './pictures.ts';
import { REVIEW_TEXT } from './reviews.ts';
import { seedDemoUsers } from './users.ts';
import { DEMO_OPENING_HOURS, DEMO_STORES, DEMO_WAREHOUSE } from './stores.ts';
import type { DemoLocale, DemoProduct, DemoVariant } from './types.ts';
import { generateCatalogContent } from './vocabulary.ts';

export interface SeedOptions {
	products: number;
	seed: number;
	mediaDir: string;
	/** Secret the demo kiosk setup tokens are derived from. */
	sessionSecret: string;
	/** Shopper visits per day for 30 days of demo analytics; 0 records none. */
	analyticsVisitsPerDay?: number;
	log?: (message: string) => void;
}

const CURRENCY = 'USD';
const MAX_DEMO_MODELS = 2000;
const LOCALES: { code: DemoLocale; label: string }[] = [
	{ code: 'en', label: 'English' },
	{ code: 'zh-CN', label: '简体中文' },
	{ code: 'ru', label: 'Русский' }
];

/** A GTIN-13 in the GS1 range for restricted in-store numbers (200–299), so demo codes never clash with real products. */
function demoGtin(n: number): string {
	const body = `2${String(n).padStart(11, '0')}`;
	return `${body}${gs1CheckDigit(body)}`;
}

/**
 * Loads the demo catalog into an empty database: locales, channels, attributes, families,
 * categories, products with pictures, stores, stock, reviews and kiosk setup links.
 * The search index is built afterwards from what this writes.
 */
export async function seedDemoCatalog(db: AppDb, opts: SeedOptions) {
	const log = opts.log ?? (() => {});
	const started = Date.now();
	const faker = new Faker({ locale: [en] });
	faker.seed(opts.seed);
	const brands = [...new Set(Array.from({ length: 40 }, () => faker.company.name().split(/[ ,-]/)[0]))].filter((b) => b.length >= 3).slice(0, 24);
	const content = generateCatalogContent({ products: opts.products, seed: opts.seed, brands });

	LOCALES.forEach((l, i) => upsertLocale(db, { code: l.code, label: l.label, fallback: l.code === 'en' }, i));
	const codes = LOCALES.map((l) => l.code);
	upsertChannel(db, { code: 'kiosk', label: { en: 'Kiosk', 'zh-CN': '自助终端', ru: 'Киоск' }, locales: codes, currencies: [CURRENCY] });
	upsertChannel(db, { code: 'web', label: { en: 'Web', 'zh-CN': '网站', ru: 'Сайт' }, locales: codes, currencies: [CURRENCY] });
	content.attributes.forEach((a, i) =>
		createAttribute(db, { code: a.code, type: a.type, label: a.label, localizable: a.localizable, perChannel: a.perChannel, unit: a.unit ?? null, options: (a.options ?? []).map((o) => ({ code: o.code, label: o.label, hex: o.hex ?? null })) }, i)
	);
	for (const f of content.families) createFamily(db, { code: f.code, label: f.label, attributes: f.attributes, required: f.required, variantLevels: f.variantLevels });
	const depth = (code: string): number => {
		const c = content.categories.find((x) => x.code === code);
		return c?.parent ? 1 + depth(c.parent) : 0;
	};
	[...content.categories]
		.map((c, i) => ({ c, i, d: depth(c.code) }))
		.sort((a, b) => a.d - b.d || a.i - b.i)
		.forEach(({ c, i }) => createCategory(db, { code: c.code, parent: c.parent, label: c.label }, i));
	log(`  catalog structure: ${content.attributes.length} attributes, ${content.families.length} families, ${content.categories.length} categories`);

	// Pictures: one per shape, colour and proportion, shared by products that look alike.
	// Rendered up front, a few at a time, since rasterizing is the slow part of seeding.
	const pictureKey = (shape: string, hex: string, variant: number) => `${shape}|${hex}|${variant}`;
	const wanted = new Set<string>();
	for (const p of content.products) {
		const variant = pictureVariant(p.code);
		wanted.add(pictureKey(p.picture.shape, p.picture.hex, variant));
		for (const v of p.variants) if (v.picture) wanted.add(pictureKey(v.picture.shape, v.picture.hex, variant));
	}
	const pictures = new Map<string, number>();
	const queue = [...wanted];
	await Promise.all(
		Array.from({ length: 4 }, async () => {
			for (let key = queue.shift(); key; key = queue.shift()) {
				const [shape, hex, variant] = key.split('|');
				pictures.set(key, await storeImage(db, opts.mediaDir, Buffer.from(productSvg(shape, hex, Number(variant))), { effort: 2 }));
			}
		})
	);
	log(`  pictures: ${pictures.size} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const pictureOf = (shape: string, hex: string, variant: number) => pictures.get(pictureKey(shape, hex, variant))!;

	// 3D models: every product whose type has one and whose size is known, built to that size
	// (up to MAX_DEMO_MODELS, so a catalog seeded for load tests does not spend its time on them).
	const models = new Map<string, number>();
	const modelStarted = Date.now();
	for (const p of content.products) {
		const size = sizeOf(p);
		const shape = p.picture.shape;
		if (!size || !hasModel(shape) || models.size >= MAX_DEMO_MODELS) continue;
		const glb = await demoModel(shape, p.picture.hex, size, p.code);
		models.set(p.code, (await storeModel(db, opts.mediaDir, glb)).id);
	}
	log(`  3D models: ${models.size} in ${((Date.now() - modelStarted) / 1000).toFixed(1)} s`);

	const definition = loadDefinition(db);
	const today = new Date();
	const isoDay = (offset: number) => new Date(today.getTime() + offset * 86400_000).toISOString().slice(0, 10);
	let gtinSerial = 1;
	type Prices = NonNullable<ProductInput['variants'][number]['prices']>;
	const toLeaf = (v: DemoVariant, onSale: boolean, sellable: boolean) => {
		const prices: Prices = {};
		if (sellable && v.priceCents !== undefined) {
			const sale = onSale ? { amount: Math.round((v.priceCents * 0.8) / 100) * 100 - 1, start: isoDay(-7), end: isoDay(30) } : null;
			prices[CURRENCY] = { amount: v.priceCents, sale };
		}
		return { code: v.code, axes: v.axes, values: v.values, gtin: sellable ? demoGtin(gtinSerial++) : null, prices };
	};
	const toVariant = (v: DemoVariant, onSale: boolean) => ({
		...toLeaf(v, onSale, !v.children?.length),
		children: (v.children ?? []).map((c) => toLeaf(c, onSale, true))
	});

	const batch = 100;
	let saved = 0;
	for (let i = 0; i < content.products.length; i += batch) {
		const slice = content.products.slice(i, i + batch);
		const inputs: ProductInput[] = [];
		for (const p of slice) inputs.push(productInput(p));
		inTransaction(db, () => {
			for (const input of inputs) saveProduct(db, input, 'demo-seed', { definition, skipOutbox: true });
		});
		saved += slice.length;
		if (saved % 1000 === 0 || saved === content.products.length) log(`  products: ${saved} of ${content.products.length}`);
	}

	function productInput(p: DemoProduct): ProductInput {
		const variantNo = pictureVariant(p.code);
		const media: NonNullable<ProductInput['media']> = [
			{ media: pictureOf(p.picture.shape, p.picture.hex, variantNo), role: 'image', variant: null, alt: altOf(p) }
		];
		// Products with colour variants show each colour's own picture.
		for (const v of p.variants) {
			if (v.picture && v.picture.hex !== p.picture.hex)
				media.push({ media: pictureOf(v.picture.shape, v.picture.hex, variantNo), role: 'image', variant: v.code, alt: altOf(p) });
		}
		const model = models.get(p.code);
		if (model) media.push({ media: model, role: 'model3d', variant: null, alt: altOf(p) });
		const onSale = faker.number.int(9) === 0;
		return {
			code: p.code,
			family: p.family,
			status: 'published',
			categories: p.categories,
			values: p.values,
			variants: p.variants.map((v) => toVariant(v, onSale)),
			media
		};
	}

	function altOf(p: DemoProduct): Record<string, string> {
		const name = p.values.name?.['*'] ?? {};
		return Object.fromEntries(Object.entries(name).map(([k, v]) => [k, String(v)]));
	}

	// Creation dates spread over two years, so "newest" means something.
	inTransaction(db, () => {
		for (const p of content.products) {
			const at = new Date(today.getTime() - p.createdDaysAgo * 86400_000).toISOString();
			db.run(sql`UPDATE product SET created_at = ${at} WHERE code = ${p.code}`);
		}
	});

	seedStoresAndStock(db, faker);
	seedReviews(db, faker, today);
	if (opts.analyticsVisitsPerDay !== 0) seedDemoAnalytics(db, faker, today, opts.analyticsVisitsPerDay);
	for (const s of DEMO_STORES) createSetupLink(db, s.code, demoSetupToken(opts.sessionSecret, s.code), `${s.city} demo link`);
	await seedDemoUsers(db);
	setMeta(db, 'catalog.demo', JSON.stringify({ products: opts.products, seed: opts.seed, at: new Date().toISOString() }));
	log(`  demo catalog ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The product's outside size in metres, from its width, height and depth; null when one is missing. */
function sizeOf(p: DemoProduct): { w: number; h: number; d: number } | null {
	const metres = (code: string) => {
		const v = p.values[code]?.['*']?.['*'] as { amount: number; unit: string } | undefined;
		if (!v || typeof v.amount !== 'number') return null;
		const per: Record<string, number> = { MILLIMETER: 0.001, CENTIMETER: 0.01, METER: 1 };
		return per[v.unit] ? v.amount * per[v.unit] : null;
	};
	const [w, h, d] = [metres('width'), metres('height'), metres('depth')];
	return w && h ? { w, h, d: d ?? w } : null;
}

/** Two proportions per shape, picked by product code, so neighbours in a grid differ a little. */
function pictureVariant(code: string): number {
	let h = 0;
	for (const c of code) h = (h * 31 + c.charCodeAt(0)) | 0;
	return Math.abs(h) % 2;
}

function seedStoresAndStock(db: AppDb, faker: Faker) {
	inTransaction(db, () => {
		const locations: { id: number; kind: 'store' | 'warehouse' }[] = [];
		for (const s of DEMO_STORES) {
			const { id } = db
				.insert(store)
				.values({ code: s.code, name: s.name, street: s.street, city: s.city, region: s.region, postalCode: s.postalCode, country: 'US', latitude: s.latitude, longitude: s.longitude, currency: CURRENCY, taxRateBp: s.taxRateBp, taxIncluded: false, timezone: 'America/Los_Angeles', openingHours: DEMO_OPENING_HOURS })
				.returning({ id: store.id })
				.get();
			const loc = db
				.insert(location)
				.values({ code: s.code, kind: 'store', storeId: id, name: s.name, latitude: s.latitude, longitude: s.longitude, ships: s.ships, safetyStock: 1 })
				.returning({ id: location.id })
				.get();
			locations.push({ id: loc.id, kind: 'store' });
		}
		const wh = db
			.insert(location)
			.values({ code: DEMO_WAREHOUSE.code, kind: 'warehouse', name: DEMO_WAREHOUSE.name, latitude: DEMO_WAREHOUSE.latitude, longitude: DEMO_WAREHOUSE.longitude, ships: true, safetyStock: 2 })
			.returning({ id: location.id })
			.get();
		locations.push({ id: wh.id, kind: 'warehouse' });
		const variants = db.all<{ id: number }>(sql`SELECT id FROM variant WHERE sellable = 1 ORDER BY id`);
		const insert = db.$client.prepare('INSERT INTO inventory (location_id, variant_id, on_hand, reserved, aisle, bay) VALUES (?, ?, ?, 0, ?, ?)');
		for (const v of variants) {
			for (const loc of locations) {
				// Stores stock about 55 % of variants; the warehouse about 85 %, in larger numbers.
				const stocked = faker.number.float() < (loc.kind === 'warehouse' ? 0.85 : 0.55);
				const onHand = stocked ? faker.number.int({ min: 1, max: loc.kind === 'warehouse' ? 60 : 12 }) : 0;
				const aisle = loc.kind === 'store' ? String(faker.number.int({ min: 1, max: 24 })) : null;
				const bay = loc.kind === 'store' ? String.fromCharCode(65 + faker.number.int(9)) + faker.number.int({ min: 1, max: 8 }) : null;
				insert.run(loc.id, v.id, onHand, aisle, bay);
			}
		}
	});
}

function seedReviews(db: AppDb, faker: Faker, today: Date) {
	const products = db.all<{ id: number }>(sql`SELECT id FROM product ORDER BY id`);
	const locales = Object.keys(REVIEW_TEXT) as DemoLocale[];
	const insert = db.$client.prepare(
		"INSERT INTO review (product_id, rating, title, body, nickname, locale, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'approved', ?)"
	);
	inTransaction(db, () => {
		for (const p of products) {
			const count = faker.helpers.weightedArrayElement([
				{ weight: 2, value: 0 },
				{ weight: 4, value: faker.number.int({ min: 1, max: 4 }) },
				{ weight: 3, value: faker.number.int({ min: 5, max: 14 }) }
			]);
			for (let i = 0; i < count; i++) {
				const rating = faker.helpers.weightedArrayElement([
					{ weight: 45, value: 5 },
					{ weight: 30, value: 4 },
					{ weight: 12, value: 3 },
					{ weight: 8, value: 2 },
					{ weight: 5, value: 1 }
				]);
				const locale = faker.helpers.weightedArrayElement([
					{ weight: 6, value: locales[0] },
					{ weight: 2, value: locales[1] },
					{ weight: 2, value: locales[2] }
				]);
				const text = faker.helpers.arrayElement(REVIEW_TEXT[locale][rating]);
				const nickname = `${faker.person.firstName()} ${faker.person.lastName().charAt(0)}.`;
				const at = faker.date.between({ from: new Date(today.getTime() - 700 * 86400_000), to: today }).toISOString();
				insert.run(p.id, rating, text.title, text.body, nickname, locale, at);
			}
		}
	});
}
