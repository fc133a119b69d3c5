import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON for other channels, not a page: one product with its variants, localized content and media links.
export const GET = apiEndpoint('catalog:read', operations.getProduct);
export const fallback = methodNotAllowed(['GET']);
