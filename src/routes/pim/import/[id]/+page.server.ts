import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ValidationError } from '$pim';
import { app } from '$lib/server/app';
import { authorOf, requireRole } from '$lib/server/guard';
import { importForReal, importRunView, startImport } from '$lib/server/imports';
import type { Actions, PageServerLoad } from './$types';

const ctx = () => ({ db: app().db, dataDir: app().config.dataDir });

function runId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) error(404, 'No such import');
	return id;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'merchandiser', 'admin');
	const run = importRunView(ctx(), runId(event.params.id));
	if (!run) error(404, 'No such import');
	return { run };
};

const startSchema = z.object({
	mode: z.enum(['file', 'batch'], 'Choose all-or-nothing per file or per batch'),
	dryRun: z.literal('on').optional()
});

/** The Akeneo mapping from the form: `locale:en_US` → our locale (empty drops it), `channel:ecommerce` → our channels, comma-separated. */
function mappingOf(form: FormData) {
	const locales: Record<string, string> = {};
	const channels: Record<string, string[]> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string') continue;
		if (key.startsWith('locale:')) locales[key.slice(7)] = value.trim();
		if (key.startsWith('channel:')) channels[key.slice(8)] = value.split(',').map((s) => s.trim()).filter(Boolean);
	}
	return { locales, channels };
}

export const actions = {
	/** Starts the import in the background; the page then follows its progress. */
	start: async (event) => {
		requireRole(event, 'merchandiser', 'admin');
		const id = runId(event.params.id);
		const form = await event.request.formData();
		const parsed = startSchema.safeParse({ mode: form.get('mode'), dryRun: form.get('dryRun') ?? undefined });
		if (!parsed.success) return fail(400, { message: parsed.error.issues[0].message });
		const run = importRunView(ctx(), id);
		if (!run) error(404, 'No such import');
		try {
			startImport(ctx(), id, { mode: parsed.data.mode, dryRun: parsed.data.dryRun === 'on', mapping: run.akeneo ? mappingOf(form) : undefined });
		} catch (e) {
			if (e instanceof ValidationError) return fail(409, { message: e.issues[0]?.message ?? e.message });
			throw e;
		}
		return { started: true };
	},
	/** After a dry run: the same files and options, for real. */
	again: async (event) => {
		const user = requireRole(event, 'merchandiser', 'admin');
		let id: number;
		try {
			id = importForReal(ctx(), runId(event.params.id), authorOf(user));
		} catch (e) {
			if (e instanceof ValidationError) return fail(409, { message: e.issues[0]?.message ?? e.message });
			throw e;
		}
		redirect(303, `/pim/import/${id}`);
	}
} satisfies Actions;
