import { desc, eq } from 'drizzle-orm';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { z } from 'zod';
import { ConflictError, issuesFromZod, loadDefinition, NotFoundError, ValidationError } from '$pim';
import type { AppDb } from '../db/index.ts';
import { searchTuning } from '../db/tuning.schema.ts';
import { PRODUCTS_INDEX } from './client.ts';
import { BUILT_IN_RANKING_RULES, channelCurrencies, productIndexSettings, type TunedSettings } from './settings.ts';

const BUILT_IN: readonly string[] = BUILT_IN_RANKING_RULES;
/** A custom ranking rule: a sortable attribute and a direction, e.g. `rating:desc`. */
const CUSTOM_RULE = /^([A-Za-z0-9_]+):(asc|desc)$/;
/** Task states after which Meilisearch changes nothing more. */
const FINISHED = ['succeeded', 'failed', 'canceled'];

/** Text typed one per line or comma separated, or a list: trimmed, lower-cased, blanks and repeats dropped. */
function splitList(v: unknown): unknown {
	const items = typeof v === 'string' ? v.split(/[\n,]/) : v;
	if (!Array.isArray(items)) return items;
	const words = items.map((x) => (typeof x === 'string' ? x.trim().toLowerCase() : x)).filter((x) => x !== '');
	return [...new Set(words)];
}

/** A form checkbox ("on") or a JSON boolean. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

const wordList = (max: number, maxLength: number) =>
	z.preprocess(
		splitList,
		z
			.array(z.string().max(maxLength, { error: (iss) => `“${String(iss.input).slice(0, 20)}…” is longer than ${maxLength} characters` }))
			.max(max, `At most ${max} words`)
	);

const synonymGroupSchema = z.object({
	terms: z
		.preprocess(splitList, z.array(z.string().max(100, 'A term is at most 100 characters')).max(20, 'At most 20 terms in a group'))
		// An empty row is dropped (it is how a new row starts); a lone term is a mistake.
		.refine((t) => t.length !== 1, 'Give at least two different terms, or clear the row'),
	/** The first term finds the others, but not the other way round. */
	oneWay: checkbox
});

const rankingRulesSchema = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().trim())).superRefine((rules, ctx) => {
	const attributes = new Set<string>();
	rules.forEach((rule, i) => {
		const custom = CUSTOM_RULE.exec(rule);
		if (!BUILT_IN.includes(rule) && !custom)
			ctx.addIssue({ code: 'custom', path: [i], message: `“${rule}” is not a ranking rule: use a built-in rule or attribute:asc / attribute:desc` });
		if (rules.indexOf(rule) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `“${rule}” is listed twice` });
		else if (custom && attributes.has(custom[1])) ctx.addIssue({ code: 'custom', path: [i], message: `“${custom[1]}” already has a rule` });
		if (custom) attributes.add(custom[1]);
	});
	const missing = BUILT_IN.filter((r) => !rules.includes(r));
	if (missing.length) ctx.addIssue({ code: 'custom', message: `The built-in rules can be reordered, not removed: ${missing.join(', ')} missing` });
});

/** Search tuning as the PIM edits it: form fields (strings, "on") or JSON both parse. */
export const tuningSchema = z.object({
	synonyms: z
		.array(synonymGroupSchema)
		.max(500, 'At most 500 synonym groups')
		.transform((groups) => groups.filter((g) => g.terms.length > 0)),
	stopWords: wordList(500, 50),
	rankingRules: rankingRulesSchema,
	typo: z
		.object({
			enabled: checkbox,
			oneTypo: z.coerce.number().int('Enter a whole number').min(1, 'At least 1').max(10, 'At most 10'),
			twoTypos: z.coerce.number().int('Enter a whole number').max(20, 'At most 20'),
			disableOnWords: wordList(500, 50),
			disableOnNumbers: checkbox
		})
		.refine((t) => t.twoTypos >= t.oneTypo, { path: ['twoTypos'], message: 'At least the size for one typo' })
});

/** A valid search tuning. */
export type Tuning = z.output<typeof tuningSchema>;

