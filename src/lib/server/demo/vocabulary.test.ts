import { describe, it, expect, beforeAll } from 'vitest';
import type { DemoCatalogContent, DemoLocale, DemoProduct, DemoVariant, Localized } from './types.ts';
import { composeName, generateCatalogContent, naturalNameCount, ruAdjective } from './vocabulary.ts';

const LOCALES: DemoLocale[] = ['en', 'zh-CN', 'ru'];
const SHAPES = new Set([
	'chair', 'table', 'sofa', 'bed', 'shelf', 'cabinet', 'lamp', 'rug', 'shirt', 'trousers', 'dress', 'jacket', 'shoe', 'hat',
	'bag', 'headphones', 'speaker', 'phone', 'laptop', 'tv', 'watch', 'camera', 'cushion', 'box'
]);

function nameOf(p: DemoProduct): Localized {
	return p.values.name?.['*'] as Localized;
}

/** Every sellable variant of a product (the leaves). */
function leaves(p: DemoProduct): DemoVariant[] {
	return p.variants.flatMap((v) => (v.children ? v.children : [v]));
}

/** True when an attribute value is present: every locale for localizable attributes, both channels for per-channel ones. */
function isFilled(value: Record<string, Record<string, unknown>> | undefined, localizable: boolean, perChannel: boolean): boolean {
	if (!value) return false;
	const channels = perChannel ? ['kiosk', 'web'] : ['*'];
	return channels.every((ch) => {
		const byLocale = value[ch];
		if (!byLocale) return false;
		const keys = localizable ? LOCALES : ['*'];
		return keys.every((k) => {
			const data = byLocale[k];
			if (data === undefined || data === null || data === '') return false;
			return !Array.isArray(data) || data.length > 0;
		});
	});
}

let catalog: DemoCatalogContent;

beforeAll(() => {
	catalog = generateCatalogContent({ products: 20_000, seed: 1234 });
});

describe('generateCatalogContent: determinism', () => {
	it('returns identical content for the same seed', () => {
		const a = generateCatalogContent({ products: 1500, seed: 99 });
		const b = generateCatalogContent({ products: 1500, seed: 99 });
		expect(b).toEqual(a);
	});

	it('returns different content for a different seed', () => {
		const a = generateCatalogContent({ products: 200, seed: 1 });
		const b = generateCatalogContent({ products: 200, seed: 2 });
		expect(b.products.map((p) => nameOf(p).en)).not.toEqual(a.products.map((p) => nameOf(p).en));
	});

	it('keeps a product the same when more products are generated after it', () => {
		const small = generateCatalogContent({ products: 300, seed: 5 });
		const large = generateCatalogContent({ products: 900, seed: 5 });
		expect(large.products.slice(0, 300)).toEqual(small.products);
	});
});

