import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { loadDefinition, ValidationError } from '$pim';
import {
	akeneoLocalesAndChannels,
	applyBundle,
	DEFAULT_AKENEO_MAPPING,
	detectFormat,
	readImportFiles,
	reasonOf,
	storedProducts,
	unreadableFiles,
	type ChannelLocaleMapping,
	type ImportReport
} from '$pim/exchange/index.ts';
import type { AppDb } from './db/index.ts';
import { importRun } from './db/analytics.schema.ts';

/**
 * Imports from the PIM: uploaded files are kept in a folder of their own under the data
 * directory, read and applied in the background while the page polls the run's progress in
 * `import_run`, and removed once a real run is over (a dry run keeps them, so the same files can
 * then be imported for real). Big catalogs go through `npm run import` instead.
 */

/** Most an upload may weigh in all (the server takes request bodies up to 31 MB). */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
export const MAX_IMPORT_FILES = 20;
/** Uploads nobody ran for real are removed after a day. */
const KEEP_UPLOADS_MS = 24 * 3600_000;

export interface ImportContext {
	db: AppDb;
	dataDir: string;
}

/** What the import pages show of a run. */
export interface ImportRunView {
	id: number;
	author: string;
	format: string;
	mode: 'file' | 'batch';
	dryRun: boolean;
	status: 'queued' | 'running' | 'done' | 'failed';
	total: number;
	done: number;
	summary: ImportSummary | null;
	rejectedCount: number;
	/** The first rejected rows, to show on the page; the report file has them all. */
	rejectedPreview: { file: string; line: number; code: string | null; reason: string }[];
	error: string | null;
	createdAt: string;
	finishedAt: string | null;
	files: { name: string; bytes: number }[];
	/** Whether its files are still there to run again (for real after a dry run). */
	filesKept: boolean;
	/** For an Akeneo export: its locales and channels, and the mapping to start from. */
	akeneo: { locales: string[]; channels: string[]; mapping: ChannelLocaleMapping } | null;
}

/** The report as stored with the run (its rejected rows are stored apart). */
export type ImportSummary = Omit<ImportReport, 'rejected'> & { mapping?: ChannelLocaleMapping };

interface Settings {
	files: string[];
	akeneo: ImportRunView['akeneo'];
}

const uploadsDir = (ctx: ImportContext) => join(ctx.dataDir, 'imports');
const runDir = (ctx: ImportContext, id: number) => join(uploadsDir(ctx), String(id));

/** Runs this process is working on: a 'running' row that is not here was cut short by a restart. */
const active = new Set<number>();

/** A file name safe to write: its base name, odd characters replaced. */
function safeName(name: string): string {
	const base = basename(name.replace(/\\/g, '/')).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
	return base && base !== '.' && base !== '..' ? base : 'file.csv';
}

/**
 * The mapping to offer for an Akeneo export: the reader's defaults, except that a locale our
 * catalog has only as its language (en for en_US) is mapped to that language.
 */
export function suggestMapping(locales: string[], channels: string[], ours: { locales: string[]; channels: string[] }): ChannelLocaleMapping {
	const mapping = DEFAULT_AKENEO_MAPPING(locales, channels);
	const taken = new Set(Object.values(mapping.locales));
	for (const [ak, code] of Object.entries(mapping.locales)) {
		if (!code || ours.locales.includes(code)) continue;
		const language = code.split('-')[0];
		if (ours.locales.includes(language) && !taken.has(language)) {
			mapping.locales[ak] = language;
			taken.add(language);
		}
	}
	return mapping;
}

/** Removes upload folders of runs that are over and older than a day. */
function sweep(ctx: ImportContext) {
	const dir = uploadsDir(ctx);
	if (!existsSync(dir)) return;
	for (const name of readdirSync(dir)) {
		const id = Number(name);
		if (!Number.isInteger(id) || active.has(id)) continue;
		const path = join(dir, name);
		if (Date.now() - statSync(path).mtimeMs > KEEP_UPLOADS_MS) rmSync(path, { recursive: true, force: true });
	}
}

/**
 * Keeps uploaded files for a new import run and says what they are (the format, and for an
 * Akeneo export the mapping to start from). Refuses, changing nothing, an upload that is empty,
 * too large, or holds files no reader takes.
 */
