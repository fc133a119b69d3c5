import { createHash } from 'node:crypto';

/**
 * A strong ETag from the exact bytes of a body: equal bytes, equal tag. Built from the body
 * rather than from a product's revision, because an answer also holds things a revision does
 * not count (category labels, media links, completeness).
 */
export function etagOf(body: string): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whether an If-None-Match header matches `etag`: `*`, or any listed tag, compared weakly
 * (RFC 9110 §13.1.2: a W/ prefix is ignored for GET revalidation).
 */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
	if (!header) return false;
	if (header.trim() === '*') return true;
	const strip = (t: string) => t.trim().replace(/^W\//, '');
	const wanted = strip(etag);
	return header.split(',').some((t) => strip(t) === wanted);
}

/**
 * A JSON answer with its ETag; a 304 without a body when the client already holds it. The
 * caches in between must revalidate each time (stock and content change at any moment) and
 * keep one copy per token.
 */
export function jsonWithEtag(request: Request, data: unknown, headers: Record<string, string> = {}): Response {
	const body = JSON.stringify(data);
	const etag = etagOf(body);
	const common = { etag, 'cache-control': 'private, no-cache', vary: 'Authorization', ...headers };
	if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
	return new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...common } });
}
