import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON from tills and ERPs, not a form: stock counts and adjustments with a bearer token, no session or cookie.
export const POST = apiEndpoint('stock:write', operations.postStock);
export const fallback = methodNotAllowed(['POST']);
