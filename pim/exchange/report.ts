import { stringify } from 'csv-stringify/sync';
import type { RejectedRow } from './bundle.ts';

/** Kinds of record an import writes, in the order it writes them. */
export const RECORD_KINDS = ['locales', 'channels', 'attributes', 'families', 'categories', 'products'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What happened to the records of one kind. */
export interface RecordCounts {
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
	/** Good records not written because their file was rolled back (all-or-nothing per file). */
	skipped: number;
}

/** What an import did (or, in a dry run, would do). */
export interface ImportReport {
	dryRun: boolean;
	mode: 'file' | 'batch';
	counts: Record<RecordKind, RecordCounts>;
	/** Products that asked to be published if complete, and were saved as drafts because they were not. */
	drafted: number;
	/** Rows the readers refused before anything was written (they are in `rejected` too). */
	unreadable: number;
	/** Every refused row, in file and line order. */
	rejected: RejectedRow[];
	/** Files of which nothing was written because a row was refused (per-file mode). */
	rolledBack: string[];
	notes: string[];
	/** Products whose completeness and search data were recomputed after a structure change. */
	refreshed: number;
	durationMs: number;
}

export const emptyCounts = (): RecordCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 });

/** A report with nothing in it yet. */
export function emptyReport(dryRun: boolean, mode: 'file' | 'batch'): ImportReport {
	return {
		dryRun,
		mode,
		counts: Object.fromEntries(RECORD_KINDS.map((k) => [k, emptyCounts()])) as Record<RecordKind, RecordCounts>,
		drafted: 0,
		unreadable: 0,
		rejected: [],
		rolledBack: [],
		notes: [],
		refreshed: 0,
		durationMs: 0
	};
}

/** Whether anything was (or would be) refused. */
export function hasRejections(report: ImportReport): boolean {
	return report.rejected.length > 0;
}

/** The rejected rows as a CSV file (comma-separated, UTF-8 with a byte-order mark so spreadsheets read it right). */
export function rejectedRowsCsv(rows: RejectedRow[]): string {
	return `\uFEFF${stringify([['file', 'line', 'code', 'reason'], ...rows.map((r) => [r.file, r.line, r.code ?? '', r.reason])])}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One line per kind that had anything, e.g. "products: 120 created, 3 updated, 2 rejected". */
export function summaryLines(report: ImportReport): string[] {
	const lines: string[] = [];
	for (const kind of RECORD_KINDS) {
		const c = report.counts[kind];
		const parts = (['created', 'updated', 'unchanged', 'rejected', 'skipped'] as const).filter((k) => c[k] > 0).map((k) => `${c[k].toLocaleString('en-US')} ${k}`);
		if (parts.length) lines.push(`${kind}: ${parts.join(', ')}`);
	}
	if (report.drafted) lines.push(`${plural(report.drafted, 'product')} saved as draft${report.drafted === 1 ? '' : 's'}: not complete enough to publish`);
	if (report.unreadable) lines.push(`${plural(report.unreadable, 'row')} refused while reading the files`);
	if (report.rolledBack.length) lines.push(`rolled back (a row was refused): ${report.rolledBack.join(', ')}`);
	return lines;
}
