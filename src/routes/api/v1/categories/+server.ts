import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON for other channels, not a page: the category tree, paged by cursor.
export const GET = apiEndpoint('catalog:read', operations.listCategories);
export const fallback = methodNotAllowed(['GET']);
