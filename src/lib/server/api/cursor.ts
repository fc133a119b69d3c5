import { z } from 'zod';
import type { Issue } from '$pim';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Which list a cursor belongs to, so one list's cursor is refused by another. */
export type CursorKind = 'products' | 'categories' | 'availability';

const payloadSchema = z.object({ k: z.string(), a: z.number().int().min(0) });

/**
 * An opaque cursor: the list it belongs to and the last id the previous page ended on.
 * Keyset pagination by id visits every row exactly once, even while rows are added or
 * changed between pages (an offset would skip or repeat them).
 */
export function encodeCursor(kind: CursorKind, after: number): string {
	return Buffer.from(JSON.stringify({ k: kind, a: after })).toString('base64url');
}

/** The id a cursor continues after, or null when it is not one of ours for this list. */
export function decodeCursor(kind: CursorKind, cursor: string): number | null {
	if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
	try {
		const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
		return parsed.success && parsed.data.k === kind ? parsed.data.a : null;
	} catch {
		return null;
	}
}

export interface PageRequest {
	limit: number;
	/** Rows with an id above this come next (0 for the first page). */
	after: number;
}

/** Reads `limit` and `cursor` from query parameters, collecting problems as issues. */
export function readPageRequest(kind: CursorKind, params: URLSearchParams, issues: Issue[]): PageRequest {
	let limit = DEFAULT_PAGE_SIZE;
	const rawLimit = params.get('limit');
	if (rawLimit !== null) {
		const n = Number(rawLimit);
		if (!/^\d+$/.test(rawLimit) || n < 1 || n > MAX_PAGE_SIZE) issues.push({ path: 'limit', message: `A whole number from 1 to ${MAX_PAGE_SIZE}` });
		else limit = n;
	}
	let after = 0;
	const cursor = params.get('cursor');
	if (cursor !== null) {
		const decoded = decodeCursor(kind, cursor);
		if (decoded === null) issues.push({ path: 'cursor', message: 'Not a cursor of this list: pass the `next` link of a previous page as it is' });
		else after = decoded;
	}
	return { limit, after };
}

/** One page of a list and the link to the next, null on the last page. */
export interface Page<T> {
	data: T[];
	next: string | null;
}

/**
 * The page to answer with: `rows` holds up to limit + 1 rows fetched after the cursor, so a
 * surplus row says whether a next page exists without counting.
 */
export function pageOf<R, T>(kind: CursorKind, rows: R[], limit: number, idOf: (r: R) => number, view: (rows: R[]) => T[], url: URL, base: string): Page<T> {
	const more = rows.length > limit;
	const kept = more ? rows.slice(0, limit) : rows;
	let next: string | null = null;
	if (more) {
		// Concatenated, not resolved: PUBLIC_URL may carry a path prefix (a proxy's /aisle).
		const link = new URL(`${base}${url.pathname}${url.search}`);
		link.searchParams.set('cursor', encodeCursor(kind, idOf(kept[kept.length - 1])));
		next = link.toString();
	}
	return { data: view(kept), next };
}

/** The Link header (RFC 8288) for a page's next link, if any. */
export function linkHeader(page: Page<unknown>): Record<string, string> {
	return page.next ? { link: `<${page.next}>; rel="next"` } : {};
}
