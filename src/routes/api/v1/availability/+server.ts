import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON for other channels, not a page: stock per location by SKU, paged by cursor.
export const GET = apiEndpoint('stock:read', operations.listAvailability);
export const fallback = methodNotAllowed(['GET']);
