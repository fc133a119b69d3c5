import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON for other channels, not a page: the status, lines and shipments of an order they placed.
export const GET = apiEndpoint('orders:write', operations.getOrder);
export const fallback = methodNotAllowed(['GET']);