export async function createImport(ctx: ImportContext, author: string, uploads: File[]): Promise<number> {
	const files = uploads.filter((f) => f.size > 0 || f.name);
	if (!files.length) throw new ValidationError('Nothing to import', [{ path: 'files', message: 'Choose one or more files' }]);
	if (files.length > MAX_IMPORT_FILES) throw new ValidationError('Too many files', [{ path: 'files', message: `At most ${MAX_IMPORT_FILES} files at once` }]);
	const bytes = files.reduce((n, f) => n + f.size, 0);
	if (bytes > MAX_IMPORT_BYTES)
		throw new ValidationError('Too large', [{ path: 'files', message: `At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB in all; import larger catalogs with npm run import` }]);
	const names = files.map((f) => safeName(f.name));
	if (new Set(names).size !== names.length) throw new ValidationError('Two files have one name', [{ path: 'files', message: 'Each file needs a name of its own' }]);
	const unknown = unreadableFiles(names);
	if (unknown.length)
		throw new ValidationError('Unknown files', [{ path: 'files', message: `Not a file this import reads: ${unknown.join(', ')}. Choose CSV or JSON files, or the CSV files of an Akeneo export.` }]);
	const format = detectFormat(names);
	const contents = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
	sweep(ctx);
	let akeneo: Settings['akeneo'] = null;
	if (format === 'akeneo') {
		const found = akeneoLocalesAndChannels(Object.fromEntries(names.map((n, i) => [n, contents[i]])));
		const def = loadDefinition(ctx.db);
		akeneo = { ...found, mapping: suggestMapping(found.locales, found.channels, { locales: def.locales, channels: [...def.channels.keys()] }) };
	}
	const id = ctx.db.insert(importRun).values({ author, format, mode: 'batch', dryRun: true, status: 'queued' }).returning({ id: importRun.id }).get().id;
	const dir = runDir(ctx, id);
	mkdirSync(dir, { recursive: true });
	names.forEach((n, i) => writeFileSync(join(dir, n), contents[i]));
	writeFileSync(join(dir, '.settings.json'), JSON.stringify({ files: names, akeneo } satisfies Settings));
	return id;
}

function settingsOf(ctx: ImportContext, id: number): Settings | null {
	try {
		return JSON.parse(readFileSync(join(runDir(ctx, id), '.settings.json'), 'utf8')) as Settings;
	} catch {
		return null;
	}
}

/** A run as the pages show it, or null. A run left 'running' by a restart is marked failed here. */
export function importRunView(ctx: ImportContext, id: number): ImportRunView | null {
	let row = ctx.db.select().from(importRun).where(eq(importRun.id, id)).get();
	if (!row) return null;
	if (row.status === 'running' && !active.has(id)) {
		ctx.db
			.update(importRun)
			.set({ status: 'failed', error: 'The server stopped while this import ran. Batches finished before that were written; run the import again to finish it (what is already there is left as it is).', finishedAt: new Date().toISOString() })
			.where(eq(importRun.id, id))
			.run();
		row = ctx.db.select().from(importRun).where(eq(importRun.id, id)).get()!;
	}
	const settings = settingsOf(ctx, id);
	const summary = (row.summary as ImportSummary | null) ?? null;
	const dir = runDir(ctx, id);
	const names = settings?.files ?? (summary as { files?: string[] } | null)?.files ?? [];
	return {
		id: row.id,
		author: row.author,
		format: row.format,
		mode: row.mode,
		dryRun: row.dryRun,
		status: row.status,
		total: row.total,
		done: row.done,
		summary,
		rejectedCount: row.rejected?.length ?? 0,
		rejectedPreview: (row.rejected ?? []).slice(0, 50),
		error: row.error,
		createdAt: row.createdAt,
		finishedAt: row.finishedAt,
		files: names.map((name) => ({ name, bytes: settings && existsSync(join(dir, name)) ? statSync(join(dir, name)).size : 0 })),
		filesKept: !!settings,
		akeneo: settings?.akeneo ?? null
	};
}

/** The latest runs, newest first. */
export function recentImports(ctx: ImportContext, limit = 10) {
	return ctx.db
		.select({ id: importRun.id, author: importRun.author, format: importRun.format, mode: importRun.mode, dryRun: importRun.dryRun, status: importRun.status, createdAt: importRun.createdAt })
		.from(importRun)
		.orderBy(desc(importRun.id))
		.limit(limit)
		.all();
}

/** The rejected rows of a run, for its report file. */
export function importRejections(ctx: ImportContext, id: number) {
	return ctx.db.select({ rejected: importRun.rejected }).from(importRun).where(eq(importRun.id, id)).get()?.rejected ?? null;
}

export interface StartOptions {
	mode: 'file' | 'batch';
	dryRun: boolean;
	mapping?: ChannelLocaleMapping;
}

/**
 * Starts a queued run in the background with the options the user chose. One import runs at a
 * time: a second waits for the user to start it again.
 */
export function startImport(ctx: ImportContext, id: number, opts: StartOptions): void {
	const row = ctx.db.select().from(importRun).where(eq(importRun.id, id)).get();
	const settings = settingsOf(ctx, id);
	if (!row || row.status !== 'queued' || !settings) throw new ValidationError('This import cannot start', [{ path: 'form', message: 'It has run already, or its files are gone. Upload them again.' }]);
	refuseWhileBusy(ctx);
	if (settings.akeneo && opts.mapping) writeFileSync(join(runDir(ctx, id), '.settings.json'), JSON.stringify({ ...settings, akeneo: { ...settings.akeneo, mapping: opts.mapping } } satisfies Settings));
	ctx.db.update(importRun).set({ status: 'running', mode: opts.mode, dryRun: opts.dryRun, done: 0, total: 0 }).where(eq(importRun.id, id)).run();
	active.add(id);
	void runImport(ctx, id, row.author, settings, opts).finally(() => active.delete(id));
}

