// The operations of /api/v1, one per route and method; `apiEndpoint` runs each after its checks.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { issuesFromZod, loadDefinition, type Issue } from '$pim';
import { product } from '$pim/catalog/catalog.schema.ts';
import { categoryRowsAfter, categoryViews, PRODUCT_STATUSES, productByCode, productRowsAfter, productViews } from './catalog.ts';
import { linkHeader, pageOf, readPageRequest } from './cursor.ts';
import { checkParams, readJson, throwIfIssues, type ApiContext } from './endpoint.ts';
import { ApiError } from './errors.ts';
import { jsonWithEtag } from './etag.ts';
import { apiOrderByCode, apiOrderInputSchema, idempotencyKeyOf, placeApiOrder } from './orders.ts';
import { applyStockUpdates, availabilityViews, locationByCode, sellableRowsAfter, stockBatchSchema } from './stock.ts';

const code = z.string().trim().min(1).max(100);

/** Query parameters checked by a zod schema, each issue naming its parameter. */
function readQuery<S extends z.ZodType>(url: URL, schema: S, issues: Issue[]): z.output<S> | null {
	const raw = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'limit' && k !== 'cursor'));
	const parsed = schema.safeParse(raw);
	if (parsed.success) return parsed.data;
	issues.push(...issuesFromZod(parsed.error));
	return null;
}

const productQuerySchema = z.object({
	status: z.enum(PRODUCT_STATUSES, `One of ${PRODUCT_STATUSES.join(', ')}`).default('published'),
	updated_since: z.iso.datetime({ offset: true, error: 'A date and time in ISO 8601, e.g. 2026-01-31T09:00:00Z' }).optional(),
	category: code.optional(),
	channel: code.optional()
});

/** GET /products: a page of products in id order, published ones unless `status` says otherwise. */
export function listProducts(c: ApiContext): Response {
	const issues: Issue[] = [];
	checkParams(c.url, ['limit', 'cursor', 'status', 'updated_since', 'category', 'channel'], issues);
	const page = readPageRequest('products', c.url.searchParams, issues);
	const q = readQuery(c.url, productQuerySchema, issues);
	throwIfIssues(issues);
	const def = loadDefinition(c.db);
	const rows = productRowsAfter(
		c.db,
		def,
		{ status: q!.status, updatedSince: q!.updated_since ? new Date(q!.updated_since).toISOString() : undefined, category: q!.category, channel: q!.channel },
		page.after,
		page.limit
	);
	const body = pageOf('products', rows, page.limit, (r) => r.id, (kept) => productViews(c.db, def, kept, c.base), c.url, c.base);
	return jsonWithEtag(c.request, body, linkHeader(body));
}

/** GET /products/{code}: one product, whatever its status. */
export function getProduct(c: ApiContext): Response {
	const issues: Issue[] = [];
	checkParams(c.url, [], issues);
	throwIfIssues(issues);
	const view = productByCode(c.db, c.params.code ?? '', c.base);
	if (!view) throw new ApiError(404, 'not_found', `No product ${c.params.code}`);
	return jsonWithEtag(c.request, view);
}

/** GET /categories: a page of the category tree in id order (parents before their children). */
export function listCategories(c: ApiContext): Response {
	const issues: Issue[] = [];
	checkParams(c.url, ['limit', 'cursor'], issues);
	const page = readPageRequest('categories', c.url.searchParams, issues);
	throwIfIssues(issues);
	const def = loadDefinition(c.db);
	const rows = categoryRowsAfter(c.db, page.after, page.limit);
	const body = pageOf('categories', rows, page.limit, (r) => r.id, (kept) => categoryViews(def, kept), c.url, c.base);
	return jsonWithEtag(c.request, body, linkHeader(body));
}

const MAX_SKUS = 200;

function readLocation(c: ApiContext, issues: Issue[]) {
	const wanted = c.url.searchParams.get('location');
	if (wanted === null) return undefined;
	const loc = locationByCode(c.db, wanted.trim());
	if (!loc) issues.push({ path: 'location', message: `No location ${wanted}` });
	return loc ?? undefined;
}

/** GET /availability: stock per location of the given SKUs (or of every sellable variant, a page at a time). */
export function listAvailability(c: ApiContext): Response {
	const issues: Issue[] = [];
	checkParams(c.url, ['limit', 'cursor', 'sku', 'location'], issues, ['sku']);
	const page = readPageRequest('availability', c.url.searchParams, issues);
	const skuParams = c.url.searchParams.getAll('sku');
	const skus = skuParams.length ? [...new Set(skuParams.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))] : undefined;
	if (skus && skus.length === 0) issues.push({ path: 'sku', message: 'Give at least one SKU, or leave the parameter out' });
	if (skus && skus.length > MAX_SKUS) issues.push({ path: 'sku', message: `At most ${MAX_SKUS} SKUs per request` });
	const only = readLocation(c, issues);
	throwIfIssues(issues);
	const rows = sellableRowsAfter(c.db, { skus }, page.after, page.limit);
	const body = pageOf('availability', rows, page.limit, (r) => r.id, (kept) => availabilityViews(c.db, kept, only), c.url, c.base);
	return jsonWithEtag(c.request, body, linkHeader(body));
}

/** GET /products/{code}/availability: stock per location of each sellable variant of one product. */
export function productAvailability(c: ApiContext): Response {
	const issues: Issue[] = [];
	checkParams(c.url, ['location'], issues);
	const only = readLocation(c, issues);
	throwIfIssues(issues);
	const row = c.db.select({ id: product.id }).from(product).where(eq(product.code, c.params.code ?? '')).get();
	if (!row) throw new ApiError(404, 'not_found', `No product ${c.params.code}`);
	const variants = sellableRowsAfter(c.db, { productId: row.id }, 0, 10_000);
	return jsonWithEtag(c.request, { data: availabilityViews(c.db, variants, only) });
}

/** POST /stock: a batch of counts and adjustments from a till or ERP, with a result per update. */
export async function postStock(c: ApiContext): Promise<Response> {
	const body = await readJson(c.request, stockBatchSchema);
	return Response.json(applyStockUpdates(c.db, body.updates), { headers: { 'cache-control': 'no-store' } });
}

/** POST /orders: places an order (201), or answers the first one again for a repeated Idempotency-Key (200). */
export async function postOrder(c: ApiContext): Promise<Response> {
	const idempotencyKey = idempotencyKeyOf(c.request);
	const input = await readJson(c.request, apiOrderInputSchema);
	const { order, created } = placeApiOrder(c.db, { token: c.token, idempotencyKey, input, secret: c.secret, base: c.base });
	return Response.json(order, {
		status: created ? 201 : 200,
		headers: { location: `${c.base}/api/v1/orders/${order.code}`, 'cache-control': 'no-store', ...(created ? {} : { 'idempotent-replayed': 'true' }) }
	});
}

/** GET /orders/{code}: an order placed through the API, with its status, lines and shipments. */
export function getOrder(c: ApiContext): Response {
	const issues: Issue[] = [];
	checkParams(c.url, [], issues);
	throwIfIssues(issues);
	const order = apiOrderByCode(c.db, c.params.code ?? '', c.secret, c.base);
	if (!order) throw new ApiError(404, 'not_found', `No order ${c.params.code} placed through the API`);
	return jsonWithEtag(c.request, order);
}
