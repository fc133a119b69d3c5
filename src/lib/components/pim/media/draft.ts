// Pure edits of the editor's media draft. Images and models share one ordered list (the order
// the product saves), but each section reorders only among its own kind.
import type { EditorMedia } from '$lib/pim-types';

type Role = EditorMedia['role'];

/** Positions in the whole list of the items of one role, in order. */
export function slotsOf(items: EditorMedia[], role: Role): number[] {
	return items.flatMap((m, i) => (m.role === role ? [i] : []));
}

/** Moves the `from`-th item of a role to be its `to`-th, leaving the other role's slots alone. */
export function moveAmong(items: EditorMedia[], role: Role, from: number, to: number): EditorMedia[] {
	const slots = slotsOf(items, role);
	if (from === to || from < 0 || to < 0 || from >= slots.length || to >= slots.length) return items;
	const own = slots.map((i) => items[i]);
	const [moved] = own.splice(from, 1);
	own.splice(to, 0, moved);
	const next = [...items];
	slots.forEach((slot, k) => (next[slot] = own[k]));
	return next;
}

/** The list with the item at `index` (in the whole list) replaced by `change` applied to it. */
export function updateAt(items: EditorMedia[], index: number, change: Partial<EditorMedia>): EditorMedia[] {
	return items.map((m, i) => (i === index ? { ...m, ...change } : m));
}

export function removeAt(items: EditorMedia[], index: number): EditorMedia[] {
	return items.filter((_, i) => i !== index);
}

/** Adds fresh uploads at the end, skipping media the draft already holds in that role. */
export function appendNew(items: EditorMedia[], added: EditorMedia): { items: EditorMedia[]; duplicate: boolean } {
	if (items.some((m) => m.media === added.media && m.role === added.role)) return { items, duplicate: true };
	return { items: [...items, added], duplicate: false };
}

/** A file size as the PIM shows it: 840 KB, 12.4 MB. */
export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
