import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../tests/helpers/db.ts';
import { chair, seedStructure, tshirt } from '../../tests/helpers/catalog.ts';
import type { PimDb } from '../db.ts';
import { productVersion } from '../history/history.schema.ts';
import { outbox } from '../search/search.schema.ts';
import { ValidationError } from '../shared/errors.ts';
import { bulkUpdate, type BulkActionInput } from './bulk.ts';
import { getProduct, saveProduct } from './products.ts';

let db: PimDb;
let cleanup: () => void;
let ids: Record<string, number>;

beforeEach(() => {
	const t = createTestDb();
	db = t.db;
	cleanup = t.cleanup;
	seedStructure(db);
	const noMaterial = chair('CHR-3', 3, { status: 'draft' });
	delete noMaterial.values!.material;
	ids = {
		'CHR-1': saveProduct(db, chair('CHR-1', 1, { status: 'draft' }), 'ana').id,
		'CHR-2': saveProduct(db, chair('CHR-2', 2), 'ana').id,
		'CHR-3': saveProduct(db, noMaterial, 'ana').id,
		'TSH-1': saveProduct(db, tshirt('TSH-1', 100), 'ana').id
	};
});
afterEach(() => cleanup());

const product = (code: string) => getProduct(db, code)!;
const versions = (code: string) => db.select().from(productVersion).where(eq(productVersion.productId, ids[code])).all();

async function issuesOf(fn: () => Promise<unknown>): Promise<string[]> {
	try {
		await fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ValidationError);
		return (e as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
	}
	throw new Error('expected a ValidationError');
}

