import { describe, expect, it } from 'vitest';
import type { EditorMedia } from '$lib/pim-types';
import { appendNew, formatBytes, moveAmong, removeAt, updateAt } from './draft.ts';

const item = (media: number, role: EditorMedia['role'] = 'image'): EditorMedia => ({
	media,
	role,
	variant: null,
	alt: {},
	url: `/media/${media}`,
	bytes: 1,
	width: null,
	height: null,
	compressed: null
});
const ids = (items: EditorMedia[]) => items.map((m) => `${m.role === 'image' ? 'i' : 'm'}${m.media}`);

describe('media draft', () => {
	const draft = [item(1), item(9, 'model3d'), item(2), item(3)];

	it('moves an image among images only: the model keeps its place in the saved order', () => {
		expect(ids(moveAmong(draft, 'image', 1, 0))).toEqual(['i2', 'm9', 'i1', 'i3']);
		expect(ids(moveAmong(draft, 'image', 0, 2))).toEqual(['i2', 'm9', 'i3', 'i1']);
	});

	it('leaves the list alone for a move past either end', () => {
		expect(moveAmong(draft, 'image', 0, -1)).toBe(draft);
		expect(moveAmong(draft, 'image', 2, 3)).toBe(draft);
	});

	it('edits and removes by position in the whole list', () => {
		expect(updateAt(draft, 2, { alt: { en: 'Back' } })[2].alt).toEqual({ en: 'Back' });
		expect(ids(removeAt(draft, 1))).toEqual(['i1', 'i2', 'i3']);
	});

	it('does not add the same upload twice', () => {
		expect(appendNew(draft, item(2))).toEqual({ items: draft, duplicate: true });
		expect(ids(appendNew(draft, item(2, 'model3d')).items)).toEqual(['i1', 'm9', 'i2', 'i3', 'm2']);
	});

	it('shows sizes in B, KB and MB', () => {
		expect([formatBytes(900), formatBytes(840 * 1024), formatBytes(12.44 * 1024 * 1024)]).toEqual(['900 B', '840 KB', '12.4 MB']);
	});
});
