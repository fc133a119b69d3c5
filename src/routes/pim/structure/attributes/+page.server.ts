import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import {
	appendAttribute,
	type AttributeInput,
	familiesByAttribute,
	labelIn,
	loadDefinition,
	localeChoices
} from '$pim';
import { failFrom, localizedOf, optionsOf, textOf } from '$lib/server/structure-forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const def = loadDefinition(db);
	const families = familiesByAttribute(db);
	return {
		attributes: [...def.attributes.values()].map((a) => ({
			code: a.code,
			label: labelIn(a.label, def.fallbackLocale, def.fallbackLocale),
			type: a.type,
			localizable: a.localizable,
			perChannel: a.perChannel,
			options: a.options.size,
			families: families.get(a.id) ?? []
		})),
		locales: localeChoices(db),
		fallback: def.fallbackLocale
	};
};

export const actions = {
	create: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const { db } = app();
		const data = await event.request.formData();
		const locales = localeChoices(db).map((l) => l.code);
		const code = textOf(data, 'code');
		try {
			appendAttribute(db, {
				code,
				type: textOf(data, 'type') as AttributeInput['type'], // checked by the schema
				label: localizedOf(data, 'label', locales),
				localizable: data.has('localizable'),
				perChannel: data.has('perChannel'),
				unit: textOf(data, 'unit') || null,
				options: optionsOf(data, locales)
			});
		} catch (e) {
			return failFrom(e, 'create');
		}
		return { form: 'create', success: `Created attribute ${code}.` };
	}
} satisfies Actions;
