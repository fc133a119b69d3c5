import {
	createAttribute,
	createCategory,
	createFamily,
	gs1CheckDigit,
	upsertChannel,
	upsertLocale,
	type PimDb,
	type ProductInput
} from '../../pim/index.ts';

/** A GTIN-13 with a correct check digit. */
export function gtin13(n: number): string {
	const body = `2${String(n).padStart(11, '0')}`;
	return `${body}${gs1CheckDigit(body)}`;
}

/**
 * A small hand-written catalog: three locales, two channels, a simple furniture family and
 * an apparel family with colour × size variants.
 */
export function seedStructure(db: PimDb) {
	upsertLocale(db, { code: 'en', label: 'English', fallback: true }, 0);
	upsertLocale(db, { code: 'zh-CN', label: '简体中文' }, 1);
	upsertLocale(db, { code: 'ru', label: 'Русский' }, 2);
	upsertChannel(db, { code: 'kiosk', label: { en: 'Kiosk' }, locales: ['en', 'zh-CN', 'ru'], currencies: ['USD'] });
	upsertChannel(db, { code: 'web', label: { en: 'Web' }, locales: ['en', 'zh-CN', 'ru'], currencies: ['USD'] });
	createAttribute(db, { code: 'name', type: 'text', label: { en: 'Name' }, localizable: true });
	createAttribute(db, { code: 'description', type: 'richtext', label: { en: 'Description' }, localizable: true });
	createAttribute(db, { code: 'tagline', type: 'text', label: { en: 'Tagline' }, localizable: true, perChannel: true });
	createAttribute(db, { code: 'brand', type: 'text', label: { en: 'Brand' } });
	createAttribute(db, { code: 'image', type: 'image', label: { en: 'Image' } });
	createAttribute(db, {
		code: 'material',
		type: 'select',
		label: { en: 'Material' },
		options: [
			{ code: 'oak', label: { en: 'Oak', 'zh-CN': '橡木', ru: 'Дуб' } },
			{ code: 'steel', label: { en: 'Steel' } }
		]
	});
	createAttribute(db, {
		code: 'colour',
		type: 'select',
		label: { en: 'Colour' },
		options: [
			{ code: 'red', label: { en: 'Red' }, hex: '#c0392b' },
			{ code: 'blue', label: { en: 'Blue' }, hex: '#2e6fd8' }
		]
	});
	createAttribute(db, {
		code: 'size',
		type: 'select',
		label: { en: 'Size' },
		options: ['S', 'M', 'L'].map((s) => ({ code: s, label: { en: s } }))
	});
	createAttribute(db, { code: 'width', type: 'measurement', label: { en: 'Width' }, unit: 'CENTIMETER' });
	createFamily(db, {
		code: 'furniture',
		label: { en: 'Furniture' },
		attributes: ['name', 'description', 'tagline', 'brand', 'image', 'material', 'width'],
		required: { kiosk: ['name', 'brand', 'material'], web: ['name', 'brand', 'material', 'description', 'width'] }
	});
	createFamily(db, {
		code: 'apparel',
		label: { en: 'Apparel' },
		attributes: ['name', 'description', 'brand', 'image'],
		required: { kiosk: ['name', 'brand', 'colour', 'size'], web: ['name', 'brand', 'colour', 'size', 'description'] },
		variantLevels: [
			{ axes: ['colour'], attributes: [] },
			{ axes: ['size'], attributes: [] }
		]
	});
	createCategory(db, { code: 'furniture', label: { en: 'Furniture', 'zh-CN': '家具', ru: 'Мебель' } });
	createCategory(db, { code: 'chairs', parent: 'furniture', label: { en: 'Chairs', 'zh-CN': '椅子', ru: 'Стулья' } });
	createCategory(db, { code: 'apparel', label: { en: 'Apparel' } });
	createCategory(db, { code: 'tshirts', parent: 'apparel', label: { en: 'T-shirts' } });
}

/** A complete, publishable chair. */
export function chair(code = 'CHR-1', n = 1, overrides: Partial<ProductInput> = {}): ProductInput {
	return {
		code,
		family: 'furniture',
		status: 'published',
		categories: ['chairs'],
		values: {
			name: { '*': { en: `Oak dining chair ${code}`, 'zh-CN': '橡木餐椅', ru: 'Дубовый обеденный стул' } },
			description: { '*': { en: '<p>A sturdy chair.</p>' } },
			brand: { '*': { '*': 'Nordhus' } },
			material: { '*': { '*': 'oak' } }
		},
		variants: [{ code, axes: {}, gtin: gtin13(n), prices: { USD: { amount: 12900 } } }],
		...overrides
	};
}

/** A complete T-shirt in red and blue, sizes S and M. */
export function tshirt(code = 'TSH-1', n = 100): ProductInput {
	let g = n;
	return {
		code,
		family: 'apparel',
		status: 'published',
		categories: ['tshirts'],
		values: { name: { '*': { en: `Cotton T-shirt ${code}` } }, brand: { '*': { '*': 'Linea' } } },
		variants: ['red', 'blue'].map((c) => ({
			code: `${code}-${c.toUpperCase()}`,
			axes: { colour: c },
			children: ['S', 'M'].map((s) => ({
				code: `${code}-${c.toUpperCase()}-${s}`,
				axes: { size: s },
				gtin: gtin13(g++),
				prices: { USD: { amount: 1900 } }
			}))
		}))
	};
}
