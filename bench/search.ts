import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, get } from 'node:http';
import { createMeiliClient, PRODUCTS_INDEX } from '../src/lib/server/search/client.ts';
import { fmt, summarize } from './stats.ts';

/**
 * (a) The same query set through our /api/search (built app, over HTTP) and straight to
 * Meilisearch with the same search parameters, interleaved query by query in one run.
 */
export async function benchSearch(opts: { root: string; dataDir: string; port: number; rounds: number }) {
	const server = spawn(process.execPath, [join(opts.root, 'build', 'index.js')], {
		env: { ...process.env, AISLE_ROOT: opts.root, AISLE_DATA_DIR: opts.dataDir, PORT: String(opts.port), HOST: '127.0.0.1', AISLE_DEMO_PRODUCTS: '0' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	server.stdout.on('data', (d) => (out += d));
	const base = `http://127.0.0.1:${opts.port}`;
	try {
		for (let i = 0; ; i++) {
			const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
			if (ok) break;
			if (i > 6000) throw new Error(`the app did not start:\n${out}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		const secrets = JSON.parse(readFileSync(join(opts.dataDir, 'secrets.json'), 'utf8')) as { meiliMasterKey: string };
		const meiliUrl = readFileSync(join(opts.dataDir, 'meili', 'meilisearch.url'), 'utf8').trim();
		const meili = createMeiliClient(meiliUrl, secrets.meiliMasterKey);
		const index = meili.index(PRODUCTS_INDEX);

		// Queries: real words from the catalog, some misspelled, some with filters.
		const sample = await index.search('', { limit: 200, attributesToRetrieve: ['name_en', 'brand'] });
		const words = [...new Set(sample.hits.flatMap((h) => String(h.name_en).toLowerCase().split(/[\s,]+/)).filter((w) => w.length >= 5))].slice(0, 40);
		const brands = [...new Set(sample.hits.map((h) => String(h.brand)))].slice(0, 5);
		const queries: Record<string, string>[] = [];
		words.forEach((w, i) => {
			queries.push({ q: w });
			queries.push({ q: `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}` });
			if (i % 3 === 0) queries.push({ q: w.slice(0, 3) });
			if (i % 4 === 0) queries.push({ q: w, sort: 'price_asc', brand: brands[i % brands.length] });
		});
		queries.push({ q: '' }, { q: 'chair', in_stock: '1', store: 'SEA1' }, { q: 'lamp', price_min: '20', price_max: '200' });

		// The same Meilisearch parameters our endpoint sends (see searchMeili).
		const meiliParams = (p: Record<string, string>) => {
			const filter = ['channels = "kiosk"'];
			if (p.brand) filter.push(`brand IN [${JSON.stringify(p.brand)}]`);
			if (p.in_stock) filter.push(`stores_in_stock = "${p.store}"`);
			if (p.price_min) filter.push(`price_USD >= ${Number(p.price_min) * 100}`);
			if (p.price_max) filter.push(`price_USD <= ${Number(p.price_max) * 100}`);
			return {
				filter,
				facets: ['category_ids', 'brand', 'colours', 'sizes', 'rating_floor', 'price_USD', ...(p.store ? ['stores_in_stock'] : [])],
				sort: p.sort === 'price_asc' ? ['price_USD:asc'] : undefined,
				page: 1,
				hitsPerPage: 24,
				attributesToRetrieve: ['id', 'code', 'brand', 'image', 'rating', 'review_count', 'stores_in_stock', 'deliverable', 'name_en', 'price_USD', 'price_max_USD', 'price_regular_USD'],
				attributesToHighlight: ['name_en'],
				highlightPreTag: '\u0002',
				highlightPostTag: '\u0003'
			};
		};
		const agent = new Agent({ keepAlive: true, maxSockets: 4 });
		const ours = (p: Record<string, string>) =>
			new Promise<void>((resolve, reject) => {
				const url = `${base}/api/search?${new URLSearchParams({ ...p, locale: 'en' })}`;
				get(url, { agent, headers: { 'accept-encoding': 'identity' } }, (res) => {
					let body = '';
					res.setEncoding('utf8');
					res.on('data', (d) => (body += d));
					res.on('end', () => {
						const parsed = JSON.parse(body) as { degraded?: boolean };
						if (res.statusCode !== 200 || parsed.degraded) reject(new Error(`our search answered ${res.statusCode} ${body.slice(0, 200)}`));
						else resolve();
					});
				}).on('error', reject);
			});
		const direct = async (p: Record<string, string>) => {
			await index.search(p.q, meiliParams(p));
		};
		// Warm both paths.
		for (const p of queries) {
			await ours(p);
			await direct(p);
		}
		const a: number[] = [];
		const b: number[] = [];
		for (let r = 0; r < opts.rounds; r++) {
			for (const p of queries) {
				// Alternate which goes first so neither always meets a warmer cache.
				const first = r % 2 === 0;
				for (const which of first ? [0, 1] : [1, 0]) {
					const t = performance.now();
					if (which === 0) await ours(p);
					else await direct(p);
					(which === 0 ? a : b).push(performance.now() - t);
				}
			}
		}
		const sa = summarize(a);
		const sb = summarize(b);
		console.log(`\n(a) search: ${queries.length} queries × ${opts.rounds} rounds`);
		console.log(`  /api/search     median ${fmt(sa.median)}  p95 ${fmt(sa.p95)}`);
		console.log(`  Meilisearch     median ${fmt(sb.median)}  p95 ${fmt(sb.p95)}`);
		console.log(`  ratio (ours / direct): median ${(sa.median / sb.median).toFixed(2)}  p95 ${(sa.p95 / sb.p95).toFixed(2)}`);
		return { ours: sa, direct: sb, ratio: sa.median / sb.median };
	} finally {
		const exited = new Promise((r) => server.once('exit', r));
		server.kill('SIGTERM');
		await exited;
	}
}
