import { API_ERROR_CODES } from './errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './cursor.ts';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './orders.ts';
import { MAX_STOCK_UPDATES } from './stock.ts';
import { API_SCOPES, SCOPE_LABELS, type ApiScope } from './tokens.ts';
import { PRODUCT_STATUSES } from './catalog.ts';
import { ORDER_STATUSES } from '../db/orders.schema.ts';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = { [keyword: string]: unknown };

interface Header {
	description: string;
	required?: boolean;
	schema: JsonSchema;
}
interface ResponseObject {
	description: string;
	headers?: Record<string, Header | { $ref: string }>;
	content?: Record<string, { schema: JsonSchema }>;
}
interface Parameter {
	name: string;
	in: 'query' | 'path' | 'header';
	description: string;
	required?: boolean;
	schema: JsonSchema;
	explode?: boolean;
	style?: string;
}
interface Operation {
	operationId: string;
	summary: string;
	description?: string;
	tags: string[];
	security: Record<string, string[]>[];
	parameters?: (Parameter | { $ref: string })[];
	requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
	responses: Record<string, ResponseObject | { $ref: string }>;
}

/** The OpenAPI 3.1 document of /api/v1, as the API serves it at /api/v1/openapi.json. */
export interface OpenApiDocument {
	openapi: '3.1.0';
	jsonSchemaDialect: string;
	info: { title: string; version: string; description: string };
	servers: { url: string }[];
	security: Record<string, string[]>[];
	tags: { name: string; description: string }[];
	paths: Record<string, Partial<Record<'get' | 'post', Operation>>>;
	components: {
		schemas: Record<string, JsonSchema>;
		responses: Record<string, ResponseObject>;
		parameters: Record<string, Parameter>;
		headers: Record<string, Header>;
		securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
	};
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const int = (description?: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties), extra: JsonSchema = {}): JsonSchema => ({
	type: 'object',
	properties,
	required,
	additionalProperties: false,
	...extra
});
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const page = (item: string): JsonSchema => ({
	type: 'object',
	allOf: [ref('Page'), { type: 'object', properties: { data: { type: 'array', items: ref(item) } } }],
	unevaluatedProperties: false
});

const money = (what: string) => int(`${what}, in minor units of the currency (cents)`, { minimum: 0 });

