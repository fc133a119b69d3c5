import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { listProductIds, listProducts, loadDefinition, type ProductListQueryInput } from '../pim/index.ts';
import { openDatabase, type AppDb } from '../src/lib/server/db/index.ts';
import { getMeta, setMeta } from '../src/lib/server/db/meta.ts';
import { DEMO_USERS, seedDemoUsers } from '../src/lib/server/demo/users.ts';
import { fmt, summarize } from './stats.ts';

/**
 * Indexes the list relies on, as the schema should declare them (see the product list's
 * notes). Where the database lacks one, the benchmark makes a temporary twin in its own
 * copy, so the figures show the list as it will run.
 */
const LIST_INDEXES: { name: string; table: string; on: string }[] = [
	{ name: 'product_updated', table: 'product', on: 'updated_at' },
	{ name: 'product_status_updated', table: 'product', on: 'status, updated_at' },
	{ name: 'product_family_status', table: 'product', on: 'family_id, status, updated_at' },
	{ name: 'product_name', table: 'product', on: `json_extract("values", '$."name"."*"."en"') COLLATE NOCASE` },
	{ name: 'product_category_category_product', table: 'product_category', on: 'category_id, product_id' },
	{ name: 'completeness_filter_product', table: 'completeness', on: 'channel, locale, ratio, product_id' },
	{ name: 'product_media_role', table: 'product_media', on: 'role, product_id' }
];

/**
 * The seeded demo catalog is all published and complete. The list's filters need a mix, so
 * the benchmark's copy gets one, written straight into the columns the list reads (a save
 * through the PIM per product would take far longer and measure nothing more): 10% drafts,
 * half of them incomplete for the kiosk, 2% archived, one in seven missing Chinese, one in
 * thirteen with a 3D model, and edit dates spread out.
 */
function mixCatalog(db: AppDb) {
	if (getMeta(db, 'bench.list.mix')) return;
	const t = performance.now();
	db.$client.transaction(() => {
		db.run(sql`UPDATE product SET status = CASE WHEN id % 10 = 3 THEN 'draft' WHEN id % 50 = 7 THEN 'archived' ELSE status END,
		           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || ((id * 7919) % 200000) || ' minutes')`);
		db.run(sql`UPDATE completeness SET ratio = 66, missing = '["material"]' WHERE channel = 'kiosk' AND locale = 'en' AND product_id % 20 = 3`);
		db.run(sql`UPDATE completeness SET ratio = 80, missing = '["name"]' WHERE locale = 'zh-CN' AND product_id % 7 = 2`);
		db.run(sql`INSERT INTO media (kind, checksum, file, mime, bytes) VALUES ('model3d', 'bench-list-model', 'models/bench/list', 'model/gltf-binary', 1)`);
		db.run(sql`INSERT INTO product_media (product_id, media_id, role, position, alt)
		           SELECT id, (SELECT id FROM media WHERE checksum = 'bench-list-model'), 'model3d', 99, '{}' FROM product WHERE id % 13 = 5`);
		setMeta(db, 'bench.list.mix', new Date().toISOString());
	})();
	console.log(`  mixed statuses, completeness and 3D models in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

function ensureIndexes(db: AppDb): string[] {
	const have = new Set(db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'index'`).map((r) => r.name));
	const made: string[] = [];
	for (const ix of LIST_INDEXES) {
		if (have.has(ix.name)) continue;
		db.run(sql.raw(`CREATE INDEX IF NOT EXISTS bench_${ix.name} ON ${ix.table} (${ix.on})`));
		made.push(ix.name);
	}
	return made;
}

interface Case {
	label: string;
	query: ProductListQueryInput;
}