/** One applied version of the tuning, with the Meilisearch task that carried it. */
export interface TuningVersion {
	id: number;
	tuning: Tuning;
	author: string;
	comment: string | null;
	taskUid: number | null;
	taskStatus: string | null;
	taskError: string | null;
	createdAt: string;
}

type Row = typeof searchTuning.$inferSelect;

function toVersion(row: Row): TuningVersion {
	const { settings, ...rest } = row;
	return { ...rest, tuning: settings as Tuning };
}

/** The tuning Aisle starts with: Meilisearch's defaults and the index's own typo settings. */
export function defaultTuning(): Tuning {
	const typo = productIndexSettings([], []).typoTolerance;
	return {
		synonyms: [],
		stopWords: [],
		rankingRules: [...BUILT_IN_RANKING_RULES],
		typo: {
			enabled: typo?.enabled ?? true,
			oneTypo: typo?.minWordSizeForTypos?.oneTypo ?? 5,
			twoTypos: typo?.minWordSizeForTypos?.twoTypos ?? 9,
			disableOnWords: [],
			disableOnNumbers: false
		}
	};
}

/** Attributes a custom ranking rule may sort on: the products index's sortable attributes. */
export function sortableAttributes(db: AppDb): string[] {
	const def = loadDefinition(db);
	return productIndexSettings(def.locales, channelCurrencies(def.channels.values())).sortableAttributes ?? [];
}

/** Meilisearch's form of a tuning: each multi-way group gives every term the others; a one-way group only its first. */
export function toMeiliSettings(t: Tuning): TunedSettings {
	const synonyms: Record<string, string[]> = {};
	const add = (from: string, to: string[]) => {
		const list = (synonyms[from] ??= []);
		for (const term of to) if (term !== from && !list.includes(term)) list.push(term);
	};
	for (const group of t.synonyms) {
		if (group.oneWay) add(group.terms[0], group.terms.slice(1));
		else for (const term of group.terms) add(term, group.terms);
	}
	return {
		synonyms,
		stopWords: t.stopWords,
		rankingRules: t.rankingRules,
		typoTolerance: {
			enabled: t.typo.enabled,
			minWordSizeForTypos: { oneTypo: t.typo.oneTypo, twoTypos: t.typo.twoTypos },
			disableOnWords: t.typo.disableOnWords,
			disableOnAttributes: [],
			disableOnNumbers: t.typo.disableOnNumbers
		}
	};
}

/** Parses a tuning and checks custom ranking rules against the sortable attributes; throws ValidationError listing every problem. */
export function parseTuning(db: AppDb, input: unknown): Tuning {
	const parsed = tuningSchema.safeParse(input);
	const issues = parsed.success ? [] : issuesFromZod(parsed.error);
	if (parsed.success) {
		const sortable = sortableAttributes(db);
		parsed.data.rankingRules.forEach((rule, i) => {
			const attribute = CUSTOM_RULE.exec(rule)?.[1];
			if (attribute && !sortable.includes(attribute))
				issues.push({ path: `rankingRules.${i}`, message: `“${attribute}” cannot be sorted on: use one of ${sortable.join(', ')}` });
		});
	}
	if (!parsed.success || issues.length) throw new ValidationError('The search tuning has errors', issues);
	return parsed.data;
}

/** The tuning the merchandiser last applied, or the defaults before any. */
export function currentTuning(db: AppDb): Tuning {
	const row = db.select().from(searchTuning).orderBy(desc(searchTuning.id)).limit(1).get();
	return row ? toVersion(row).tuning : defaultTuning();
}

/**
 * The tuning the index should hold, in Meilisearch's form, for the index settings: the
 * latest version Meilisearch did not refuse (a failed task left the one before in place),
 * or undefined while nothing was ever tuned.
 */
export function tunedSettings(db: AppDb): TunedSettings | undefined {
	const rows = db.select().from(searchTuning).orderBy(desc(searchTuning.id)).all();
	const row = rows.find((r) => r.taskStatus !== 'failed' && r.taskStatus !== 'canceled');
	return row ? toMeiliSettings(toVersion(row).tuning) : undefined;
}

