import { gtinForms, type ProductSearchView } from '$pim';
import type { ProductAvailability } from '../inventory.ts';

/** Bumped when the document shape changes, so a start knows the index must be rebuilt. */
export const DOCUMENT_VERSION = 4;

/** A product's document in the Meilisearch index. */
export interface SearchDocument {
	id: number;
	code: string;
	family: string;
	channels: string[];
	brand: string;
	name_pinyin: string;
	category_ids: number[];
	colours: string[];
	sizes: string[];
	skus: string[];
	gtins: string[];
	rating: number | null;
	rating_floor: number;
	review_count: number;
	stores_in_stock: string[];
	deliverable: boolean;
	image: string | null;
	created_at: number;
	/** Localized fields (name_en, description_zh_CN, category_ru…) and prices (price_USD…). */
	[field: string]: unknown;
}

/** Field name of a localized attribute: name + zh-CN → name_zh_CN. */
export function localeField(base: string, locale: string): string {
	return `${base}_${locale.replace(/-/g, '_')}`;
}

/** Assembles the search document from the PIM's view and the store side's availability. */
export function toSearchDocument(view: ProductSearchView, availability: ProductAvailability | undefined): SearchDocument {
	const doc: SearchDocument = {
		id: view.id,
		code: view.code,
		family: view.family,
		channels: view.channels,
		brand: view.brand,
		name_pinyin: view.namePinyin,
		category_ids: view.categoryIds,
		colours: view.colours,
		sizes: view.sizes,
		skus: view.skus,
		// GTIN-14 plus the printed EAN/UPC form, so a typed barcode number matches too.
		gtins: view.gtins.flatMap(gtinForms),
		rating: view.rating,
		rating_floor: view.rating == null ? 0 : Math.floor(view.rating),
		review_count: view.reviewCount,
		stores_in_stock: availability?.storesInStock ?? [],
		deliverable: availability?.deliverable ?? false,
		image: view.image,
		created_at: view.createdAt
	};
	for (const [loc, text] of Object.entries(view.name)) doc[localeField('name', loc)] = text;
	for (const [loc, text] of Object.entries(view.description)) doc[localeField('description', loc)] = text;
	for (const [loc, path] of Object.entries(view.categoryPath)) doc[localeField('category', loc)] = path.join(' > ');
	for (const [currency, p] of Object.entries(view.prices)) {
		doc[`price_${currency}`] = p.min;
		doc[`price_max_${currency}`] = p.max;
		doc[`price_regular_${currency}`] = p.regularMin;
	}
	return doc;
}
