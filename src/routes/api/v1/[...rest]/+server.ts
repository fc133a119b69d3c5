import { ApiError, errorResponse } from '$lib/server/api';
import type { RequestHandler } from './$types';

// Any other path under /api/v1 answers in the API's error shape, not with the app's HTML 404 page.
export const fallback: RequestHandler = ({ url }) =>
	errorResponse(new ApiError(404, 'not_found', `No endpoint ${url.pathname}; the API is described at /api/v1/openapi.json`));
