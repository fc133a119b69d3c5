import { describe, expect, it } from 'vitest';
import type { Issue } from '$pim';
import { decodeCursor, encodeCursor, pageOf, readPageRequest } from './cursor.ts';
import { etagOf, jsonWithEtag, matchesIfNoneMatch } from './etag.ts';

describe('cursors', () => {
	it('round-trip opaquely and belong to one list', () => {
		const c = encodeCursor('products', 1234);
		expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodeCursor('products', c)).toBe(1234);
		expect(decodeCursor('categories', c)).toBeNull();
		for (const bad of ['', 'x', '!!!', Buffer.from('{"k":"products","a":-1}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) expect(decodeCursor('products', bad)).toBeNull();
	});

	it('reads limit and cursor, collecting problems', () => {
		const issues: Issue[] = [];
		expect(readPageRequest('products', new URLSearchParams(''), issues)).toEqual({ limit: 50, after: 0 });
		expect(readPageRequest('products', new URLSearchParams(`limit=200&cursor=${encodeCursor('products', 9)}`), issues)).toEqual({ limit: 200, after: 9 });
		expect(issues).toEqual([]);
		readPageRequest('products', new URLSearchParams('limit=201&cursor=zz'), issues);
		readPageRequest('products', new URLSearchParams('limit=1.5'), issues);
		expect(issues.map((i) => i.path)).toEqual(['limit', 'cursor', 'limit']);
	});

	it('links the next page with the same filters, and none after the last', () => {
		const url = new URL('http://internal:3000/api/v1/products?status=any&limit=2');
		const full = pageOf('products', [{ id: 3 }, { id: 5 }, { id: 8 }], 2, (r) => r.id, (rows) => rows.map((r) => r.id), url, 'https://shop.example');
		expect(full.data).toEqual([3, 5]);
		const next = new URL(full.next!);
		expect(next.origin).toBe('https://shop.example');
		expect(next.searchParams.get('status')).toBe('any');
		expect(decodeCursor('products', next.searchParams.get('cursor')!)).toBe(5);
		expect(pageOf('products', [{ id: 3 }], 2, (r) => r.id, (rows) => rows, url, 'https://shop.example').next).toBeNull();
	});
});

describe('ETags', () => {
	it('follow the bytes of the body', () => {
		expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
		expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
	});

	it('match If-None-Match lists, weak tags and *', () => {
		const tag = etagOf('x');
		expect(matchesIfNoneMatch(null, tag)).toBe(false);
		expect(matchesIfNoneMatch(tag, tag)).toBe(true);
		expect(matchesIfNoneMatch(`"a", W/${tag}`, tag)).toBe(true);
		expect(matchesIfNoneMatch('*', tag)).toBe(true);
		expect(matchesIfNoneMatch('"a"', tag)).toBe(false);
	});

	it('turn a matching request into a 304 without a body', async () => {
		const first = jsonWithEtag(new Request('http://x/'), { a: 1 });
		expect(first.status).toBe(200);
		const again = jsonWithEtag(new Request('http://x/', { headers: { 'if-none-match': first.headers.get('etag')! } }), { a: 1 });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});
});
