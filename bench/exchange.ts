// `node --expose-gc --import tsx bench/exchange.ts [--products 100000] [--akeneo]`, or through bench/run.ts with
// `--only exchange`: import and export throughput on a fresh SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { loadDefinition } from '../pim/index.ts';
import { applyBundle, exportProductsCsv, readImportFiles, storedProducts, summaryLines, type ImportReport } from '../pim/exchange/index.ts';
import { findProjectRoot } from '../src/lib/server/config.ts';
import { openDatabase, type AppDb } from '../src/lib/server/db/index.ts';
import { gtin13, seedStructure } from '../tests/helpers/catalog.ts';

/** Our CSV for `n` products: nine in ten simple chairs, one in ten T-shirts in 2 colours × 2 sizes. */
function generateAisleCsv(n: number): { text: string; skus: number } {
	const header = ['product', 'family', 'status', 'categories', 'variant', 'sku', 'gtin', 'price-USD', 'sale_price-USD', 'name-en', 'name-zh-CN', 'description-en', 'brand', 'material', 'colour', 'size', 'width', 'width-unit'];
	const chunks = [stringify([header], { delimiter: ';' })];
	let rows: string[][] = [];
	let serial = 1;
	let skus = 0;
	for (let i = 0; i < n; i++) {
		const code = `P${String(i).padStart(7, '0')}`;
		if (i % 10 === 9) {
			let first = true;
			for (const colour of ['red', 'blue'])
				for (const size of ['S', 'M']) {
					const head = first ? ['apparel', 'published', 'tshirts'] : ['', '', ''];
					const values = first ? [`Cotton T-shirt ${i}`, `棉T恤 ${i}`, '<p>Soft, <b>organic</b> cotton; "regular" fit.</p>', 'Linea'] : ['', '', '', ''];
					rows.push([code, ...head, `${code}-${colour}`, `${code}-${colour}-${size}`, gtin13(serial++), '19.00', '', ...values, '', colour, size, '', '']);
					first = false;
					skus++;
				}
		} else {
			rows.push([code, 'furniture', i % 7 === 0 ? 'draft' : 'published', 'chairs', '', code, gtin13(serial++), (49 + (i % 300)).toFixed(2), i % 9 === 0 ? '39.00' : '', `Oak dining chair ${i}`, `橡木餐椅 ${i}`, `<p>Chair ${i}: solid oak, oiled; stackable.</p>`, 'Nordhus', i % 2 ? 'oak' : 'steel', '', '', String(40 + (i % 20)), 'CENTIMETER']);
			skus++;
		}
		if (rows.length >= 5000) {
			chunks.push(stringify(rows, { delimiter: ';' }));
			rows = [];
		}
	}
	chunks.push(stringify(rows, { delimiter: ';' }));
	return { text: chunks.join(''), skus };
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function freshDb(root: string): { db: AppDb; done: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'aisle-bench-exchange-'));
	const db = openDatabase(join(dir, 'aisle.db'), root);
	return { db, done: () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
	const t = performance.now();
	const out = await fn();
	return [out, performance.now() - t];
}

function line(label: string, report: ImportReport, ms: number, products: number) {
	const c = report.counts.products;
	console.log(`  ${label.padEnd(26)} ${seconds(ms).padStart(8)}  ${rate(products, ms).padStart(8)} products/s   (${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected)`);
}

/**
 * Import throughput of `products` generated products into a fresh SQLite file (read, dry run,
 * real run per batch, the same file again), then export throughput of the same products with
 * the growth of the resident memory while exporting (flat when the export streams).
 */
