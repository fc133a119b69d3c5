// Used by the API tests only: the real route handlers, as operations of the OpenAPI document.
// Import it after mocking the app module (`vi.mock('$lib/server/app', …)`), never from test-kit.ts.
import * as availability from '../../../routes/api/v1/availability/+server.ts';
import * as categories from '../../../routes/api/v1/categories/+server.ts';
import * as openapi from '../../../routes/api/v1/openapi.json/+server.ts';
import * as order from '../../../routes/api/v1/orders/[code]/+server.ts';
import * as orders from '../../../routes/api/v1/orders/+server.ts';
import * as productAvailability from '../../../routes/api/v1/products/[code]/availability/+server.ts';
import * as product from '../../../routes/api/v1/products/[code]/+server.ts';
import * as products from '../../../routes/api/v1/products/+server.ts';
import * as stock from '../../../routes/api/v1/stock/+server.ts';
import * as rest from '../../../routes/api/v1/[...rest]/+server.ts';
import type { Operation } from './test-kit.ts';

export const ops = {
	listProducts: { method: 'GET', path: '/products', handler: products.GET },
	getProduct: { method: 'GET', path: '/products/{code}', handler: product.GET },
	productAvailability: { method: 'GET', path: '/products/{code}/availability', handler: productAvailability.GET },
	listCategories: { method: 'GET', path: '/categories', handler: categories.GET },
	listAvailability: { method: 'GET', path: '/availability', handler: availability.GET },
	postStock: { method: 'POST', path: '/stock', handler: stock.POST },
	postOrder: { method: 'POST', path: '/orders', handler: orders.POST },
	getOrder: { method: 'GET', path: '/orders/{code}', handler: order.GET },
	openapi: { method: 'GET', path: '/openapi.json', handler: openapi.GET }
} satisfies Record<string, Operation>;

/** The handlers SvelteKit calls for methods a path does not export, and for unknown paths. */
export const fallbacks = { products: products.fallback, stock: stock.fallback, rest: rest.fallback };
