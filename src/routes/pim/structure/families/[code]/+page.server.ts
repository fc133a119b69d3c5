import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import {
	labelIn,
	loadDefinition,
	localeChoices,
	productCountsByFamily,
	updateFamily
} from '$pim';
import { failFrom, localizedOf, refreshedNotice } from '$lib/server/structure-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const def = loadDefinition(db);
	const f = def.families.get(event.params.code);
	if (!f) error(404, 'Family not found');
	const label = (l: Record<string, string>) => labelIn(l, def.fallbackLocale, def.fallbackLocale);
	const axes = new Set(f.axes.flat());
	return {
		family: {
			code: f.code,
			label: f.label,
			products: productCountsByFamily(db).get(f.id) ?? 0,
			axes: f.axes
		},
		channels: [...def.channels.values()].map((c) => ({ code: c.code, label: label(c.label) })),
		attributes: [...def.attributes.values()].map((a) => ({
			code: a.code,
			label: label(a.label),
			level: f.levels.get(a.code) ?? null,
			axis: axes.has(a.code),
			required: [...f.required].filter(([, codes]) => codes.includes(a.code)).map(([ch]) => ch)
		})),
		locales: localeChoices(db),
		fallback: def.fallbackLocale
	};
};

export const actions = {
	save: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const { db } = app();
		const data = await event.request.formData();
		const def = loadDefinition(db);
		const codes = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string');
		try {
			const result = await updateFamily(db, event.params.code, {
				label: localizedOf(data, 'label', def.locales),
				attributes: codes('attributes'),
				required: Object.fromEntries([...def.channels.keys()].map((ch) => [ch, codes(`required.${ch}`)]))
			});
			return { form: 'save', success: refreshedNotice('Saved', result) };
		} catch (e) {
			return failFrom(e, 'save');
		}
	}
} satisfies Actions;