function cases(db: AppDb): Case[] {
	const def = loadDefinition(db);
	const family = db.get<{ code: string }>(sql`SELECT f.code FROM family f JOIN product p ON p.family_id = f.id GROUP BY f.id ORDER BY count(*) DESC LIMIT 1`).code;
	const root = db.get<{ code: string }>(
		sql`SELECT c.code FROM category c JOIN product_category pc ON pc.category_id IN (SELECT id FROM category WHERE parent_id = c.id OR id = c.id OR parent_id IN (SELECT id FROM category WHERE parent_id = c.id))
		    WHERE c.parent_id IS NULL GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`
	).code;
	const name = db.get<{ name: string }>(sql`SELECT json_extract("values", '$.name.*.en') AS name FROM product ORDER BY id LIMIT 1`).name;
	const word = name.split(/[\s,]+/).find((w) => /^[A-Za-z]{5,}$/.test(w)) ?? 'chair';
	const zh = def.locales.includes('zh-CN') ? 'zh-CN' : def.locales.at(-1)!;
	const kiosk = def.channels.has('kiosk') ? 'kiosk' : [...def.channels.keys()][0];
	// Page 200, or the last page of a smaller catalog.
	const deep = Math.min(200, Math.ceil(listProducts(db, def, {}).total / 50));
	const deepInRoot = Math.min(200, Math.ceil(listProducts(db, def, { category: root }).total / 50));
	return [
		{ label: 'no filter, page 1', query: {} },
		{ label: `text "${word.toLowerCase()}"`, query: { q: word.toLowerCase() } },
		{ label: `family ${family} + draft`, query: { family, status: 'draft' } },
		{ label: `incomplete for ${kiosk}`, query: { incomplete: kiosk } },
		{ label: `missing ${zh} translation`, query: { missingLocale: zh } },
		{ label: 'sort by name', query: { sort: 'name' } },
		{ label: `page ${deep}`, query: { page: deep } },
		{ label: `category ${root} and below`, query: { category: root } },
		{ label: `category ${root}, page ${deepInRoot}`, query: { category: root, page: deepInRoot } },
		{ label: 'has a 3D model', query: { has3d: 'yes' } },
		{ label: 'sort by completeness', query: { sort: 'completeness' } },
		{ label: 'draft, sort by name', query: { status: 'draft', sort: 'name' } },
		{ label: `text "${word.slice(0, 2).toLowerCase()}" (2 characters)`, query: { q: word.slice(0, 2).toLowerCase() } }
	];
}

function time(samples: number, fn: () => void): number[] {
	const out: number[] = [];
	for (let i = 0; i < samples; i++) {
		const t = performance.now();
		fn();
		out.push(performance.now() - t);
	}
	return out;
}

/** Signs in as the demo merchandiser on the built app and returns a fetch for list URLs. */
async function httpClient(base: string): Promise<((search: string) => Promise<void>) | null> {
	const merch = DEMO_USERS.find((u) => u.role === 'merchandiser')!;
	const res = await fetch(`${base}/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, accept: 'text/html' },
		body: new URLSearchParams({ email: merch.email, password: merch.password })
	});
	const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	if (!cookie) {
		console.log(`  (HTTP skipped: signing in as ${merch.email} answered ${res.status} without a session)`);
		return null;
	}
	const get = async (search: string) => {
		const r = await fetch(`${base}/pim/products${search}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
		const body = await r.text();
		if (r.status !== 200 || !body.includes('Products')) throw new Error(`/pim/products${search} answered ${r.status}`);
	};
	try {
		await get('');
	} catch (e) {
		console.log(`  (HTTP skipped: ${(e as Error).message}; build the app with the list page first)`);
		return null;
	}
	return get;
}

const searchOf = (q: ProductListQueryInput) => {
	const p = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
	return p.size ? `?${p}` : '';
};

/**
 * (d) The PIM product list at catalog size: listProducts for typical queries in-process,
 * and the whole page over HTTP from the built app, median and p95 per query.
 */
