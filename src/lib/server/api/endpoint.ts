import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { issuesFromZod, RateLimitedError, type Issue } from '$pim';
import { app } from '../app.ts';
import type { AppConfig } from '../config.ts';
import type { AppDb } from '../db/index.ts';
import { rateLimit } from '../db/auth.schema.ts';
import { hitRateLimit, type Limit } from '../rate-limit.ts';
import { ApiError, errorResponse, rateLimited, toApiError } from './errors.ts';
import { authenticate, requireScope, type ApiScope, type ApiTokenView } from './tokens.ts';

/** Requests one token may make per minute unless the configuration says otherwise. */
export const DEFAULT_REQUESTS_PER_MINUTE = 600;

/** What an API handler gets: the request, the database, the token that made it and where links point. */
export interface ApiContext {
	request: Request;
	url: URL;
	params: Partial<Record<string, string>>;
	db: AppDb;
	token: ApiTokenView;
	/** Absolute address links in answers start with: PUBLIC_URL, else the address the request reached. */
	base: string;
	/** Signs order status links. */
	secret: string;
}

type Handler = (c: ApiContext) => Response | Promise<Response>;

function limitOf(config: AppConfig): Limit {
	const perMinute = config.apiRequestsPerMinute;
	return { max: perMinute && perMinute > 0 ? perMinute : DEFAULT_REQUESTS_PER_MINUTE, windowMs: 60_000 };
}

/**
 * Counts the request against its token's budget and returns the RateLimit headers (IETF
 * draft "RateLimit header fields for HTTP"), or throws a 429 that carries them with Retry-After.
 */
function spend(db: AppDb, token: ApiTokenView, limit: Limit, now = Date.now()): Record<string, string> {
	const key = `api:token:${token.id}`;
	const policy = { 'ratelimit-policy': `"per-token";q=${limit.max};w=${limit.windowMs / 1000}` };
	try {
		hitRateLimit(db, key, limit, `Too many requests with this token: at most ${limit.max} a minute.`, now);
	} catch (e) {
		if (!(e instanceof RateLimitedError)) throw e;
		const err = rateLimited(`${e.message} Try again in ${e.retryAfter} s.`, e.retryAfter);
		Object.assign(err.headers, policy, { ratelimit: `"per-token";r=0;t=${e.retryAfter}` });
		throw err;
	}
	const row = db.select().from(rateLimit).where(eq(rateLimit.key, key)).get();
	const remaining = row ? Math.max(0, limit.max - row.count) : limit.max - 1;
	const reset = row ? Math.max(0, Math.ceil((row.windowStart + limit.windowMs - now) / 1000)) : limit.windowMs / 1000;
	return { ...policy, ratelimit: `"per-token";r=${remaining};t=${reset}` };
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
	for (const [k, v] of Object.entries(headers)) if (!response.headers.has(k)) response.headers.set(k, v);
	return response;
}

/**
 * An /api/v1 endpoint: authenticate the token (401), check its scope (403), count it against
 * the token's rate limit (429), then run the handler. Whatever the handler throws becomes the
 * one error shape; nothing escapes as a crash or an HTML page.
 */
export function apiEndpoint(scope: ApiScope, handler: Handler): RequestHandler {
	return async (event: RequestEvent) => {
		let rateHeaders: Record<string, string> = {};
		try {
			const { db, config } = app();
			const token = authenticate(db, event.request);
			requireScope(token, scope);
			rateHeaders = spend(db, token, limitOf(config));
			const response = await handler({
				request: event.request,
				url: event.url,
				params: event.params,
				db,
				token,
				base: config.publicUrl ?? event.url.origin,
				secret: config.sessionSecret
			});
			return withHeaders(response, rateHeaders);
		} catch (e) {
			return errorResponse(toApiError(e, `${event.request.method} ${event.url.pathname}`), rateHeaders);
		}
	};
}

/** An endpoint anyone may read (the API document), still answering errors in the API's shape. */
export function publicEndpoint(handler: (c: { request: Request; url: URL; base: string }) => Response | Promise<Response>): RequestHandler {
	return async (event: RequestEvent) => {
		try {
			return await handler({ request: event.request, url: event.url, base: app().config.publicUrl ?? event.url.origin });
		} catch (e) {
			return errorResponse(toApiError(e, `${event.request.method} ${event.url.pathname}`));
		}
	};
}

/** The answer to a method a path does not offer (export it as `fallback`). */
export function methodNotAllowed(allowed: string[]): RequestHandler {
	return ({ request }) =>
		errorResponse(new ApiError(405, 'method_not_allowed', `${request.method} is not offered here; use ${allowed.join(' or ')}.`, [], { allow: allowed.join(', ') }));
}

/**
 * Checks the query string: only `allowed` parameters, each at most once unless `repeatable`.
 * Problems are collected in `issues`, which `throwIfIssues` then turns into one 400.
 */
export function checkParams(url: URL, allowed: string[], issues: Issue[], repeatable: string[] = []) {
	const seen = new Set<string>();
	for (const key of url.searchParams.keys()) {
		if (!allowed.includes(key)) issues.push({ path: key, message: `Unknown parameter; this endpoint takes ${allowed.join(', ') || 'none'}` });
		else if (seen.has(key) && !repeatable.includes(key)) issues.push({ path: key, message: 'Given more than once' });
		seen.add(key);
	}
}

/** A 400 naming every bad query parameter, if there are any. */
export function throwIfIssues(issues: Issue[]) {
	if (issues.length) throw new ApiError(400, 'bad_request', `Bad query parameters: ${[...new Set(issues.map((i) => i.path))].join(', ')}`, issues);
}

/**
 * The request's JSON body checked against a schema: 415 unless it is sent as JSON, 400 when it
 * does not parse, 422 naming each field that breaks the schema.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type))
		throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON, with Content-Type: application/json.');
	let data: unknown;
	try {
		data = JSON.parse(await request.text());
	} catch (e) {
		throw new ApiError(400, 'bad_request', `The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
	}
	const parsed = schema.safeParse(data);
	if (!parsed.success) throw new ApiError(422, 'validation_failed', 'The body has errors', issuesFromZod(parsed.error).map((i) => ({ ...i, path: i.path || '(body)' })));
	return parsed.data;
}