describe('status actions', () => {
	it('publishes what is complete and reports, without throwing, what is not', async () => {
		const res = await bulkUpdate(db, [ids['CHR-1'], ids['CHR-3']], { kind: 'publish' }, 'bo');
		expect(res.done).toBe(1);
		expect(res.failed).toEqual([{ code: 'CHR-3', message: expect.stringMatching(/complete for the kiosk.*material/) }]);
		expect(product('CHR-1').status).toBe('published');
		expect(product('CHR-3').status).toBe('draft');
		// The refused product was left exactly as it was: no version, no half-written save.
		expect(versions('CHR-3')).toHaveLength(1);
		expect(product('CHR-3').revision).toBe(1);
	});

	it('saves each change through the rules: a version with the author, and a search update', async () => {
		const before = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`).n;
		await bulkUpdate(db, [ids['CHR-2'], ids['TSH-1']], { kind: 'archive' }, 'Bo <bo@aisle.demo>');
		expect(product('CHR-2').status).toBe('archived');
		expect(product('TSH-1').status).toBe('archived');
		const last = versions('CHR-2').at(-1)!;
		expect(last).toMatchObject({ author: 'Bo <bo@aisle.demo>', comment: 'Bulk: archive' });
		expect(db.select().from(outbox).all().length).toBe(before + 2);
	});

	it('leaves a product already in that state alone, and counts it as done', async () => {
		const res = await bulkUpdate(db, [ids['CHR-1'], ids['CHR-3']], { kind: 'draft' }, 'bo');
		expect(res).toEqual({ done: 2, failed: [] });
		expect(versions('CHR-1')).toHaveLength(1);
	});

	it('reports an id that no longer exists and carries on', async () => {
		const res = await bulkUpdate(db, [999_999, ids['CHR-2']], { kind: 'draft' }, 'bo');
		expect(res).toEqual({ done: 1, failed: [{ code: '#999999', message: 'Product not found' }] });
		expect(product('CHR-2').status).toBe('draft');
	});
});

describe('setting a category', () => {
	it('adds a category to those a product has, or replaces them', async () => {
		await bulkUpdate(db, [ids['CHR-1']], { kind: 'setCategory', category: 'tshirts', mode: 'add' }, 'bo');
		expect(product('CHR-1').categories).toEqual(['chairs', 'tshirts']);
		await bulkUpdate(db, [ids['CHR-1'], ids['TSH-1']], { kind: 'setCategory', category: 'furniture', mode: 'replace' }, 'bo');
		expect(product('CHR-1').categories).toEqual(['furniture']);
		expect(product('TSH-1').categories).toEqual(['furniture']);
	});

	it('refuses an unknown category before touching anything', async () => {
		expect(await issuesOf(() => bulkUpdate(db, [ids['CHR-1']], { kind: 'setCategory', category: 'boats', mode: 'add' }, 'bo'))).toEqual([
			'category: Unknown category boats'
		]);
		expect(versions('CHR-1')).toHaveLength(1);
	});
});

describe('setting a value', () => {
	const set = (action: Omit<Extract<BulkActionInput, { kind: 'setValue' }>, 'kind'>, codes = ['CHR-1', 'CHR-2']) =>
		bulkUpdate(db, codes.map((c) => ids[c]), { kind: 'setValue', ...action }, 'bo');

	it('sets a localizable value in one locale, keeping the others', async () => {
		expect(await set({ attribute: 'name', locale: 'ru', channel: null, value: 'Стул' })).toEqual({ done: 2, failed: [] });
		expect(product('CHR-1').values.name['*']).toMatchObject({ en: 'Oak dining chair CHR-1', ru: 'Стул' });
	});

	it('reads form text as the attribute’s type: a measurement, a select option', async () => {
		await set({ attribute: 'width', locale: null, channel: null, value: '45.5' });
		expect(product('CHR-2').values.width['*']['*']).toEqual({ amount: 45.5, unit: 'CENTIMETER' });
		await set({ attribute: 'material', locale: null, channel: null, value: 'steel' });
		expect(product('CHR-1').values.material['*']['*']).toBe('steel');
	});

	it('sets a per-channel value for the chosen channel only', async () => {
		await set({ attribute: 'tagline', locale: 'en', channel: 'kiosk', value: 'Try it in store' });
		expect(product('CHR-1').values.tagline).toEqual({ kiosk: { en: 'Try it in store' } });
	});

	it('refuses a bad value, a missing locale or channel, naming the field', async () => {
		expect(await issuesOf(() => set({ attribute: 'width', locale: null, channel: null, value: 'wide' }))).toEqual(['value: Enter a number (CENTIMETER)']);
		expect(await issuesOf(() => set({ attribute: 'material', locale: null, channel: null, value: 'gold' }))).toEqual(['value: Unknown option gold of material']);
		expect((await issuesOf(() => set({ attribute: 'tagline', locale: null, channel: null, value: 'x' }))).map((i) => i.split(':')[0])).toEqual(['locale', 'channel']);
	});

	it('reports products the value cannot go on, and refuses to leave a published product incomplete', async () => {
		// Colour lives on the T-shirt's variants, and chairs have no colour at all.
		const res = await set({ attribute: 'colour', locale: null, channel: null, value: 'red' }, ['CHR-1', 'TSH-1']);
		expect(res.done).toBe(0);
		expect(res.failed.map((f) => f.code)).toEqual(['CHR-1', 'TSH-1']);
		expect(res.failed[0].message).toMatch(/colour does not belong/);
		// Clearing the brand of a published chair would take it off the kiosk.
		const cleared = await set({ attribute: 'brand', locale: null, channel: null, value: '' }, ['CHR-1', 'CHR-2']);
		expect(cleared.done).toBe(1);
		expect(cleared.failed).toEqual([{ code: 'CHR-2', message: expect.stringMatching(/published.*incomplete.*brand/) }]);
		expect(product('CHR-1').values.brand).toBeUndefined();
	});
});

describe('limits', () => {
	it('gives way to other requests while it works through a long selection', async () => {
		const many = Array.from({ length: 40 }, (_, i) => saveProduct(db, chair(`CHR-${10 + i}`, 10 + i), 'ana').id);
		let ticks = 0;
		const timer = setInterval(() => ticks++, 1);
		const res = await bulkUpdate(db, many, { kind: 'archive' }, 'bo');
		clearInterval(timer);
		expect(res.done).toBe(40);
		expect(ticks).toBeGreaterThan(0);
	});

	it('takes at most 500 products per call and at least one', async () => {
		const many = Array.from({ length: 501 }, (_, i) => i + 1);
		expect(await issuesOf(() => bulkUpdate(db, many, { kind: 'publish' }, 'bo'))).toEqual(['ids: At most 500 products per call']);
		expect(await issuesOf(() => bulkUpdate(db, [], { kind: 'publish' }, 'bo'))).toEqual(['ids: Select at least one product']);
		expect((await issuesOf(() => bulkUpdate(db, [1], { kind: 'delete' } as never, 'bo')))[0]).toMatch(/^kind: /);
	});
});
