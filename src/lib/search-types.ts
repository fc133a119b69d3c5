/** Shapes of search answers, shared by the server and the pages that render them. */

/** A piece of a highlighted name: matched text is `hit: true`. Rendered as text, never as HTML. */
export interface HighlightPart {
	text: string;
	hit: boolean;
}

export interface SearchHit {
	id: number;
	code: string;
	name: string;
	nameParts: HighlightPart[];
	brand: string;
	image: { src: string; srcset: string } | null;
	price: { amount: number; regular: number | null; max: number; currency: string } | null;
	rating: number | null;
	reviewCount: number;
	/** Shelf stock in the kiosk's store; null when the request names no store. */
	inStockHere: boolean | null;
	deliverable: boolean;
}

export interface FacetValue {
	value: string;
	label: string;
	count: number;
	hex?: string | null;
}

export interface SearchResult {
	query: string;
	degraded: boolean;
	total: number;
	page: number;
	perPage: number;
	pages: number;
	currency: string;
	store: string | null;
	hits: SearchHit[];
	/** Facet distribution; null when the degraded search answered (it has none). */
	facets: {
		category: FacetValue[];
		brand: FacetValue[];
		colour: FacetValue[];
		size: FacetValue[];
		rating: FacetValue[];
		price: { min: number; max: number } | null;
		inStock: number | null;
	} | null;
	processingTimeMs: number;
}
