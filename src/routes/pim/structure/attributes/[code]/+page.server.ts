import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import {
	familiesByAttribute,
	loadDefinition,
	localeChoices,
	optionUsage,
	productsWithValues,
	updateAttribute
} from '$pim';
import { failFrom, localizedOf, optionsOf, textOf } from '$lib/server/structure-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const def = loadDefinition(db);
	const a = def.attributes.get(event.params.code);
	if (!a) error(404, 'Attribute not found');
	const usage = a.options.size ? optionUsage(db, a.code) : new Map<string, number>();
	return {
		attribute: {
			code: a.code,
			type: a.type,
			label: a.label,
			localizable: a.localizable,
			perChannel: a.perChannel,
			unit: a.unit,
			options: [...a.options].map(([code, o]) => ({ code, label: o.label, hex: o.hex, saved: true, used: usage.get(code) ?? 0 })),
			families: familiesByAttribute(db).get(a.id) ?? [],
			productsWithValues: productsWithValues(db, a.code)
		},
		locales: localeChoices(db),
		fallback: def.fallbackLocale
	};
};

export const actions = {
	save: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const { db } = app();
		const data = await event.request.formData();
		const locales = localeChoices(db).map((l) => l.code);
		try {
			updateAttribute(db, event.params.code, {
				label: localizedOf(data, 'label', locales),
				unit: textOf(data, 'unit') || null,
				localizable: data.has('localizable'),
				perChannel: data.has('perChannel'),
				options: optionsOf(data, locales)
			});
		} catch (e) {
			return failFrom(e, 'save');
		}
		return { form: 'save', success: 'Saved. Option labels show on kiosks within a few seconds.' };
	}
} satisfies Actions;
