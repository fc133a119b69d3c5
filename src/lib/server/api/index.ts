/**
 * The API other channels (web shop, app, till, ERP) use under /api/v1: tokens with scopes,
 * the endpoint wrapper (authentication, scope, rate limit, one error shape), cursors, ETags,
 * the catalog, stock and order views, and the OpenAPI document. Routes stay one-liners over it.
 */
export * from './errors.ts';
export * from './etag.ts';
export * from './cursor.ts';
export * from './tokens.ts';
export * from './endpoint.ts';
export * from './catalog.ts';
export * from './stock.ts';
export * from './orders.ts';
export { openApiDocument, type OpenApiDocument } from './openapi.ts';
export * as operations from './handlers.ts';