/** Refuses to start while another import runs in this server. */
function refuseWhileBusy(ctx: ImportContext) {
	const busy = ctx.db.select({ id: importRun.id }).from(importRun).where(eq(importRun.status, 'running')).all().filter((r) => active.has(r.id));
	if (busy.length) throw new ValidationError('Another import is running', [{ path: 'form', message: `Import #${busy[0].id} is still running; start this one when it has finished.` }]);
}

/**
 * After a dry run: the same files, the same options, for real, as a new run (the dry run's
 * record stays as it was). Returns the new run's id.
 */
export function importForReal(ctx: ImportContext, dryRunId: number, author: string): number {
	const view = importRunView(ctx, dryRunId);
	if (!view || !view.dryRun || view.status !== 'done' || !view.filesKept)
		throw new ValidationError('This import cannot run again', [{ path: 'form', message: 'Its files are gone. Upload them again.' }]);
	refuseWhileBusy(ctx);
	const id = ctx.db.insert(importRun).values({ author, format: view.format, mode: view.mode, dryRun: false, status: 'queued' }).returning({ id: importRun.id }).get().id;
	renameSync(runDir(ctx, dryRunId), runDir(ctx, id));
	startImport(ctx, id, { mode: view.mode, dryRun: false, mapping: view.akeneo?.mapping });
	return id;
}

async function runImport(ctx: ImportContext, id: number, author: string, settings: Settings, opts: StartOptions) {
	const { db } = ctx;
	const dir = runDir(ctx, id);
	let last = 0;
	const progress = (done: number, total: number, force = false) => {
		// Written between batches only: inside a batch's transaction it would be invisible, and undone with it.
		if (db.$client.inTransaction || (!force && Date.now() - last < 250)) return;
		last = Date.now();
		db.update(importRun).set({ done, total }).where(eq(importRun.id, id)).run();
	};
	try {
		// Let the request that started it answer first.
		await new Promise((resolve) => setTimeout(resolve, 0));
		const files = Object.fromEntries(settings.files.map((name) => [name, readFileSync(join(dir, name))]));
		const def = loadDefinition(db);
		const mapping = opts.mapping ?? settings.akeneo?.mapping;
		const { bundle } = readImportFiles(files, { definition: def, mapping, stored: storedProducts(db, def), format: settings.akeneo ? 'akeneo' : undefined });
		const base = { author, mode: opts.mode, comment: `Imported (${settings.files.join(', ')})`.slice(0, 200) };
		let report: ImportReport;
		if (opts.mode === 'file' && !opts.dryRun) {
			// All-or-nothing per file: a dry run first (it yields between batches, so the server keeps
			// answering), and only a clean file is written, each in one transaction.
			const check = await applyBundle(db, bundle, { ...base, dryRun: true, onProgress: (d, t) => progress(d, t * 2) });
			if (check.rejected.length) {
				report = { ...check, dryRun: false };
				report.notes.push('Nothing was written from the files with refused rows: this import is all-or-nothing per file. Fix the rows in the report and import again.');
				if (check.rolledBack.length < settings.files.length) {
					// Files without refusals still land.
					report = await applyBundle(db, bundle, { ...base, dryRun: false, onProgress: (d, t) => progress(t + d, t * 2) });
				}
			} else report = await applyBundle(db, bundle, { ...base, dryRun: false, onProgress: (d, t) => progress(t + d, t * 2) });
		} else report = await applyBundle(db, bundle, { ...base, dryRun: opts.dryRun, onProgress: (d, t) => progress(d, t) });
		const { rejected, ...rest } = report;
		const summary: ImportSummary & { files: string[] } = { ...rest, files: settings.files, ...(mapping ? { mapping: mapping as ChannelLocaleMapping } : {}) };
		db.update(importRun)
			.set({ status: 'done', summary, rejected, finishedAt: new Date().toISOString() })
			.where(eq(importRun.id, id))
			.run();
		const row = db.select({ total: importRun.total }).from(importRun).where(eq(importRun.id, id)).get();
		db.update(importRun).set({ done: row?.total ?? 0 }).where(eq(importRun.id, id)).run();
		if (!opts.dryRun) rmSync(dir, { recursive: true, force: true });
	} catch (e) {
		const message = e instanceof ValidationError ? reasonOf(e) : e instanceof Error ? `The import stopped: ${e.message}` : 'The import stopped';
		if (!(e instanceof ValidationError)) console.error(`import ${id} failed:`, e);
		db.update(importRun).set({ status: 'failed', error: message, finishedAt: new Date().toISOString() }).where(eq(importRun.id, id)).run();
	}
}

/** Whether a run is still going (for the progress endpoint). */
export function importProgress(ctx: ImportContext, id: number) {
	const view = importRunView(ctx, id);
	if (!view) return null;
	return { status: view.status, done: view.done, total: view.total, error: view.error };
}
