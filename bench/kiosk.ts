import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fmt, summarize } from './stats.ts';

/**
 * The kiosk in a real Chromium on the demo catalog: JavaScript each main page loads
 * (gzip), and keystroke-to-results time over a scripted typing run.
 */
export async function benchKiosk(opts: { root: string; port: number }) {
	const dataDir = join(opts.root, '.bench', 'demo');
	mkdirSync(dataDir, { recursive: true });
	const base = `http://127.0.0.1:${opts.port}`;
	const server = spawn(process.execPath, [join(opts.root, 'build', 'index.js')], {
		env: { ...process.env, AISLE_ROOT: opts.root, AISLE_DATA_DIR: dataDir, PORT: String(opts.port), HOST: '127.0.0.1', ORIGIN: base, SESSION_SECRET: 'bench-secret-0123456789' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	server.stdout.on('data', (d) => (out += d));
	const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'] });
	try {
		for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)); i++) {
			if (i > 3000) throw new Error(`the app did not start:\n${out}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		const link = /http:\/\/\S+\/setup\?store=SEA1&token=\S+/.exec(out)?.[0];
		if (!link) throw new Error('no setup link printed');
		const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
		await page.goto(link.replace(/^http:\/\/[^/]+/, base));
		await page.getByRole('button', { name: /Link this screen/ }).click();
		await page.waitForURL(`${base}/`);

		const product = (await (await fetch(`${base}/api/search?q=shirt&per_page=1`)).json()) as { hits: { code: string }[] };
		console.log('\n(c) kiosk JavaScript per page (gzip, everything the page loads before any interaction)');
		for (const [name, path] of [['attract', '/'], ['search', '/search'], ['product', `/p/${product.hits[0].code}`]] as const) {
			const kb = await scriptBytes(page, `${base}${path}`);
			console.log(`  ${name.padEnd(8)} ${(kb / 1024).toFixed(1)} KB`);
		}

		await page.goto(`${base}/search`);
		const samples = await typingRun(page, ['lamp', 'chair', 'oak table', 'headphones', 'sofa', 'linen shirt', 'speaker', 'desk lamp', 'rug', 'cushion']);
		const s = summarize(samples);
		console.log(`\n(d) keystroke to updated results, ${s.n} keystrokes typed 180 ms apart`);
		console.log(`  median ${fmt(s.median)}  p95 ${fmt(s.p95)}`);
		return s;
	} finally {
		await browser.close();
		const exited = new Promise((r) => server.once('exit', r));
		server.kill('SIGTERM');
		await exited;
	}
}

/** Sum of gzip sizes of the scripts a page loads (fetched again by URL, so navigation cannot lose them). */
async function scriptBytes(page: Page, url: string): Promise<number> {
	const urls = new Set<string>();
	const onRequest = (req: import('@playwright/test').Request) => {
		if (req.resourceType() === 'script') urls.add(req.url());
	};
	page.on('request', onRequest);
	await page.goto(url, { waitUntil: 'networkidle' });
	page.off('request', onRequest);
	const bodies = await Promise.all([...urls].map(async (u) => Buffer.from(await (await fetch(u)).arrayBuffer())));
	return bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
}

/** Types each query key by key and measures from the keydown to the results saying that query. */
async function typingRun(page: Page, queries: string[]): Promise<number[]> {
	const search = page.getByRole('searchbox', { name: 'Search products' });
	await page.evaluate(() => {
		const w = window as unknown as { __t0: number; __ks: number[] };
		w.__ks = [];
		const input = document.querySelector<HTMLInputElement>('#kiosk-search')!;
		input.addEventListener('keydown', () => (w.__t0 = performance.now()), true);
		new MutationObserver(() => {
			const status = document.querySelector('[role=status][aria-live=polite]')?.textContent ?? '';
			if (w.__t0 && input.value && status.includes(`“${input.value}”`)) {
				w.__ks.push(performance.now() - w.__t0);
				w.__t0 = 0;
			}
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	for (const q of queries) {
		await search.fill('');
		await page.waitForTimeout(300);
		await search.pressSequentially(q, { delay: 180 });
		await page.waitForTimeout(400);
	}
	return page.evaluate(() => (window as unknown as { __ks: number[] }).__ks);
}
