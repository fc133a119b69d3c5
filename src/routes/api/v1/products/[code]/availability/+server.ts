import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON for other channels, not a page: stock per location of one product's SKUs.
export const GET = apiEndpoint('stock:read', operations.productAvailability);
export const fallback = methodNotAllowed(['GET']);
