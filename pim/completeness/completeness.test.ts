import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../../tests/helpers/db.ts';
import { seedStructure } from '../../tests/helpers/catalog.ts';
import { createAttribute, createFamily } from '../catalog/structure.ts';
import { loadDefinition, type CatalogDefinition } from '../catalog/definition.ts';
import { computeCompleteness, type CompletenessInput } from './completeness.ts';

let t: ReturnType<typeof createTestDb>;
let def: CatalogDefinition;

beforeEach(() => {
	t = createTestDb();
	seedStructure(t.db);
	createAttribute(t.db, { code: 'fabric', type: 'text', label: { en: 'Fabric' }, localizable: true });
	createFamily(t.db, {
		code: 'poster',
		label: { en: 'Poster' },
		attributes: ['name', 'tagline', 'image', 'fabric'],
		required: { kiosk: ['name', 'tagline', 'image'], web: [] },
		variantLevels: [{ axes: ['colour'], attributes: ['fabric'] }]
	});
	def = loadDefinition(t.db);
});
afterEach(() => t.cleanup());

const row = (rows: ReturnType<typeof computeCompleteness>, channel: string, locale: string) => rows.find((r) => r.channel === channel && r.locale === locale)!;

describe('completeness', () => {
	it('counts required values per channel and locale, naming what is missing', () => {
		const input: CompletenessInput = {
			values: { name: { '*': { en: 'Oak chair', ru: 'Дубовый стул' } }, brand: { '*': { '*': 'Nordhus' } } },
			variants: [{ values: {}, children: [] }],
			imageCount: 0
		};
		const rows = computeCompleteness(def, def.families.get('furniture')!, input);
		expect(rows).toHaveLength(6);
		// kiosk needs name, brand, material: material is missing everywhere, the name in Chinese.
		expect(row(rows, 'kiosk', 'en')).toMatchObject({ required: 3, ratio: 66, missing: ['material'] });
		expect(row(rows, 'kiosk', 'zh-CN')).toMatchObject({ ratio: 33, missing: ['name', 'material'] });
		expect(row(rows, 'web', 'ru')).toMatchObject({ required: 5, ratio: 40, missing: ['material', 'description', 'width'] });
	});

	it('reads a per-channel value only for its own channel, and an empty string is not a value', () => {
		const rows = computeCompleteness(def, def.families.get('poster')!, {
			values: { name: { '*': { en: 'Poster', 'zh-CN': '' } }, tagline: { web: { en: 'Only on the web' } } },
			variants: [{ values: { fabric: { '*': { en: 'Paper' } } }, children: [] }],
			imageCount: 1
		});
		expect(row(rows, 'kiosk', 'en').missing).toEqual(['tagline']);
		expect(row(rows, 'kiosk', 'zh-CN').missing).toEqual(['name', 'tagline']);
	});

	it('counts an image requirement as met by an attached image', () => {
		const base = { values: { name: { '*': { en: 'P' } }, tagline: { kiosk: { en: 'T' } } }, variants: [{ values: {}, children: [] }] };
		expect(row(computeCompleteness(def, def.families.get('poster')!, { ...base, imageCount: 0 }), 'kiosk', 'en').missing).toEqual(['image']);
		expect(row(computeCompleteness(def, def.families.get('poster')!, { ...base, imageCount: 2 }), 'kiosk', 'en').ratio).toBe(100);
	});

	it('needs a variant-level value on every variant of that level', () => {
		const fam = def.families.get('poster')!;
		const family = { ...fam, required: new Map([['kiosk', ['fabric']]]) };
		const one = { values: { fabric: { '*': { en: 'Paper' } } }, children: [] };
		const none = { values: {}, children: [] };
		expect(row(computeCompleteness(def, family, { values: {}, variants: [one, one], imageCount: 0 }), 'kiosk', 'en').ratio).toBe(100);
		expect(row(computeCompleteness(def, family, { values: {}, variants: [one, none], imageCount: 0 }), 'kiosk', 'en').missing).toEqual(['fabric']);
	});

	it('is 100 % where a channel requires nothing', () => {
		const rows = computeCompleteness(def, def.families.get('poster')!, { values: {}, variants: [], imageCount: 0 });
		expect(rows.filter((r) => r.channel === 'web').every((r) => r.ratio === 100 && r.required === 0)).toBe(true);
	});
});
