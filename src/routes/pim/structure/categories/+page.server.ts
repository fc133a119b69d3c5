import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import {
	appendCategory,
	type CategoryDef,
	categoryPath,
	deleteCategory,
	labelIn,
	loadDefinition,
	localeChoices,
	moveCategory,
	productCountsByCategory,
	productsInSubtree,
	renameCategory
} from '$pim';
import type { CategoryNode } from '$lib/components/pim/structure/types';
import { failFrom, localizedOf, refreshedNotice, textOf } from '$lib/server/structure-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const def = loadDefinition(db);
	const counts = productCountsByCategory(db);
	const label = (c: CategoryDef) => labelIn(c.label, def.fallbackLocale, def.fallbackLocale);
	const all = [...def.categoriesById.values()].sort((a, b) => a.position - b.position || a.id - b.id);
	const childrenOf = (parentId: number | null): CategoryNode[] =>
		all
			.filter((c) => c.parentId === parentId)
			.map((c) => ({ code: c.code, label: label(c), products: counts.get(c.id) ?? 0, children: childrenOf(c.id) }));

	const selectedCode = event.url.searchParams.get('c');
	const c = selectedCode ? def.categories.get(selectedCode) : undefined;
	let selected = null;
	if (c) {
		const siblings = all.filter((s) => s.parentId === c.parentId);
		const below = new Set<number>();
		const walk = (id: number) => {
			below.add(id);
			for (const x of all) if (x.parentId === id) walk(x.id);
		};
		walk(c.id);
		selected = {
			code: c.code,
			label: c.label,
			path: categoryPath(def, c.id).map(label),
			parent: c.parentId === null ? null : (def.categoriesById.get(c.parentId)?.code ?? null),
			position: siblings.findIndex((s) => s.id === c.id) + 1,
			children: all.filter((x) => x.parentId === c.id).length,
			products: counts.get(c.id) ?? 0,
			subtreeProducts: productsInSubtree(db, c.id).length,
			// Anywhere but under itself: the server refuses that too.
			parents: all
				.filter((x) => !below.has(x.id))
				.map((x) => ({ code: x.code, path: categoryPath(def, x.id).map(label).join(' › ') }))
				.sort((a, b) => a.path.localeCompare(b.path))
		};
	}
	return { tree: childrenOf(null), selected, locales: localeChoices(db), fallback: def.fallbackLocale };
};

export const actions = {
	create: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const { db } = app();
		const data = await event.request.formData();
		const code = textOf(data, 'code');
		try {
			appendCategory(db, {
				code,
				parent: textOf(data, 'parent') || null,
				label: localizedOf(data, 'label', localeChoices(db).map((l) => l.code))
			});
		} catch (e) {
			return failFrom(e, 'create');
		}
		redirect(303, `/pim/structure/categories?c=${encodeURIComponent(code)}`);
	},
	rename: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const { db } = app();
		const data = await event.request.formData();
		try {
			const result = await renameCategory(db, textOf(data, 'code'), localizedOf(data, 'label', localeChoices(db).map((l) => l.code)));
			return { form: 'rename', success: refreshedNotice('Labels saved', result) };
		} catch (e) {
			return failFrom(e, 'rename');
		}
	},
	move: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const { db } = app();
		const data = await event.request.formData();
		const position = Number(textOf(data, 'position') || '1');
		if (!Number.isInteger(position) || position < 1)
			return fail(400, { form: 'move', message: 'The category was not moved', errors: { position: 'A whole number from 1' } });
		try {
			const result = await moveCategory(db, textOf(data, 'code'), textOf(data, 'parent') || null, position - 1);
			return { form: 'move', success: refreshedNotice('Moved', result) };
		} catch (e) {
			return failFrom(e, 'move');
		}
	},
	delete: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const { db } = app();
		const data = await event.request.formData();
		try {
			deleteCategory(db, textOf(data, 'code'));
		} catch (e) {
			return failFrom(e, 'delete');
		}
		redirect(303, '/pim/structure/categories');
	}
} satisfies Actions;
