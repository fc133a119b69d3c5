import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { chromium, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { getProduct, saveProduct, snapshotOf, storeModel } from '../pim/index.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { codePng, FRAME, framePixels, y4m } from '../tests/e2e/camera.ts';
import { fmt, summarize } from './stats.ts';

/**
 * The shelf-side moments in a real Chromium on the built app: (f) a product QR code in front of
 * the camera to its product page, and (g) opening the 3D viewer to its first drawn frame for a
 * 2 MB textured model, cold (nothing cached) and warm. Chromium's fake camera plays a Y4M
 * file, and WebGL is software (SwiftShader) here: on a kiosk's GPU the 3D figures are lower.
 */
export async function benchScan3d(opts: { root: string; port: number; rounds: number }) {
	const dataDir = join(opts.root, '.bench', 'demo-300');
	mkdirSync(dataDir, { recursive: true });
	const base = `http://127.0.0.1:${opts.port}`;
	const server = spawn(process.execPath, [join(opts.root, 'build', 'index.js')], {
		env: { ...process.env, AISLE_ROOT: opts.root, AISLE_DATA_DIR: dataDir, AISLE_DEMO_PRODUCTS: '300', PORT: String(opts.port), HOST: '127.0.0.1', ORIGIN: base, SESSION_SECRET: 'bench-secret-0123456789' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	server.stdout.on('data', (d) => (out += d));
	const browsers: Browser[] = [];
	try {
		for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)); i++) {
			if (i > 3000) throw new Error(`the app did not start:\n${out}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		const link = /http:\/\/\S+\/setup\?store=SEA1&token=\S+/.exec(out)?.[0]?.replace(/^http:\/\/[^/]+/, base);
		if (!link) throw new Error('no setup link printed');
		const { hits } = (await (await fetch(`${base}/api/search?q=chair&per_page=2`)).json()) as { hits: { code: string; name: string }[] };
		const [scanned, heavy] = hits;

		// (f) The camera shows the product's QR code from its first frame on.
		const camera = join(dataDir, 'camera.y4m');
		writeFileSync(camera, y4m(await framePixels(await codePng('qr', `${base}/p/${scanned.code}`)), FRAME.width, FRAME.height));
		const scanBrowser = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${camera}`]);
		browsers.push(scanBrowser);
		const kiosk = await linkedKiosk(scanBrowser, link, true);
		const scans: number[] = [];
		for (let i = 0; i < opts.rounds; i++) {
			await kiosk.goto(`${base}/search`);
			await kiosk.evaluate(() => ((window as unknown as Timing).__timing = {}));
			await kiosk.getByRole('button', { name: 'Scan a barcode' }).click();
			await kiosk.waitForURL(new RegExp(`/p/${scanned.code}`));
			await kiosk.waitForFunction(() => (window as unknown as Timing).__timing.arrived !== undefined);
			const t = await kiosk.evaluate(() => (window as unknown as Timing).__timing);
			scans.push(t.arrived! - t.firstFrame!);
		}
		const s = summarize(scans);
		console.log(`\n(f) product QR code in front of the camera → its product page shown, ${s.n} scans`);
		console.log(`  first camera frame → product heading: median ${fmt(s.median)}  p95 ${fmt(s.p95)}`);

		// (g) A 2 MB textured model on another chair, stored and attached the way the editor does.
		const glb = await twoMegabyteModel();
		const db = openDatabase(join(dataDir, 'aisle.db'), opts.root);
		const stored = await storeModel(db, join(dataDir, 'media'), glb);
		const state = getProduct(db, heavy.code)!;
		const data = snapshotOf(state);
		data.media = [...data.media.filter((m) => m.role !== 'model3d'), { media: stored.id, role: 'model3d', variant: null, alt: {} }];
		saveProduct(db, data, 'bench');
		db.$client.close();
		const viewBrowser = await launch([]);
		browsers.push(viewBrowser);
		const cold: number[] = [];
		const warm: number[] = [];
		for (let i = 0; i < opts.rounds; i++) {
			// A fresh context has an empty cache: the model is downloaded and decoded from scratch.
			const page = await linkedKiosk(viewBrowser, link, false);
			await page.goto(`${base}/p/${heavy.code}`);
			cold.push(await openToFirstFrame(page, heavy.name));
			await page.goto(`${base}/p/${heavy.code}`);
			warm.push(await openToFirstFrame(page, heavy.name));
			await page.context().close();
		}
		const c = summarize(cold);
		const w = summarize(warm);
		console.log(`\n(g) tap on View in 3D → first frame drawn, ${(glb.length / 1024 / 1024).toFixed(1)} MB textured model (${(stored.bytes / 1024 / 1024).toFixed(1)} MB stored${stored.compressed ? ', meshopt' : ''}), software WebGL`);
		console.log(`  cold (empty cache) median ${fmt(c.median)}  p95 ${fmt(c.p95)}`);
		console.log(`  warm (model cached) median ${fmt(w.median)}  p95 ${fmt(w.p95)}`);
		return { scan: s, cold: c, warm: w };
	} finally {
		for (const b of browsers) await b.close();
		const exited = new Promise((r) => server.once('exit', r));
		server.kill('SIGTERM');
		await exited;
	}
}

interface Timing {
	__timing: { firstFrame?: number; arrived?: number };
}

function launch(extra: string[]): Promise<Browser> {
	const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
	return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--enable-unsafe-swiftshader', ...extra] });
}

/** A kiosk screen linked to Seattle; with `watch`, it notes the scanner's first camera frame and the product page's arrival. */
async function linkedKiosk(browser: Browser, link: string, watch: boolean): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, permissions: watch ? ['camera'] : [] });
	if (watch)
		// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
		await context.addInitScript(`(() => {
			window.__timing = {};
			const look = () => {
				const t = window.__timing;
				const video = document.querySelector('video');
				if (video && !video.dataset.watched) {
					video.dataset.watched = '1';
					// The first decoded camera frame: the code is on it from the start.
					const seen = () => (window.__timing.firstFrame ??= performance.now());
					if (video.readyState >= 2) seen();
					video.addEventListener('loadeddata', seen, { once: true });
				}
				if (t.firstFrame !== undefined && t.arrived === undefined && location.pathname.startsWith('/p/') && document.querySelector('h1')) t.arrived = performance.now();
				requestAnimationFrame(look);
			};
			requestAnimationFrame(look);
		})();`);
	const page = await context.newPage();
	await page.goto(link);
	await page.getByRole('button', { name: /Link this screen/ }).click();
	await page.waitForURL((u) => u.pathname === '/');
	return page;
}