describe('generateCatalogContent: names', () => {
	it('has at least a few thousand natural names before model numbers are needed', () => {
		expect(naturalNameCount()).toBeGreaterThan(2000);
	});

	it('gives every product a unique name in all three locales (20,000 products)', () => {
		for (const locale of LOCALES) {
			const names = catalog.products.map((p) => nameOf(p)[locale]);
			expect(names.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
			const seen = new Set<string>();
			const duplicates = names.filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
			expect(duplicates, `duplicates in ${locale}`).toEqual([]);
		}
	});

	it('puts a word of at least five letters in every English name', () => {
		const bad = catalog.products.map((p) => nameOf(p).en).filter((n) => !/\p{L}{5,}/u.test(n));
		expect(bad).toEqual([]);
	});

	it('writes names in sentence case, Chinese without spaces (except the model suffix)', () => {
		const bad = catalog.products.map(nameOf).filter(
			(n) => !/^[A-Z0-9]/.test(n.en) || !/^[А-ЯЁ0-9]/.test(n.ru) || !/^\S+( \d+型)?$/.test(n['zh-CN'])
		);
		expect(bad).toEqual([]);
	});

	it('appends a model number in all three locales once the natural names run out', () => {
		const withModel = catalog.products.map(nameOf).filter((n) => n.en.includes(', model '));
		expect(withModel.length).toBeGreaterThan(0);
		for (const n of withModel) {
			const model = /, model (\d+)$/.exec(n.en)?.[1];
			expect(model).toBeDefined();
			expect(n['zh-CN'].endsWith(` ${model}型`)).toBe(true);
			expect(n.ru.endsWith(`, модель ${model}`)).toBe(true);
		}
	});

	it('composes the oak dining chair in all three languages', () => {
		expect(composeName('dining_chair', null, 'oak')).toEqual({
			en: 'Oak dining chair',
			'zh-CN': '橡木餐椅',
			ru: 'Дубовый обеденный стул'
		});
		expect(composeName('dining_chair', 'scandinavian', 'oak').ru).toBe('Скандинавский дубовый обеденный стул');
		expect(composeName('dining_chair', 'scandinavian', 'oak')['zh-CN']).toBe('北欧风橡木餐椅');
	});

	it('agrees Russian adjectives with the noun’s gender and number', () => {
		expect(composeName('table_lamp', null, 'oak').ru).toBe('Дубовая настольная лампа');
		expect(composeName('armchair', null, 'oak').ru).toBe('Дубовое кресло');
		expect(composeName('curtains', null, 'velvet').ru).toBe('Бархатные шторы');
		expect(composeName('wall_light', 'vintage', 'brass').ru).toBe('Винтажное латунное бра');
		expect(composeName('overcoat', 'winter', 'wool').ru).toBe('Зимнее шерстяное пальто');
		expect(composeName('t_shirt', 'oversized', 'cotton').ru).toBe('Хлопковая футболка оверсайз');
		expect(composeName('jeans', 'skinny', 'stretch').ru).toBe('Узкие джинсы стрейч');
		expect(composeName('over_ear_headphones', 'wireless', 'noise_cancelling').ru).toBe(
			'Беспроводные полноразмерные наушники с шумоподавлением'
		);
	});

	it('derives all four Russian adjective forms', () => {
		expect(['m', 'f', 'n', 'pl'].map((g) => ruAdjective('скандинавский', g as 'm'))).toEqual([
			'скандинавский', 'скандинавская', 'скандинавское', 'скандинавские'
		]);
		expect(['m', 'f', 'n', 'pl'].map((g) => ruAdjective('зимний', g as 'm'))).toEqual(['зимний', 'зимняя', 'зимнее', 'зимние']);
		expect(['m', 'f', 'n', 'pl'].map((g) => ruAdjective('льняной', g as 'm'))).toEqual(['льняной', 'льняная', 'льняное', 'льняные']);
		expect(['m', 'f', 'n', 'pl'].map((g) => ruAdjective('лёгкий', g as 'm'))).toEqual(['лёгкий', 'лёгкая', 'лёгкое', 'лёгкие']);
	});
});

describe('generateCatalogContent: values', () => {
	it('fills every required attribute (except image/model_3d, filled by the seeder) for every product and locale', () => {
		const attributes = new Map(catalog.attributes.map((a) => [a.code, a]));
		const families = new Map(catalog.families.map((f) => [f.code, f]));
		const missing: string[] = [];
		for (const p of catalog.products) {
			const family = families.get(p.family);
			if (!family) {
				missing.push(`${p.code}: unknown family ${p.family}`);
				continue;
			}
			const required = new Set([...family.required.kiosk, ...family.required.web]);
			for (const code of required) {
				if (code === 'image' || code === 'model_3d') continue;
				const attribute = attributes.get(code);
				if (!attribute) {
					missing.push(`unknown attribute ${code}`);
					continue;
				}
				const level = family.variantLevels.findIndex((l) => l.attributes.includes(code));
				const holders: { values: DemoProduct['values'] }[] =
					level < 0 ? [p] : level === 0 ? p.variants : p.variants.flatMap((v) => v.children ?? []);
				if (holders.length === 0) missing.push(`${p.code} ${code}: no variants`);
				for (const h of holders) {
					if (!isFilled(h.values[code], attribute.localizable, attribute.perChannel)) missing.push(`${p.code} ${code}`);
				}
			}
		}
		expect(missing.slice(0, 20)).toEqual([]);
	});

	it('declares required attributes that belong to the family', () => {
		for (const f of catalog.families) {
			for (const code of ['name', 'description', 'brand', 'image']) expect(f.attributes).toContain(code);
			for (const code of [...f.required.kiosk, ...f.required.web]) expect(f.attributes).toContain(code);
			for (const code of f.required.kiosk) expect(f.required.web).toContain(code);
			for (const level of f.variantLevels) for (const code of level.attributes) expect(f.attributes).toContain(code);
		}
		const codes = new Set(catalog.attributes.map((a) => a.code));
		for (const f of catalog.families) for (const code of f.attributes) expect(codes.has(code), code).toBe(true);
	});

	it('uses only declared option codes for select and multiselect values', () => {
		const options = new Map(
			catalog.attributes.filter((a) => a.options).map((a) => [a.code, new Set((a.options ?? []).map((o) => o.code))])
		);
		const check = (values: DemoProduct['values']) => {
			for (const [code, byChannel] of Object.entries(values)) {
				const allowed = options.get(code);
				if (!allowed) continue;
				const data = byChannel['*']?.['*'];
				for (const v of Array.isArray(data) ? data : [data]) expect(allowed.has(v as string), `${code}=${String(v)}`).toBe(true);
			}
		};
		for (const p of catalog.products.slice(0, 5000)) {
			check(p.values);
			for (const v of p.variants) {
				check(v.values);
				for (const c of v.children ?? []) check(c.values);
			}
		}
	});

	it('writes descriptions as simple HTML with 2–4 sentences and different kiosk and web taglines', () => {
		for (const p of catalog.products.slice(0, 3000)) {
			const d = p.values.description?.['*'] as Localized;
			for (const locale of LOCALES) {
				expect(d[locale]).toMatch(/^<p>[^<]+<\/p><ul>(<li><strong>[^<]+<\/strong>[^<]+<\/li>)+<\/ul>$/);
			}
			const sentences = (/^<p>([^<]+)<\/p>/.exec(d.en)?.[1] ?? '').split(/(?<=\.) /);
			expect(sentences.length).toBeGreaterThanOrEqual(2);
			expect(sentences.length).toBeLessThanOrEqual(4);
			const zhSentences = (/^<p>([^<]+)<\/p>/.exec(d['zh-CN'])?.[1] ?? '').split('。').filter(Boolean);
			expect(zhSentences.length).toBe(sentences.length);
			const tagline = p.values.tagline as Record<string, Localized>;
			expect(tagline.kiosk?.en).not.toBe(tagline.web?.en);
		}
	});

	it('gives plausible prices per product type', () => {
		const range = (prefix: string) => {
			const prices = catalog.products.filter((p) => p.code.startsWith(`${prefix}-`)).flatMap(leaves).map((v) => v.priceCents ?? 0);
			expect(prices.length, prefix).toBeGreaterThan(0);
			return [Math.min(...prices), Math.max(...prices)];
		};
		const [chairMin, chairMax] = range('CHR');
		expect(chairMin).toBeGreaterThanOrEqual(4_800);
		expect(chairMax).toBeLessThanOrEqual(50_000);
		const [teeMin, teeMax] = range('TSH');
		expect(teeMin).toBeGreaterThanOrEqual(800);
		expect(teeMax).toBeLessThanOrEqual(4_500);
		const [hpMin, hpMax] = range('HDP');
		expect(hpMin).toBeGreaterThanOrEqual(2_800);
		expect(hpMax).toBeLessThanOrEqual(35_000);
	});

	it('fills picture, createdDaysAgo and release dates sensibly', () => {
		const bad = catalog.products.filter(
			(p) =>
				!SHAPES.has(p.picture.shape) ||
				!/^#[0-9a-f]{6}$/.test(p.picture.hex) ||
				!(p.createdDaysAgo >= 0 && p.createdDaysAgo <= 720) ||
				!/^\d{4}-\d{2}-\d{2}$/.test(String(p.values.release_date?.['*']?.['*']))
		);
		expect(bad.map((p) => p.code)).toEqual([]);
	});

	it('uses the brands passed in', () => {
		const c = generateCatalogContent({ products: 200, seed: 3, brands: ['Acme', 'Globex'] });
		const brands = new Set(c.products.map((p) => p.values.brand?.['*']?.['*']));
		expect([...brands].sort()).toEqual(['Acme', 'Globex']);
	});
});

describe('generateCatalogContent: structure', () => {
	it('mixes families roughly 40/30/20/10', () => {
		const counts = new Map<string, number>();
		for (const p of catalog.products) counts.set(p.family, (counts.get(p.family) ?? 0) + 1);
		const share = (f: string) => (counts.get(f) ?? 0) / catalog.products.length;
		expect(share('furniture')).toBeCloseTo(0.4, 1);
		expect(share('apparel')).toBeCloseTo(0.3, 1);
		expect(share('electronics')).toBeCloseTo(0.2, 1);
		expect(share('lighting')).toBeCloseTo(0.1, 1);
	});

	it('builds apparel with two levels: colour, then sellable sizes', () => {
		const apparel = catalog.families.find((f) => f.code === 'apparel');
		expect(apparel?.variantLevels.map((l) => l.axes)).toEqual([['colour'], ['size']]);
		const products = catalog.products.filter((p) => p.family === 'apparel');
		expect(products.length).toBeGreaterThan(0);
		const bad: string[] = [];
		for (const p of products) {
			if (p.variants.length === 0) bad.push(`${p.code}: no colours`);
			for (const colour of p.variants) {
				const children = colour.children ?? [];
				if (Object.keys(colour.axes).join() !== 'colour' || colour.priceCents !== undefined || children.length === 0) {
					bad.push(colour.code);
				}
				if (!/^#[0-9a-f]{6}$/.test(colour.picture?.hex ?? '')) bad.push(`${colour.code}: picture`);
				for (const size of children) {
					const ok =
						Object.keys(size.axes).join() === 'size' &&
						size.code.startsWith(`${colour.code}-`) &&
						(size.priceCents ?? 0) > 0 &&
						size.children === undefined;
					if (!ok) bad.push(size.code);
				}
			}
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	it('builds electronics with one colour level and furniture/lighting as simple products', () => {
		const bad: string[] = [];
		for (const p of catalog.products) {
			if (p.family === 'electronics') {
				if (p.variants.length === 0) bad.push(p.code);
				for (const v of p.variants) {
					if (Object.keys(v.axes).join() !== 'colour' || v.children !== undefined || !((v.priceCents ?? 0) > 0)) bad.push(v.code);
				}
			} else if (p.family === 'furniture' || p.family === 'lighting') {
				const v = p.variants[0];
				const ok = p.variants.length === 1 && v?.code === p.code && Object.keys(v.axes).length === 0 && (v.priceCents ?? 0) > 0;
				if (!ok) bad.push(p.code);
			}
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	it('gives unique, uppercase product codes and SKUs', () => {
		const codes = catalog.products.map((p) => p.code);
		expect(new Set(codes).size).toBe(codes.length);
		const skus = catalog.products.flatMap(leaves).map((v) => v.code);
		expect(new Set(skus).size).toBe(skus.length);
		expect([...codes, ...skus].filter((code) => !/^[A-Z]{3}-\d{4,}(-[A-Z0-9]+)*$/.test(code))).toEqual([]);
	});

	it('puts each product in one existing leaf category of a 2–3 level tree', () => {
		const byCode = new Map(catalog.categories.map((c) => [c.code, c]));
		const parents = new Set(catalog.categories.map((c) => c.parent).filter((p): p is string => p !== null));
		const leafCodes = catalog.categories.filter((c) => !parents.has(c.code)).map((c) => c.code);
		expect(leafCodes.length).toBeGreaterThanOrEqual(25);
		expect(catalog.categories.filter((c) => c.parent === null).length).toBeGreaterThanOrEqual(5);
		for (const c of catalog.categories) {
			let depth = 1;
			for (let p = c.parent; p; p = byCode.get(p)?.parent ?? null) depth++;
			expect(depth).toBeLessThanOrEqual(3);
			expect(c.code).toMatch(/^[a-z][a-z0-9_]*$/);
		}
		const used = new Set<string>();
		const bad: string[] = [];
		for (const p of catalog.products) {
			const leaf = p.categories[0] ?? '';
			if (p.categories.length !== 1 || !byCode.has(leaf) || parents.has(leaf)) bad.push(`${p.code}: ${p.categories.join()}`);
			used.add(leaf);
		}
		expect(bad.slice(0, 20)).toEqual([]);
		expect([...leafCodes].filter((c) => !used.has(c))).toEqual([]);
	});
});

describe('generateCatalogContent: performance', () => {
	it('generates 100,000 products in under 10 s', () => {
		const start = performance.now();
		const c = generateCatalogContent({ products: 100_000, seed: 7 });
		const elapsed = performance.now() - start;
		expect(c.products).toHaveLength(100_000);
		expect(elapsed).toBeLessThan(10_000);
		const names = new Set(c.products.map((p) => nameOf(p).ru));
		expect(names.size).toBe(100_000);
	}, 60_000);
});
