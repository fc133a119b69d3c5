import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ConflictError, loadDefinition, NotFoundError, ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import { BUILT_IN_RANKING_RULES } from '$lib/server/search/settings';
import { isUnreachable } from '$lib/server/search/sync';
import { applyTuning, currentTuning, isTaskPending, refreshTuningTask, revertTuning, sortableAttributes, tuningHistory } from '$lib/server/search/tuning';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.coerce.number().int().positive();
const UNREACHABLE = 'Meilisearch cannot be reached just now; try again in a moment.';

/** The form's fields in the tuning schema's shape: `synonyms.<n>.terms`, repeated `rankingRules`, `typo.<field>`. */
function tuningFromForm(form: FormData) {
	const synonyms: Record<string, FormDataEntryValue>[] = [];
	const typo: Record<string, FormDataEntryValue> = {};
	for (const [key, value] of form) {
		const row = /^synonyms\.(\d+)\.(terms|oneWay)$/.exec(key);
		if (row) (synonyms[Number(row[1])] ??= {})[row[2]] = value;
		const field = /^typo\.(\w+)$/.exec(key);
		if (field) typo[field[1]] = value;
	}
	return {
		synonyms: Array.from(synonyms, (g) => g ?? { terms: '' }),
		stopWords: form.get('stopWords') ?? '',
		rankingRules: form.getAll('rankingRules'),
		typo
	};
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	event.depends('pim:search-tuning');
	const { db, meili } = app();
	try {
		for (const v of tuningHistory(db).filter(isTaskPending)) await refreshTuningTask(db, meili, v.id);
	} catch (e) {
		// Unreachable: the page shows the last status seen and keeps asking.
		if (!isUnreachable(e)) throw e;
	}
	const history = tuningHistory(db);
	const tuning = currentTuning(db);
	// From analytics, a search that found nothing: a new synonym group starts with it, unless one has it already.
	const term = event.url.searchParams.get('synonym')?.trim().slice(0, 100) || null;
	const prefill = term && !tuning.synonyms.some((g) => g.terms.some((t) => t.toLowerCase() === term.toLowerCase())) ? term : null;
	return {
		tuning: prefill ? { ...tuning, synonyms: [...tuning.synonyms, { terms: [prefill], oneWay: false }] } : tuning,
		prefill,
		history: history.map(({ tuning, ...v }) => v),
		pending: history.some(isTaskPending),
		builtIn: [...BUILT_IN_RANKING_RULES],
		sortable: sortableAttributes(db),
		locales: loadDefinition(db).locales
	};
};

export const actions = {
	apply: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const form = await event.request.formData();
		const { db, meili } = app();
		try {
			const v = await applyTuning(db, meili, tuningFromForm(form), authorOf(user), String(form.get('comment') ?? ''));
			return { action: 'apply', version: v.id };
		} catch (e) {
			if (e instanceof ValidationError)
				return fail(400, { action: 'apply', message: e.message, errors: Object.fromEntries(e.issues.map((i) => [i.path, i.message])) });
			throw e;
		}
	},
	revert: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		const { db, meili } = app();
		try {
			const v = await revertTuning(db, meili, authorOf(user));
			return { action: 'revert', version: v.id };
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { action: 'revert', message: e.message });
			throw e;
		}
	},
	refresh: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const id = idSchema.safeParse((await event.request.formData()).get('id'));
		if (!id.success) return fail(400, { action: 'refresh', message: 'Unknown version' });
		const { db, meili } = app();
		try {
			await refreshTuningTask(db, meili, id.data);
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { action: 'refresh', message: e.message });
			if (isUnreachable(e)) return fail(503, { action: 'refresh', message: UNREACHABLE });
			throw e;
		}
		return { action: 'refresh' };
	}
} satisfies Actions;