/** Taps View in 3D and reads the time from the tap to the viewer's first-frame mark. */
async function openToFirstFrame(page: Page, name: string): Promise<number> {
	await page.evaluate(() => {
		performance.clearMarks();
		performance.mark('bench:tap');
	});
	await page.getByRole('button', { name: 'View in 3D' }).click();
	await page.waitForFunction(() => performance.getEntriesByName('model-viewer:ready').length > 0, null, { timeout: 120_000 });
	// From the tap (the dialog and three are fetched after it) to the first frame drawn.
	const ms = await page.evaluate(() => performance.getEntriesByName('model-viewer:ready')[0].startTime - performance.getEntriesByName('bench:tap')[0].startTime);
	if (process.env.BENCH_VERBOSE)
		console.log(await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('model-viewer')).map((m) => `${m.name.slice(13)} ${m.startTime.toFixed(0)}`).join(', ')));
	await page.getByRole('dialog', { name: `${name} in 3D` }).getByRole('button', { name: 'Close' }).click();
	return ms;
}

/** A sphere of 128 × 128 segments with an 800 × 800 noise texture: about 2 MB, like a modest product scan. */
async function twoMegabyteModel(): Promise<Uint8Array> {
	const segments = 128;
	const pos: number[] = [];
	const nor: number[] = [];
	const uv: number[] = [];
	const idx: number[] = [];
	for (let y = 0; y <= segments; y++)
		for (let x = 0; x <= segments; x++) {
			const [u, v] = [x / segments, y / segments];
			const p = [Math.cos(u * 2 * Math.PI) * Math.sin(v * Math.PI), Math.cos(v * Math.PI), Math.sin(u * 2 * Math.PI) * Math.sin(v * Math.PI)];
			pos.push(p[0] * 0.3, p[1] * 0.3 + 0.3, p[2] * 0.3);
			nor.push(...p);
			uv.push(u, v);
		}
	for (let y = 0; y < segments; y++)
		for (let x = 0; x < segments; x++) {
			const a = y * (segments + 1) + x;
			const b = a + segments + 1;
			idx.push(a, b, a + 1, b, b + 1, a + 1);
		}
	const side = 800;
	// Noise does not compress: the texture keeps its size in the file, as a photo texture would.
	const noise = randomBytes(side * side * 3);
	const png = await sharp(noise, { raw: { width: side, height: side, channels: 3 } }).png().toBuffer();
	const doc = new Document();
	const buffer = doc.createBuffer();
	const texture = doc.createTexture('fabric').setImage(new Uint8Array(png)).setMimeType('image/png');
	const prim = doc
		.createPrimitive()
		.setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(pos)).setBuffer(buffer))
		.setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(nor)).setBuffer(buffer))
		.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(uv)).setBuffer(buffer))
		.setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(idx)).setBuffer(buffer))
		.setMaterial(doc.createMaterial('fabric').setBaseColorTexture(texture));
	doc.createScene().addChild(doc.createNode('ball').setMesh(doc.createMesh('ball').addPrimitive(prim)));
	return new NodeIO().writeBinary(doc);
}