/** The latest versions, newest first. */
export function tuningHistory(db: AppDb, limit = 20): TuningVersion[] {
	return db.select().from(searchTuning).orderBy(desc(searchTuning.id)).limit(limit).all().map(toVersion);
}

/** Whether Meilisearch may still be working on a version's task. */
export function isTaskPending(v: Pick<TuningVersion, 'taskUid' | 'taskStatus'>): boolean {
	return v.taskUid !== null && !FINISHED.includes(v.taskStatus ?? '');
}

/** Stores a version; the first one is preceded by the defaults, so there is always something to return to. */
function recordVersion(db: AppDb, tuning: Tuning, author: string, comment: string | null): Row {
	return db.transaction((tx) => {
		if (!tx.select({ id: searchTuning.id }).from(searchTuning).limit(1).get())
			tx.insert(searchTuning).values({ settings: defaultTuning(), author: 'Aisle', comment: 'Built-in settings, before the first change' }).run();
		return tx.insert(searchTuning).values({ settings: tuning, author, comment }).returning().get();
	});
}

/** Sends a version's four settings to Meilisearch (the index's other settings are left as they are) and records the task. */
async function sendVersion(db: AppDb, meili: Meilisearch, row: Row, index: string): Promise<TuningVersion> {
	let update: Partial<Row>;
	try {
		const task = await meili.index(index).updateSettings(toMeiliSettings(row.settings as Tuning));
		update = { taskUid: task.taskUid, taskStatus: task.status, taskError: null };
	} catch (e) {
		// Recorded rather than thrown: the version stays in the history, marked as never applied.
		update = { taskStatus: 'failed', taskError: `Meilisearch did not take the settings: ${e instanceof Error ? e.message : String(e)}` };
	}
	return toVersion(db.update(searchTuning).set(update).where(eq(searchTuning.id, row.id)).returning().get()!);
}

/**
 * Validates a tuning, stores it as a new version and sends it to Meilisearch, recording the
 * task (enqueued). Invalid input stores and sends nothing.
 */
export async function applyTuning(db: AppDb, meili: Meilisearch, input: unknown, author: string, comment?: string, opts: { index?: string } = {}): Promise<TuningVersion> {
	const tuning = parseTuning(db, input);
	const row = recordVersion(db, tuning, author, comment?.trim().slice(0, 200) || null);
	return sendVersion(db, meili, row, opts.index ?? PRODUCTS_INDEX);
}

/** Applies the version before the latest again, as a new version; refuses when there is none. */
export async function revertTuning(db: AppDb, meili: Meilisearch, author: string, opts: { index?: string } = {}): Promise<TuningVersion> {
	const [, previous] = db.select().from(searchTuning).orderBy(desc(searchTuning.id)).limit(2).all();
	if (!previous) throw new ConflictError('There are no earlier settings to return to');
	const row = db
		.insert(searchTuning)
		.values({ settings: previous.settings, author, comment: `Reverted to version ${previous.id}` })
		.returning()
		.get();
	return sendVersion(db, meili, row, opts.index ?? PRODUCTS_INDEX);
}

/** Reads a version's task from Meilisearch and stores its status (and its error when it failed). */
export async function refreshTuningTask(db: AppDb, meili: Meilisearch, id: number): Promise<TuningVersion> {
	const row = db.select().from(searchTuning).where(eq(searchTuning.id, id)).get();
	if (!row) throw new NotFoundError(`No search tuning version ${id}`);
	if (row.taskUid === null) return toVersion(row);
	let task;
	try {
		task = await meili.tasks.getTask(row.taskUid);
	} catch (e) {
		// Meilisearch forgets old tasks: the last status seen stays.
		if (e instanceof MeilisearchApiError && e.response.status === 404) return toVersion(row);
		throw e;
	}
	const taskError = task.error ? `${task.error.message} (${task.error.code})` : null;
	if (task.status === row.taskStatus && taskError === row.taskError) return toVersion(row);
	return toVersion(db.update(searchTuning).set({ taskStatus: task.status, taskError }).where(eq(searchTuning.id, id)).returning().get()!);
}