export async function benchExchange(opts: { root: string; products: number; akeneo?: boolean }) {
	const { db, done } = freshDb(opts.root);
	try {
		seedStructure(db);
		const [{ text, skus }, genMs] = await timed(() => generateAisleCsv(opts.products));
		console.log(`\n(e) import / export: ${opts.products.toLocaleString('en-US')} products, ${skus.toLocaleString('en-US')} SKUs, our CSV of ${mb(text.length).toFixed(0)} MB (generated in ${seconds(genMs)})`);
		const def = loadDefinition(db);
		const read = () => readImportFiles({ 'products.csv': text }, { definition: def, stored: storedProducts(db, def) }).bundle;
		const [bundle, readMs] = await timed(read);
		console.log(`  ${'read (parse + check)'.padEnd(26)} ${seconds(readMs).padStart(8)}  ${rate(opts.products, readMs).padStart(8)} products/s   (${bundle.rejected.length} rows rejected)`);
		const [dry, dryMs] = await timed(() => applyBundle(db, bundle, { author: 'bench', mode: 'batch', dryRun: true }));
		line('dry run', dry, dryMs, opts.products);
		const written = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product`).n;
		if (written) throw new Error(`The dry run wrote ${written} products`);
		const [real, realMs] = await timed(() => applyBundle(db, bundle, { author: 'bench', mode: 'batch', dryRun: false }));
		line('import, per batch of 500', real, realMs, opts.products);
		console.log(`  ${''.padEnd(26)} ${''.padStart(8)}  ${rate(skus, realMs).padStart(8)} SKUs/s`);
		const [again, againMs] = await timed(() => applyBundle(db, read(), { author: 'bench', mode: 'batch', dryRun: false }));
		line('same file again', again, againMs, opts.products);
		if (again.counts.products.unchanged !== opts.products) console.log(`  ! expected every product unchanged: ${summaryLines(again).join('; ')}`);

		// Export: stream the whole catalog, sampling resident memory per chunk.
		// Run with --expose-gc for a clean baseline: the import's garbage is collected first.
		global.gc?.();
		const rss0 = process.memoryUsage().rss;
		const heap0 = process.memoryUsage().heapUsed;
		let peak = rss0;
		let heapPeak = heap0;
		let bytes = 0;
		let rows = 0;
		let chunks = 0;
		// What the export keeps alive: the heap right after a collection, every 50 pages (with
		// --expose-gc; without it the figure includes garbage not yet collected).
		let liveMax = heap0;
		const [, exportMs] = await timed(async () => {
			for await (const chunk of exportProductsCsv(db)) {
				bytes += Buffer.byteLength(chunk);
				for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++;
				const m = process.memoryUsage();
				peak = Math.max(peak, m.rss);
				heapPeak = Math.max(heapPeak, m.heapUsed);
				if (global.gc && ++chunks % 50 === 0) {
					global.gc();
					liveMax = Math.max(liveMax, process.memoryUsage().heapUsed);
				}
			}
		});
		const dataRows = rows - 1;
		console.log(
			`  ${'export (our CSV, streamed)'.padEnd(26)} ${seconds(exportMs).padStart(8)}  ${rate(opts.products, exportMs).padStart(8)} products/s, ${rate(dataRows, exportMs)} rows/s, ${(mb(bytes) / (exportMs / 1000)).toFixed(1)} MB/s (${mb(bytes).toFixed(0)} MB)`
		);
		console.log(
			`  ${''.padEnd(26)} growth while exporting: resident memory ${mb(peak - rss0).toFixed(0)} MB, live JS heap ${global.gc ? `${mb(liveMax - heap0).toFixed(1)} MB` : 'unknown (run with --expose-gc)'}, JS heap with garbage ${mb(heapPeak - heap0).toFixed(0)} MB (the file is ${mb(bytes).toFixed(0)} MB)`
		);
		console.log(`  ratio (import products/s ÷ 2 products/s, the established PIMs' rate users report): ${Math.round(opts.products / (realMs / 1000) / 2).toLocaleString('en-US')}×`);
	} finally {
		done();
	}

	if (!opts.akeneo) return;
	const { generateAkeneoExport } = (await import(pathToFileURL(join(opts.root, 'tests/fixtures/akeneo/generate.ts')).href)) as {
		generateAkeneoExport(o: { products: number; models: number; seed?: number }): Record<string, string>;
	};
	const fresh = freshDb(opts.root);
	try {
		const files = generateAkeneoExport({ products: opts.products, models: Math.max(1, Math.round(opts.products / 12)), seed: 7 });
		const size = Object.values(files).reduce((n, t) => n + t.length, 0);
		console.log(`\n(e) Akeneo CSV export: ${opts.products.toLocaleString('en-US')} product rows (${mb(size).toFixed(0)} MB)`);
		const mapping = { locales: { en_US: 'en' } };
		const read = () => readImportFiles(files, { definition: loadDefinition(fresh.db), mapping }).bundle;
		const [bundle, readMs] = await timed(read);
		console.log(`  ${'read (parse + map)'.padEnd(26)} ${seconds(readMs).padStart(8)}  ${rate(opts.products, readMs).padStart(8)} rows/s   (${bundle.products.length} products, ${bundle.rejected.length} rows rejected)`);
		const [dry, dryMs] = await timed(() => applyBundle(fresh.db, bundle, { author: 'bench', mode: 'batch', dryRun: true }));
		line('dry run', dry, dryMs, bundle.products.length);
		const [real, realMs] = await timed(() => applyBundle(fresh.db, bundle, { author: 'bench', mode: 'batch', dryRun: false }));
		line('import, per batch of 500', real, realMs, bundle.products.length);
		console.log(`  ${''.padEnd(26)} ${''.padStart(8)}  ${rate(opts.products, realMs).padStart(8)} Akeneo product rows/s`);
		const [again, againMs] = await timed(() => applyBundle(fresh.db, read(), { author: 'bench', mode: 'batch', dryRun: false }));
		line('same export again', again, againMs, bundle.products.length);
	} finally {
		fresh.done();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { values } = parseArgs({ options: { products: { type: 'string', default: '100000' }, akeneo: { type: 'boolean', default: false } } });
	await benchExchange({ root: findProjectRoot(), products: Number(values.products), akeneo: values.akeneo });
}