const schemas: Record<string, JsonSchema> = {
	Error: obj(
		{
			error: obj(
				{
					code: { type: 'string', enum: [...API_ERROR_CODES], description: 'Stable, machine-readable; the HTTP status gives the class.' },
					message: str('For people: what went wrong and what to do.'),
					details: { type: 'array', items: ref('Issue'), description: 'One entry per bad field, parameter or header.' },
					errorId: str('On 500 only: quote it when reporting the problem; the server logged the cause under it.')
				},
				['code', 'message']
			)
		},
		['error'],
		{ description: 'Every error of the API has this shape.' }
	),
	Issue: obj({ path: str('Dotted path of the field (lines.0.sku), or the parameter or header name.'), message: str() }),
	Page: {
		type: 'object',
		description: 'A page of a list. Follow `next` (also sent as a Link header) until it is null; each item is visited exactly once, even while the list changes.',
		properties: {
			data: { type: 'array' },
			next: { ...nullable({ type: 'string', format: 'uri' }), description: 'The next page, with the same filters; null on the last page.' }
		},
		required: ['data', 'next']
	},
	LocalizedText: { type: 'object', description: 'Locale code → text.', additionalProperties: { type: 'string' }, propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' } },
	Values: {
		type: 'object',
		description: 'Attribute code → its values. `locale` and `channel` are null when the attribute does not vary by them. Rich text is sanitized HTML.',
		additionalProperties: {
			type: 'array',
			items: obj({ locale: nullable({ type: 'string' }), channel: nullable({ type: 'string' }), data: { description: 'Text, number, boolean, option code(s), measurement { amount, unit } or date, per the attribute type.' } })
		}
	},
	Price: obj({
		currency: { type: 'string', pattern: '^[A-Z]{3}$' },
		amount: money('Regular price'),
		sale: nullable(obj({ amount: money('Sale price'), start: nullable({ type: 'string', format: 'date' }), end: nullable({ type: 'string', format: 'date' }) })),
		current: money('What a shopper pays today: the sale price while its dates include today, else the amount')
	}),
	Variant: obj(
		{
			sku: str('The sellable variant’s code: what stock, prices and orders refer to.'),
			gtin: { ...nullable({ type: 'string', pattern: '^\\d{14}$' }), description: 'GTIN normalized to 14 digits.' },
			axes: { type: 'object', additionalProperties: { type: 'string' }, description: 'Axis attribute → option code, e.g. { "colour": "red", "size": "M" }.' },
			group: { ...nullable({ type: 'string' }), description: 'Code of the first-level variant (e.g. the colour) on two-level products.' },
			values: ref('Values'),
			prices: { type: 'array', items: ref('Price') }
		},
		undefined,
		{ description: 'A sellable variant (SKU).' }
	),
	Media: obj(
		{
			type: { type: 'string', enum: ['image', 'model3d'] },
			url: { type: 'string', format: 'uri', description: 'Largest WebP rendition of an image, or the glTF binary (.glb) of a 3D model.' },
			variant: { ...nullable({ type: 'string' }), description: 'The variant (colour group or SKU) the file belongs to; null for the whole product.' },
			alt: ref('LocalizedText'),
			width: nullable({ type: 'integer' }),
			height: nullable({ type: 'integer' }),
			renditions: { type: 'array', items: obj({ width: { type: 'integer' }, url: { type: 'string', format: 'uri' } }), description: 'Images only: every stored width.' }
		},
		['type', 'url', 'variant', 'alt', 'width', 'height']
	),
	Axis: obj({
		code: str(),
		label: ref('LocalizedText'),
		options: { type: 'array', items: obj({ code: str(), label: ref('LocalizedText'), hex: nullable({ type: 'string' }) }) }
	}),
	Product: obj(
		{
			code: str(),
			status: { type: 'string', enum: ['draft', 'published', 'archived'] },
			family: str(),
			revision: int('Grows with every save.', { minimum: 1 }),
			createdAt: dateTime,
			updatedAt: dateTime,
			channels: { type: 'array', items: { type: 'string' }, description: 'Channels the product is visible on now: published and complete there in the fallback locale.' },
			categories: { type: 'array', items: { type: 'string' }, description: 'Category codes.' },
			name: ref('LocalizedText'),
			description: { ...ref('LocalizedText'), description: 'Sanitized HTML per locale.' },
			brand: nullable({ type: 'string' }),
			values: ref('Values'),
			axes: { type: 'array', items: ref('Axis'), description: 'The variant axes and the options the variants use.' },
			variants: { type: 'array', items: ref('Variant') },
			media: { type: 'array', items: ref('Media') }
		},
		undefined,
		{ description: 'A product with its localized content, sellable variants and media links.' }
	),
	ProductPage: page('Product'),
	Category: obj({
		code: str(),
		parent: nullable({ type: 'string' }),
		label: ref('LocalizedText'),
		position: { type: 'integer' },
		path: { type: 'array', items: { type: 'string' }, description: 'Codes from the root down to this category.' }
	}),
	CategoryPage: page('Category'),
	LocationStock: obj({
		location: str('Location code.'),
		kind: { type: 'string', enum: ['store', 'warehouse'] },
		store: { ...nullable({ type: 'string' }), description: 'The store’s code for a store location.' },
		ships: { type: 'boolean', description: 'Whether the location ships orders to customers.' },
		onHand: int(undefined, { minimum: 0 }),
		reserved: int('Held for orders.', { minimum: 0 }),
		available: int('On hand − reserved.', { minimum: 0 }),
		promisable: int('Available − the location’s safety stock: what it may promise to other places.', { minimum: 0 }),
		aisle: nullable({ type: 'string' }),
		bay: nullable({ type: 'string' }),
		seq: { ...nullable({ type: 'integer' }), description: 'Sequence of the last till or ERP update applied.' },
		updatedAt: nullable(dateTime)
	}),
	Availability: obj(
		{
			sku: str(),
			product: str('The product’s code.'),
			deliverable: { type: 'boolean', description: 'Whether any shipping location can promise a unit.' },
			locations: { type: 'array', items: ref('LocationStock'), description: 'Locations holding a stock row, by code; only the asked location (zeros if it has none) when `location` is given.' }
		},
		undefined,
		{ description: 'Stock of one SKU per location.' }
	),
	AvailabilityPage: page('Availability'),
	ProductAvailability: obj({ data: { type: 'array', items: ref('Availability') } }),
	StockUpdate: {
		type: 'object',
		description:
			'An absolute count (`onHand`) or an adjustment (`adjust`) of one SKU at one location. `seq` must grow with every update of that SKU at that location (a till journal number, or a Unix time in ms): an update whose seq is not above the last one applied is stale and ignored, so a late or repeated message never undoes a newer one.',
		properties: {
			location: str('Location code.'),
			sku: str(),
			onHand: int('The counted units.', { minimum: 0, maximum: 1_000_000 }),
			adjust: int('Units to add (negative to remove).', { minimum: -1_000_000, maximum: 1_000_000, not: { const: 0 } }),
			seq: int(undefined, { minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
		},
		required: ['location', 'sku', 'seq'],
		oneOf: [
			{ type: 'object', required: ['onHand'] },
			{ type: 'object', required: ['adjust'] }
		],
		additionalProperties: false
	},
	StockBatch: obj({ updates: { type: 'array', items: ref('StockUpdate'), minItems: 1, maxItems: MAX_STOCK_UPDATES } }),
	StockResult: obj(
		{
			index: int('Position of the update in the request.', { minimum: 0 }),
			location: str(),
			sku: str(),
			outcome: { type: 'string', enum: ['applied', 'stale', 'rejected'] },
			onHand: { type: 'integer' },
			reserved: { type: 'integer' },
			available: { type: 'integer' },
			seq: nullable({ type: 'integer' }),
			error: obj({ code: { type: 'string', enum: ['not_found', 'conflict'] }, message: str() })
		},
		['index', 'location', 'sku', 'outcome'],
		{ description: 'What became of one update. Stock figures are after it (or as they stay); `error` says why a rejected one was refused.' }
	),
	StockBatchResult: obj({
		results: { type: 'array', items: ref('StockResult') },
		summary: obj({ applied: { type: 'integer' }, stale: { type: 'integer' }, rejected: { type: 'integer' } })
	}),
	Address: obj(
		{
			line1: { type: 'string', maxLength: 120 },
			line2: nullable({ type: 'string', maxLength: 120 }),
			city: { type: 'string', maxLength: 80 },
			region: nullable({ type: 'string', maxLength: 80 }),
			postalCode: { type: 'string', maxLength: 12 },
			country: { type: 'string', maxLength: 2, description: 'ISO 3166-1 alpha-2; one the retailer ships to.' }
		},
		['line1', 'city', 'postalCode', 'country']
	),
	OrderInput: obj(
		{
			store: str('Code of the selling store: its currency, tax and, for collection, where the customer collects.'),
			fulfilment: { type: 'string', enum: ['delivery', 'collect'] },
			locale: str('Language of the customer’s messages; the catalog’s fallback locale when left out.'),
			customer: obj({ name: { type: 'string', maxLength: 100 }, email: nullable({ type: 'string', maxLength: 200 }), phone: nullable({ type: 'string', maxLength: 40 }) }, ['name'], {
				description: 'An e-mail address or a phone number is required.'
			}),
			address: { ...nullable(ref('Address')), description: 'Required for delivery.' },
			lines: {
				type: 'array',
				minItems: 1,
				maxItems: MAX_ORDER_LINES,
				items: obj({ sku: str(), quantity: int(undefined, { minimum: 1, maximum: MAX_LINE_QUANTITY }) })
			}
		},
		['store', 'fulfilment', 'customer', 'lines']
	),
	Order: obj(
		{
			code: str('What the customer reads out at the counter.'),
			status: { type: 'string', enum: [...ORDER_STATUSES] },
			store: str(),
			fulfilment: { type: 'string', enum: ['delivery', 'collect'] },
			channel: { type: 'string', enum: ['kiosk', 'associate', 'api'] },
			currency: { type: 'string', pattern: '^[A-Z]{3}$' },
			subtotal: money('Goods'),
			shippingFee: money('Delivery'),
			tax: money('Tax (included in the total where the store’s prices include tax)'),
			total: money('Total'),
			customer: obj({ name: nullable({ type: 'string' }), email: nullable({ type: 'string' }), phone: nullable({ type: 'string' }), erased: { type: 'boolean', description: 'Personal data erased after the retention period.' } }),
			address: nullable({ type: 'object', additionalProperties: { type: 'string' } }),
			lines: {
				type: 'array',
				items: obj({ sku: str(), name: str(), quantity: { type: 'integer' }, unitPrice: money('Unit price'), returnedQuantity: { type: 'integer' }, shipment: nullable({ type: 'integer' }) })
			},
			shipments: {
				type: 'array',
				items: obj({
					id: { type: 'integer' },
					location: str('Where it ships from.'),
					fee: money('Fee'),
					estimatedDate: { type: 'string', format: 'date' },
					carrier: nullable({ type: 'string' }),
					trackingNumber: nullable({ type: 'string' }),
					shippedAt: nullable(dateTime)
				})
			},
			events: { type: 'array', items: obj({ type: str('placed, paid, allocated, shipped, delivered, ready, collected, cancelled, returned…'), reason: nullable({ type: 'string' }), at: dateTime }) },
			statusUrl: { type: 'string', format: 'uri', description: 'The customer’s own status page.' },
			expiresAt: { ...dateTime, description: 'An unpaid order is cancelled then and its stock released.' },
			createdAt: dateTime
		},
		undefined,
		{ description: 'An order with its status, lines and shipments. Amounts in minor units.' }
	)
};

const headers: Record<string, Header> = {
	ETag: { description: 'Identifies this answer; send it back as If-None-Match to get a 304 while nothing changed.', required: true, schema: { type: 'string' } },
	RateLimit: { description: 'Requests left in the current window (r) and seconds until it resets (t), per the IETF RateLimit header fields draft.', required: true, schema: { type: 'string' } },
	RateLimitPolicy: { description: 'The token’s quota (q) per window of w seconds.', required: true, schema: { type: 'string' } },
	RetryAfter: { description: 'Seconds to wait before trying again.', required: true, schema: { type: 'integer', minimum: 1 } },
	Link: { description: 'The next page, as rel="next" (absent on the last page).', schema: { type: 'string' } },
	WWWAuthenticate: { description: 'Bearer challenge (RFC 6750).', required: true, schema: { type: 'string' } }
};

const rateHeaders = { RateLimit: { $ref: '#/components/headers/RateLimit' }, 'RateLimit-Policy': { $ref: '#/components/headers/RateLimitPolicy' } };

const errorResponse = (description: string, extra: ResponseObject['headers'] = {}): ResponseObject => ({ description, headers: extra, content: json(ref('Error')) });

const responses: Record<string, ResponseObject> = {
	NotModified: { description: 'Not modified: the If-None-Match tag is still current.', headers: { ETag: { $ref: '#/components/headers/ETag' } } },
	BadRequest: errorResponse('Bad query parameters, headers or JSON: `details` names each.'),
	Unauthorized: errorResponse('No token, an unknown one or a revoked one.', { 'WWW-Authenticate': { $ref: '#/components/headers/WWWAuthenticate' } }),
	Forbidden: errorResponse('The token lacks the scope this operation needs.', { 'WWW-Authenticate': { $ref: '#/components/headers/WWWAuthenticate' } }),
	NotFound: errorResponse('Nothing with that code.'),
	Conflict: errorResponse('The state does not allow it (e.g. not enough stock to order): `details` names the lines.'),
	UnsupportedMediaType: errorResponse('The body must be sent as application/json.'),
	ValidationFailed: errorResponse('The body breaks a rule: `details` names each field.'),
	TooManyRequests: errorResponse('The token used up its requests for this window.', { 'Retry-After': { $ref: '#/components/headers/RetryAfter' }, ...rateHeaders }),
	InternalError: errorResponse('Our fault: the cause is logged under `errorId`.')
};

const r = (name: string) => ({ $ref: `#/components/responses/${name}` });
const p = (name: string) => ({ $ref: `#/components/parameters/${name}` });

const parameters: Record<string, Parameter> = {
	limit: { name: 'limit', in: 'query', description: `Items per page (default ${DEFAULT_PAGE_SIZE}).`, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
	cursor: { name: 'cursor', in: 'query', description: 'Where the previous page ended: take it from its `next` link, never build it.', schema: { type: 'string' } },
	code: { name: 'code', in: 'path', required: true, description: 'The product’s code.', schema: { type: 'string' } },
	orderCode: { name: 'code', in: 'path', required: true, description: 'The order’s code.', schema: { type: 'string' } },
	location: { name: 'location', in: 'query', description: 'Only this location (its code).', schema: { type: 'string' } },
	ifNoneMatch: { name: 'If-None-Match', in: 'header', description: 'The ETag of an answer you hold: 304 while it is current.', schema: { type: 'string' } },
	idempotencyKey: {
		name: 'Idempotency-Key',
		in: 'header',
		required: true,
		description: 'A new unique key (e.g. a UUID) per order. Sending the request again with the same key (a retry after a timeout) returns the same order instead of placing another.',
		schema: { type: 'string', minLength: 1, maxLength: 100 }
	}
};

/** Responses every token-authenticated operation can give. */
const guarded = { '400': r('BadRequest'), '401': r('Unauthorized'), '403': r('Forbidden'), '429': r('TooManyRequests'), '500': r('InternalError') };

const ok = (description: string, schema: JsonSchema, extra: ResponseObject['headers'] = {}): ResponseObject => ({
	description,
	headers: { ETag: { $ref: '#/components/headers/ETag' }, ...rateHeaders, ...extra },
	content: json(schema)
});

const scoped = (scope: ApiScope) => [{ bearer: [scope] }];
const needs = (scope: ApiScope) => `Needs the scope \`${scope}\`.`;

/**
 * The document, with links based on `base` (PUBLIC_URL or the address the request reached).
 * Tests validate it with an OpenAPI validator and check every answer of every endpoint against it.
 */
export function openApiDocument(base = ''): OpenApiDocument {
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		info: {
			title: 'Aisle API',
			version: '1.0.0',
			description: [
				'For other channels (web shop, app, till, ERP): the catalog, availability per location, stock updates and orders.',
				'',
				'Authenticate with `Authorization: Bearer aisle_…`: an admin creates tokens with scopes under Admin → API tokens, and can revoke them. Scopes:',
				...API_SCOPES.map((s) => `- \`${s}\`: ${SCOPE_LABELS[s]}`),
				'',
				'Lists are paged by cursor: follow `next`. GET answers carry an ETag; send it as If-None-Match to get 304 while nothing changed.',
				'Each token may make a number of requests a minute (RateLimit and RateLimit-Policy headers); past it, 429 with Retry-After.',
				'Every error is `{ "error": { "code", "message", "details"? } }`. Amounts are in minor units of the currency.'
			].join('\n')
		},
		servers: [{ url: `${base}/api/v1` }],
		security: [{ bearer: [] }],
		tags: [
			{ name: 'Catalog', description: 'Products and categories (`catalog:read`).' },
			{ name: 'Stock', description: 'Availability (`stock:read`) and updates from tills and ERPs (`stock:write`).' },
			{ name: 'Orders', description: 'Placing orders and following them (`orders:write`).' },
			{ name: 'Meta', description: 'This document.' }
		],
		paths: {
			'/products': {
				get: {
					operationId: 'listProducts',
					summary: 'List products',
					description: `Products in a stable order, a page at a time. Published products unless \`status\` says otherwise; to keep a copy in sync, ask with \`status=any&updated_since=…\` so withdrawn products come too. ${needs('catalog:read')}`,
					tags: ['Catalog'],
					security: scoped('catalog:read'),
					parameters: [
						p('limit'),
						p('cursor'),
						{ name: 'status', in: 'query', description: 'published (default), draft, archived or any.', schema: { type: 'string', enum: [...PRODUCT_STATUSES], default: 'published' } },
						{ name: 'updated_since', in: 'query', description: 'Only products changed at or after this time.', schema: { type: 'string', format: 'date-time' } },
						{ name: 'category', in: 'query', description: 'Only products in this category or below it.', schema: { type: 'string' } },
						{ name: 'channel', in: 'query', description: 'Only products visible on this channel now (e.g. web).', schema: { type: 'string' } },
						p('ifNoneMatch')
					],
					responses: { '200': ok('A page of products.', ref('ProductPage'), { Link: { $ref: '#/components/headers/Link' } }), '304': r('NotModified'), ...guarded }
				}
			},
			'/products/{code}': {
				get: {
					operationId: 'getProduct',
					summary: 'Get a product',
					description: `One product with its variants, localized content and media links, whatever its status. ${needs('catalog:read')}`,
					tags: ['Catalog'],
					security: scoped('catalog:read'),
					parameters: [p('code'), p('ifNoneMatch')],
					responses: { '200': ok('The product.', ref('Product')), '304': r('NotModified'), '404': r('NotFound'), ...guarded }
				}
			},
			'/products/{code}/availability': {
				get: {
					operationId: 'getProductAvailability',
					summary: 'Availability of a product’s SKUs',
					description: `Stock per location of each sellable variant of the product. ${needs('stock:read')}`,
					tags: ['Stock'],
					security: scoped('stock:read'),
					parameters: [p('code'), p('location'), p('ifNoneMatch')],
					responses: { '200': ok('Availability per SKU.', ref('ProductAvailability')), '304': r('NotModified'), '404': r('NotFound'), ...guarded }
				}
			},
			'/categories': {
				get: {
					operationId: 'listCategories',
					summary: 'List categories',
					description: `The category tree, parents before their children, with localized labels. ${needs('catalog:read')}`,
					tags: ['Catalog'],
					security: scoped('catalog:read'),
					parameters: [p('limit'), p('cursor'), p('ifNoneMatch')],
					responses: { '200': ok('A page of categories.', ref('CategoryPage'), { Link: { $ref: '#/components/headers/Link' } }), '304': r('NotModified'), ...guarded }
				}
			},
			'/availability': {
				get: {
					operationId: 'listAvailability',
					summary: 'Availability by SKU',
					description: `Stock per location of the given SKUs (repeat \`sku\` or separate with commas; SKUs that are not sellable variants are left out), or of every sellable variant a page at a time. ${needs('stock:read')}`,
					tags: ['Stock'],
					security: scoped('stock:read'),
					parameters: [
						{ name: 'sku', in: 'query', description: 'SKUs, at most 200.', explode: true, style: 'form', schema: { type: 'array', items: { type: 'string' }, maxItems: 200 } },
						p('location'),
						p('limit'),
						p('cursor'),
						p('ifNoneMatch')
					],
					responses: { '200': ok('A page of availability.', ref('AvailabilityPage'), { Link: { $ref: '#/components/headers/Link' } }), '304': r('NotModified'), ...guarded }
				}
			},
			'/stock': {
				post: {
					operationId: 'updateStock',
					summary: 'Send stock counts and adjustments',
					description: `Up to ${MAX_STOCK_UPDATES} updates, applied together in one transaction but each on its own merits: the answer has one result per update (applied, stale or rejected), in order. Stock reserved for orders is never given away: a count or adjustment that would leave less on hand than is reserved is rejected with a conflict. ${needs('stock:write')}`,
					tags: ['Stock'],
					security: scoped('stock:write'),
					requestBody: { required: true, content: json(ref('StockBatch')) },
					responses: {
						'200': { description: 'One result per update.', headers: rateHeaders, content: json(ref('StockBatchResult')) },
						'415': r('UnsupportedMediaType'),
						'422': r('ValidationFailed'),
						...guarded
					}
				}
			},
			'/orders': {
				post: {
					operationId: 'createOrder',
					summary: 'Place an order',
					description: `Places an order for delivery or collection: stock is reserved at once (warehouse first, else the nearest store that ships) and the customer gets a confirmation. It waits for payment at the store's counter and is cancelled when unpaid by \`expiresAt\`. ${needs('orders:write')}`,
					tags: ['Orders'],
					security: scoped('orders:write'),
					parameters: [p('idempotencyKey')],
					requestBody: { required: true, content: json(ref('OrderInput')) },
					responses: {
						'201': {
							description: 'Placed.',
							headers: { Location: { description: 'The order’s address in this API.', required: true, schema: { type: 'string', format: 'uri' } }, ...rateHeaders },
							content: json(ref('Order'))
						},
						'200': {
							description: 'The order this Idempotency-Key placed before (header Idempotent-Replayed: true).',
							headers: { Location: { description: 'The order’s address in this API.', required: true, schema: { type: 'string', format: 'uri' } }, ...rateHeaders },
							content: json(ref('Order'))
						},
						'409': r('Conflict'),
						'415': r('UnsupportedMediaType'),
						'422': r('ValidationFailed'),
						...guarded
					}
				}
			},
			'/orders/{code}': {
				get: {
					operationId: 'getOrder',
					summary: 'Get an order',
					description: `Status, lines and shipments of an order placed through the API. ${needs('orders:write')}`,
					tags: ['Orders'],
					security: scoped('orders:write'),
					parameters: [p('orderCode'), p('ifNoneMatch')],
					responses: { '200': ok('The order.', ref('Order')), '304': r('NotModified'), '404': r('NotFound'), ...guarded }
				}
			},
			'/openapi.json': {
				get: {
					operationId: 'getOpenApi',
					summary: 'This document',
					tags: ['Meta'],
					security: [],
					responses: {
						'200': { description: 'The OpenAPI 3.1 document.', headers: { ETag: { $ref: '#/components/headers/ETag' } }, content: json({ type: 'object' }) },
						'304': r('NotModified')
					}
				}
			}
		},
		components: {
			schemas,
			responses,
			parameters,
			headers,
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'An API token (aisle_…) from Admin → API tokens. Each operation names the scope it needs.' }
			}
		}
	};
}