export async function benchProductList(opts: { source: AppDb; sourceFile: string; root: string; products: number; rounds: number; port: number }) {
	const dir = resolve(opts.root, '.bench', `list-${opts.products}`);
	const file = join(dir, 'aisle.db');
	mkdirSync(join(dir, 'media'), { recursive: true });
	if (!existsSync(file)) {
		console.log(`Copying the ${opts.products}-product catalog for the list benchmark (once)…`);
		opts.source.$client.pragma('wal_checkpoint(TRUNCATE)');
		copyFileSync(opts.sourceFile, `${file}.tmp`);
		renameSync(`${file}.tmp`, file);
	}
	const db = openDatabase(file, opts.root);
	mixCatalog(db);
	// Catalogs cached before staff sign-in existed have no demo users to sign in with.
	if (!db.get<{ n: number }>(sql`SELECT count(*) AS n FROM user`).n) await seedDemoUsers(db);
	const temporary = ensureIndexes(db);
	const list = cases(db);
	const samples = Math.max(10, opts.rounds * 10);
	const rows: { label: string; total: number; lib: ReturnType<typeof summarize>; http?: ReturnType<typeof summarize> }[] = [];
	const def = loadDefinition(db);
	for (const c of list) {
		const total = listProducts(db, def, c.query).total;
		time(3, () => listProducts(db, def, c.query));
		rows.push({ label: c.label, total, lib: summarize(time(samples, () => listProducts(db, def, c.query))) });
	}
	const category = list.find((c) => c.query.category)!.query;
	const ids = summarize(time(Math.max(3, opts.rounds), () => listProductIds(db, def, category)));
	const idCount = listProductIds(db, def, category).length;
	db.$client.close();

	const build = join(opts.root, 'build', 'index.js');
	if (existsSync(build)) {
		const base = `http://127.0.0.1:${opts.port}`;
		// No Meilisearch: the list never asks it, and indexing 100,000 products would take minutes.
		const server = spawn(process.execPath, [build], {
			env: { ...process.env, AISLE_ROOT: opts.root, AISLE_DATA_DIR: dir, PORT: String(opts.port), HOST: '127.0.0.1', ORIGIN: base, AISLE_DEMO_PRODUCTS: '0', MEILI_URL: 'http://127.0.0.1:9' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let exited = false;
		server.stdout.on('data', (d) => (out += d));
		server.stderr.on('data', (d) => (out += d));
		server.once('exit', () => (exited = true));
		try {
			for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)); i++) {
				if (exited || i > 1200) throw new Error(`the app did not start:\n${out.slice(-2000)}`);
				await new Promise((r) => setTimeout(r, 100));
			}
			const get = await httpClient(base);
			if (get) {
				for (const [i, c] of list.entries()) {
					const search = searchOf(c.query);
					for (let w = 0; w < 2; w++) await get(search);
					const s: number[] = [];
					for (let n = 0; n < Math.max(5, opts.rounds * 4); n++) {
						const t = performance.now();
						await get(search);
						s.push(performance.now() - t);
					}
					rows[i].http = summarize(s);
				}
			}
		} catch (e) {
			console.log(`  (HTTP skipped: ${(e as Error).message})`);
		} finally {
			if (!exited) {
				const stopped = new Promise((r) => server.once('exit', r));
				server.kill('SIGTERM');
				await stopped;
			}
		}
	} else console.log('  (HTTP skipped: no build; `npm run bench` builds the app first)');

	const pad = (s: string, n: number) => s.padEnd(n);
	const num = (s: string, n: number) => s.padStart(n);
	console.log(`\n(d) PIM product list: ${opts.products.toLocaleString('en')} products, 50 per page, ${samples} runs per query in-process`);
	if (temporary.length) console.log(`  temporary indexes (not in the schema yet): ${temporary.join(', ')}`);
	console.log(`  ${pad('query', 34)}${num('matches', 9)}${num('median', 12)}${num('p95', 12)}${num('HTTP median', 14)}${num('HTTP p95', 12)}`);
	for (const r of rows)
		console.log(
			`  ${pad(r.label, 34)}${num(r.total.toLocaleString('en'), 9)}${num(fmt(r.lib.median), 12)}${num(fmt(r.lib.p95), 12)}${num(r.http ? fmt(r.http.median) : '–', 14)}${num(r.http ? fmt(r.http.p95) : '–', 12)}`
		);
	console.log(`  ${pad('all matching ids (category)', 34)}${num(idCount.toLocaleString('en'), 9)}${num(fmt(ids.median), 12)}${num(fmt(ids.p95), 12)}`);
	const worst = rows.reduce((a, b) => (b.lib.p95 > a.lib.p95 ? b : a));
	console.log(`  slowest p95: ${worst.label} at ${fmt(worst.lib.p95)}`);
	return rows;
}
