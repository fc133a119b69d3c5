import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON for other channels (web shop, app, ERP), not a page: token-authenticated and paged by cursor.
export const GET = apiEndpoint('catalog:read', operations.listProducts);
export const fallback = methodNotAllowed(['GET']);
