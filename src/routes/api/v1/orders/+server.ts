import { apiEndpoint, methodNotAllowed, operations } from '$lib/server/api';

// JSON from other channels, not a form: orders placed with a bearer token and an Idempotency-Key.
export const POST = apiEndpoint('orders:write', operations.postOrder);
export const fallback = methodNotAllowed(['POST']);
