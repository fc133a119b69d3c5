// `npm run import -- <folder or file>… [--dry-run] [--mode file|batch] [--batch-size 500]
//   [--map-locale en_US=en] [--map-channel ecommerce=kiosk,web] [--author NAME]`
// Imports our CSV or JSON files, or an Akeneo CSV export (a folder, or its files), into the
// database of AISLE_DATA_DIR (or ./data) through the same rules as the editor. Progress goes to
// stderr, the summary to stdout; the refused rows are written to a report CSV whose path is
// printed. Exits with 1 when anything was refused. The running app's search follows through
// the outbox; without a running app, the next start brings the index up to date.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDefinition, ValidationError } from '../pim/index.ts';
import { applyBundle, readImportFiles, reasonOf, rejectedRowsCsv, storedProducts, summaryLines, type ChannelLocaleMapping } from '../pim/exchange/index.ts';
import { loadConfig } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';

const usage = 'Usage: npm run import -- <folder or file>… [--dry-run] [--mode file|batch] [--batch-size 500] [--map-locale en_US=en] [--map-channel ecommerce=kiosk,web]';
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		'dry-run': { type: 'boolean', default: false },
		mode: { type: 'string', default: 'batch' },
		'batch-size': { type: 'string', default: '500' },
		'map-locale': { type: 'string', multiple: true, default: [] },
		'map-channel': { type: 'string', multiple: true, default: [] },
		author: { type: 'string' },
		help: { type: 'boolean', short: 'h', default: false }
	}
});
const fail = (message: string): never => {
	console.error(message);
	process.exit(2);
};
if (values.help || !positionals.length) fail(usage);
if (values.mode !== 'file' && values.mode !== 'batch') fail('--mode is file (all-or-nothing per file) or batch (per batch of rows)');
const batchSize = Number(values['batch-size']);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) fail('--batch-size is a whole number from 1 to 10,000');

const files: Record<string, Buffer> = {};
for (const arg of positionals) {
	const path = resolve(arg);
	let stat;
	try {
		stat = statSync(path);
	} catch {
		fail(`No such file or folder: ${arg}`);
	}
	const paths = stat!.isDirectory() ? readdirSync(path).filter((n) => /\.(csv|tsv|txt|json)$/i.test(n)).map((n) => join(path, n)) : [path];
	for (const p of paths) files[basename(p)] = readFileSync(p);
}
if (!Object.keys(files).length) fail('No CSV or JSON files found there');

const mapping: ChannelLocaleMapping = { locales: {}, channels: {} };
for (const m of values['map-locale']) {
	const [from, to = ''] = m.split('=');
	mapping.locales[from.trim()] = to.trim();
}
for (const m of values['map-channel']) {
	const [from, to = ''] = m.split('=');
	mapping.channels[from.trim()] = to.split(',').map((s) => s.trim()).filter(Boolean);
}

const config = loadConfig();
const db = openDatabase(config.dbFile, config.root);
const started = Date.now();
let last = 0;
const progress = (done: number, total: number) => {
	if (!process.stderr.isTTY && done < total && Date.now() - last < 2000) return;
	if (Date.now() - last < 100 && done < total) return;
	last = Date.now();
	const width = 30;
	const filled = Math.round((done / Math.max(total, 1)) * width);
	const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
	const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records, ${Math.round(rate).toLocaleString('en-US')}/s`;
	process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
};

try {
	const def = loadDefinition(db);
	const { format, bundle } = readImportFiles(files, { definition: def, stored: storedProducts(db, def), mapping });
	console.error(`Read ${Object.keys(files).length} file${Object.keys(files).length === 1 ? '' : 's'} as ${format} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${bundle.products.length.toLocaleString('en-US')} products`);
	const report = await applyBundle(db, bundle, {
		author: values.author ?? `import (command line, ${userInfo().username})`,
		mode: values.mode as 'file' | 'batch',
		batchSize,
		dryRun: values['dry-run'],
		onProgress: progress,
		comment: `Imported (${Object.keys(files).join(', ')})`.slice(0, 200)
	});
	if (process.stderr.isTTY) process.stderr.write('\n');
	console.log(`${report.dryRun ? 'Dry run (nothing was written)' : 'Import'} done in ${(report.durationMs / 1000).toFixed(1)} s, per ${report.mode}:`);
	for (const line of summaryLines(report)) console.log(`  ${line}`);
	for (const note of report.notes) console.log(`  note: ${note}`);
	if (report.rejected.length) {
		const dir = join(config.dataDir, 'imports');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, `rejected-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);
		writeFileSync(file, rejectedRowsCsv(report.rejected));
		for (const r of report.rejected.slice(0, 10)) console.log(`  ${r.file}:${r.line} ${r.code ?? ''} ${r.reason}`);
		if (report.rejected.length > 10) console.log(`  … and ${report.rejected.length - 10} more`);
		console.log(`Report of the ${report.rejected.length.toLocaleString('en-US')} refused rows: ${file}`);
		process.exitCode = 1;
	}
} catch (e) {
	if (!(e instanceof ValidationError)) throw e;
	console.error(reasonOf(e));
	process.exitCode = 2;
} finally {
	db.$client.close();
}
