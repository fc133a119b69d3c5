import { error, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { app } from '$lib/server/app';
import { categoryCards } from '$lib/server/categories';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const id = Number(params.id);
	if (!Number.isInteger(id) || id < 1) error(404, 'Category not found');
	const { db, searchMeili } = app();
	const view = await categoryCards(db, searchMeili, id, getLocale());
	if (!view.parent) error(404, 'Category not found');
	// A leaf category has nothing to browse: show its products.
	if (view.cards.length === 0) redirect(303, `/search?category=${id}`);
	return view;
};
