import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadDefinition } from '../pim/index.ts';
import { API_SCOPES } from '../src/lib/server/db/analytics.schema.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { productByCode, productRowsAfter, productViews } from '../src/lib/server/api/catalog.ts';
import { createToken, revokeToken } from '../src/lib/server/api/tokens.ts';
import { fmt, summarize } from './stats.ts';

/**
 * (h) The channel API over HTTP on the built app against the same answers built in process
 * (the domain calls the handlers make, without HTTP, the token check, the rate limit, JSON and
 * the ETag), interleaved: a walk through pages of 50 products, and single products by code.
 */
export async function benchApi(opts: { root: string; dataDir: string; port: number; rounds: number }) {
	const db = openDatabase(join(opts.dataDir, 'aisle.db'), opts.root);
	const { token, secret } = createToken(db, { name: 'bench', scopes: [...API_SCOPES] }, 'bench');
	const codes = db.all<{ code: string }>(sql`SELECT code FROM product WHERE status = 'published' ORDER BY code LIMIT 2000`).map((r) => r.code);
	const base = `http://127.0.0.1:${opts.port}`;
	const server = spawn(process.execPath, [join(opts.root, 'build', 'index.js')], {
		// No per-token limit here: the bench measures the work, not the throttle.
		env: { ...process.env, AISLE_ROOT: opts.root, AISLE_DATA_DIR: opts.dataDir, PORT: String(opts.port), HOST: '127.0.0.1', ORIGIN: base, AISLE_DEMO_PRODUCTS: '0', AISLE_API_REQUESTS_PER_MINUTE: '100000000' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	server.stdout.on('data', (d) => (out += d));
	const headers = { authorization: `Bearer ${secret}`, 'accept-encoding': 'identity' };
	try {
		for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)); i++) {
			if (i > 6000) throw new Error(`the app did not start:\n${out}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		const def = loadDefinition(db);
		const pages = { http: [] as number[], direct: [] as number[] };
		const singles = { http: [] as number[], direct: [] as number[] };
		for (let round = 0; round < opts.rounds; round++) {
			// 20 pages of 50, following the API's own cursor; in process, the same rows by id.
			let next: string | null = `${base}/api/v1/products?limit=50`;
			let after = 0;
			for (let p = 0; p < 20 && next; p++) {
				let t = performance.now();
				const res = await fetch(next, { headers });
				const body = (await res.json()) as { data: { id?: number }[]; next: string | null };
				pages.http.push(performance.now() - t);
				if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
				next = body.next;
				t = performance.now();
				const rows = productRowsAfter(db, def, { status: 'published' }, after, 50);
				JSON.stringify(productViews(db, def, rows.slice(0, 50), base));
				pages.direct.push(performance.now() - t);
				after = rows[Math.min(49, rows.length - 1)]?.id ?? after;
			}
			for (let i = 0; i < 50; i++) {
				const code = codes[(round * 50 + i) % codes.length];
				let t = performance.now();
				const res = await fetch(`${base}/api/v1/products/${encodeURIComponent(code)}`, { headers });
				await res.arrayBuffer();
				singles.http.push(performance.now() - t);
				if (!res.ok) throw new Error(`HTTP ${res.status} for ${code}`);
				t = performance.now();
				JSON.stringify(productByCode(db, code, base));
				singles.direct.push(performance.now() - t);
			}
		}
		console.log(`\n(h) channel API (/api/v1) over HTTP against the same answers built in process, ${opts.rounds} rounds`);
		for (const [label, m] of [
			['page of 50 products', pages],
			['one product by code', singles]
		] as const) {
			const h = summarize(m.http);
			const d = summarize(m.direct);
			console.log(`  ${label.padEnd(20)} HTTP median ${fmt(h.median)} p95 ${fmt(h.p95)} · in process median ${fmt(d.median)} p95 ${fmt(d.p95)} · ratio ${(h.median / d.median).toFixed(2)}`);
		}
	} finally {
		revokeToken(db, token.id);
		db.$client.close();
		const exited = new Promise((r) => server.once('exit', r));
		server.kill('SIGTERM');
		await exited;
	}
}
