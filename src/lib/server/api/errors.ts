import { isHttpError } from '@sveltejs/kit';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError, type Issue } from '$pim';

/** The codes an API error may carry; the HTTP status says the class, the code says which case. */
export const API_ERROR_CODES = [
	'bad_request',
	'unauthorized',
	'forbidden',
	'not_found',
	'method_not_allowed',
	'conflict',
	'unsupported_media_type',
	'validation_failed',
	'idempotency_key_reused',
	'rate_limited',
	'internal_error'
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one shape every /api/v1 error has: `{ error: { code, message, details? } }`. */
export interface ApiErrorBody {
	error: { code: ApiErrorCode; message: string; details?: Issue[]; errorId?: string };
}

/**
 * An answer other than success, thrown anywhere below an endpoint and turned into the error
 * shape by `apiEndpoint`. `headers` travel with it (WWW-Authenticate, Retry-After, Allow).
 */
export class ApiError extends Error {
	override name = 'ApiError';
	constructor(
		readonly status: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly details: Issue[] = [],
		readonly headers: Record<string, string> = {},
		readonly errorId?: string
	) {
		super(message);
	}
}

const CODE_OF_STATUS: Record<number, ApiErrorCode> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	409: 'conflict',
	413: 'bad_request',
	415: 'unsupported_media_type',
	422: 'validation_failed',
	429: 'rate_limited'
};

/**
 * Maps anything thrown to an ApiError: the domain's errors to 404 / 409 / 422 / 429, SvelteKit's
 * `error()` to its status, and anything else to a 500 whose cause is logged under an id the
 * answer names (and whose message, which may hold internals, the client never sees).
 */
export function toApiError(e: unknown, where = 'api'): ApiError {
	if (e instanceof ApiError) return e;
	if (e instanceof ValidationError) return new ApiError(422, 'validation_failed', e.message, e.issues);
	if (e instanceof ConflictError) return new ApiError(409, 'conflict', e.message, e.issues);
	if (e instanceof NotFoundError) return new ApiError(404, 'not_found', e.message);
	if (e instanceof RateLimitedError) return rateLimited(e.message, e.retryAfter);
	if (isHttpError(e)) {
		const status = e.status >= 400 && e.status < 600 ? e.status : 500;
		return new ApiError(status, CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'), e.body.message);
	}
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${where}:`, e);
	return new ApiError(500, 'internal_error', 'Something went wrong on our side. Try again; if it persists, quote the error id.', [], {}, errorId);
}

/** A 429 with the seconds to wait, as the Retry-After header and in the message. */
export function rateLimited(message: string, retryAfter: number): ApiError {
	return new ApiError(429, 'rate_limited', message, [], { 'retry-after': String(retryAfter) });
}

/** The JSON answer for an error, never cached. */
export function errorResponse(e: ApiError, extraHeaders: Record<string, string> = {}): Response {
	const body: ApiErrorBody = { error: { code: e.code, message: e.message } };
	if (e.details.length) body.error.details = e.details;
	if (e.errorId) body.error.errorId = e.errorId;
	return new Response(JSON.stringify(body), {
		status: e.status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extraHeaders, ...e.headers }
	});
}
