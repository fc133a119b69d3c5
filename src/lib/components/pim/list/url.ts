/**
 * The list's URL with some parameters changed (null removes one). Changing anything but the
 * page goes back to page 1, since the old page number means nothing in the new list.
 */
export function listHref(current: URLSearchParams, changes: Record<string, string | number | null>): string {
	const next = new URLSearchParams(current);
	if (!('page' in changes)) next.delete('page');
	for (const [key, value] of Object.entries(changes)) {
		if (value === null || value === '' || (key === 'page' && value === 1)) next.delete(key);
		else next.set(key, String(value));
	}
	const search = next.toString();
	return search ? `?${search}` : '?';
}

/** The part of a list URL that decides which products match: not the page, size or order. */
export function filterKey(url: URL | undefined | null): string {
	if (!url) return '';
	const p = new URLSearchParams(url.search);
	for (const key of ['page', 'perPage', 'sort']) p.delete(key);
	p.sort();
	return `${url.pathname}?${p}`;
}
