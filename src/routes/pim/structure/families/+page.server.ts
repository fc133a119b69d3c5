import { app } from '$lib/server/app';
import { requireRole } from '$lib/server/guard';
import {
	labelIn,
	loadDefinition,
	productCountsByFamily
} from '$pim';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const { db } = app();
	const def = loadDefinition(db);
	const products = productCountsByFamily(db);
	return {
		channels: [...def.channels.values()].map((c) => ({ code: c.code, label: labelIn(c.label, def.fallbackLocale, def.fallbackLocale) })),
		families: [...def.families.values()]
			.sort((a, b) => a.code.localeCompare(b.code))
			.map((f) => ({
				code: f.code,
				label: labelIn(f.label, def.fallbackLocale, def.fallbackLocale),
				attributes: f.levels.size,
				required: Object.fromEntries([...def.channels.keys()].map((ch) => [ch, f.required.get(ch)?.length ?? 0])),
				axes: f.axes.map((level) => level.join(' + ')),
				products: products.get(f.id) ?? 0
			}))
	};
};
