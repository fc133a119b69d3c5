import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectAccessible, test } from './fixtures.ts';
import { someChair } from './kiosk-orders.ts';

/**
 * Counts WebGL contexts the page creates and releases (WEBGL_lose_context), so a viewer that
 * keeps its context (and with it every buffer and texture on the GPU) after closing shows up.
 */
function countWebglContexts(page: Page) {
	return page.addInitScript(() => {
		const w = window as unknown as { __webgl: { created: number; lost: number } };
		w.__webgl = { created: 0, lost: 0 };
		const getContext = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
			const context = (getContext as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
			if (context && /webgl/.test(type) && !(this as unknown as { __counted?: boolean }).__counted) {
				(this as unknown as { __counted?: boolean }).__counted = true;
				w.__webgl.created++;
				this.addEventListener('webglcontextlost', () => w.__webgl.lost++);
			}
			return context;
		} as typeof getContext;
	});
}

async function openViewer(page: Page, name: string): Promise<Locator> {
	await page.getByRole('button', { name: 'View in 3D' }).click();
	const dialog = page.getByRole('dialog', { name: `${name} in 3D` });
	await expect(dialog).toBeVisible();
	// Reset view is enabled once the first frame of the model is drawn.
	await expect(dialog.getByRole('button', { name: 'Reset view' })).toBeEnabled({ timeout: 20_000 });
	return dialog;
}

/** Share of the canvas's centre that differs clearly from its corners (the empty studio backdrop). */
async function modelCoverage(canvas: Locator): Promise<number> {
	const png = await canvas.screenshot();
	const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const at = (x: number, y: number) => {
		const i = (y * info.width + x) * info.channels;
		return [data[i], data[i + 1], data[i + 2]];
	};
	const corners = [at(4, 4), at(info.width - 5, 4), at(4, info.height - 5), at(info.width - 5, info.height - 5)];
	const backdrop = [0, 1, 2].map((c) => corners.reduce((sum, p) => sum + p[c], 0) / corners.length);
	let differing = 0;
	let total = 0;
	for (let y = Math.floor(info.height * 0.3); y < info.height * 0.7; y += 2)
		for (let x = Math.floor(info.width * 0.3); x < info.width * 0.7; x += 2) {
			const p = at(x, y);
			total++;
			if (Math.abs(p[0] - backdrop[0]) + Math.abs(p[1] - backdrop[1]) + Math.abs(p[2] - backdrop[2]) > 60) differing++;
		}
	return differing / total;
}

test('View in 3D draws the product’s model, shows its dimensions and a QR code to see it in the room', async ({ kiosk, request }) => {
	const chair = await someChair(request);
	await kiosk.goto(`/p/${chair.code}`);
	const dialog = await openViewer(kiosk, chair.name);
	await expect(dialog.getByRole('progressbar')).toHaveCount(0);
	await expect(dialog.getByRole('alert')).toHaveCount(0);
	// Software WebGL draws the chair: a good part of the centre is not backdrop.
	await expect.poll(() => modelCoverage(dialog.getByTestId('model-canvas')), { timeout: 10_000 }).toBeGreaterThan(0.05);

	await dialog.getByRole('button', { name: 'Dimensions' }).click();
	await expect(dialog.getByRole('status')).toHaveText(/^Width × height × depth: [\d.]+ × [\d.]+ × [\d.]+ cm$/);

	await dialog.getByRole('button', { name: 'See it in your room' }).click();
	const qr = dialog.getByRole('img', { name: 'QR code that opens this product in augmented reality on your phone' });
	await expect(qr).toBeVisible();
	await expectAccessible(kiosk);

	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toHaveCount(0);
	await expect(kiosk.getByRole('heading', { level: 1, name: chair.name })).toBeVisible();
});

test.describe('a small screen', () => {
	// Software WebGL draws every pixel on the CPU: a quarter of the kiosk screen keeps 50 rounds affordable.
	test.use({ viewport: { width: 540, height: 960 } });

	test('opening and closing the 3D viewer 50 times releases its GPU contexts and does not grow memory', async ({ kiosk, request }) => {
		// Each round compiles the viewer's shaders afresh on the CPU (a new context each time): slow here, fast on a GPU.
		test.setTimeout(600_000);
		await countWebglContexts(kiosk);
		const chair = await someChair(request);
		await kiosk.goto(`/p/${chair.code}`);
		const cdp = await kiosk.context().newCDPSession(kiosk);
		const heap = async () => {
			await cdp.send('HeapProfiler.collectGarbage');
			return (await cdp.send('Runtime.getHeapUsage')).usedSize;
		};
		const cycle = async () => {
			const dialog = await openViewer(kiosk, chair.name);
			await dialog.getByRole('button', { name: 'Close' }).click();
			await expect(dialog).toHaveCount(0);
		};
		for (let i = 0; i < 5; i++) await cycle();
		const warm = await heap();
		for (let i = 5; i < 50; i++) await cycle();
		const after = await heap();
		const contexts = await kiosk.evaluate(() => (window as unknown as { __webgl: { created: number; lost: number } }).__webgl);
		expect(contexts.created).toBe(50);
		await expect.poll(() => kiosk.evaluate(() => (window as unknown as { __webgl: { lost: number } }).__webgl.lost)).toBe(50);
		// 45 more cycles may leave a little garbage the collector has not got to; a leak of the model,
		// scene or renderer would be megabytes per cycle.
		expect(after - warm, `heap grew from ${warm} to ${after} bytes`).toBeLessThan(4 * 1024 * 1024);
	});
});

test.describe('the phone’s AR page', () => {
	async function arPage(page: Page, request: Parameters<typeof someChair>[0]) {
		const chair = await someChair(request);
		await page.goto(`/m/ar/${chair.code}`);
		await expect(page.getByRole('heading', { level: 1, name: `See ${chair.name} in your room` })).toBeVisible();
		return chair;
	}

	test.describe('on Android', () => {
		test.use({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36' });
		test('on Android it offers Scene Viewer with the model at real size', async ({ page, request }) => {
			const chair = await arPage(page, request);
			const link = page.getByRole('link', { name: 'View in your room' });
			await expect(link).toHaveCount(1);
			const href = (await link.getAttribute('href'))!;
			expect(href).toMatch(/^intent:\/\/arvr\.google\.com\/scene-viewer\/1\.0\?/);
			expect(href).toMatch(/#Intent;scheme=https;package=com\.google\.ar\.core;action=android\.intent\.action\.VIEW;S\.browser_fallback_url=[^;]+;end;$/);
			const params = new URL(href.replace(/^intent:/, 'https:').split('#')[0]).searchParams;
			expect(params.get('mode')).toBe('ar_preferred');
			expect(params.get('resizable')).toBe('false');
			expect(params.get('title')).toBe(chair.name);
			// The model Scene Viewer fetches is a plain glTF binary (no meshopt) that the server serves.
			const model = await request.get(new URL(params.get('file')!).pathname);
			expect(model.status()).toBe(200);
			expect(model.headers()['content-type']).toBe('model/gltf-binary');
			const bytes = await model.body();
			expect(bytes.subarray(0, 4).toString('latin1')).toBe('glTF');
			const json = JSON.parse(bytes.subarray(20, 20 + bytes.readUInt32LE(12)).toString('utf8')) as { extensionsUsed?: string[] };
			expect(json.extensionsUsed ?? []).not.toContain('EXT_meshopt_compression');
			await expectAccessible(page);
		});
	});

	test.describe('on an iPhone', () => {
		test.use({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1' });
		test('on an iPhone it offers Quick Look with a valid USDZ package', async ({ page, request }) => {
			await arPage(page, request);
			const link = page.getByRole('link', { name: 'View in your room' });
			await expect(link).toHaveCount(1);
			await expect(link).toHaveAttribute('rel', 'ar');
			// Quick Look needs an image as the link's first child.
			expect(await link.evaluate((a) => a.firstElementChild?.tagName)).toBe('IMG');
			const href = (await link.getAttribute('href'))!;
			expect(href).toMatch(/\.usdz#allowsContentScaling=0$/);
			const usdz = await request.get(new URL(href).pathname);
			expect(usdz.status()).toBe(200);
			expect(usdz.headers()['content-type']).toBe('model/vnd.usdz+zip');
			const bytes = await usdz.body();
			// An uncompressed zip whose first file is the USD layer, its data 64-byte aligned.
			expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
			expect(bytes.readUInt16LE(8)).toBe(0);
			const nameLength = bytes.readUInt16LE(26);
			expect(bytes.subarray(30, 30 + nameLength).toString('utf8')).toBe('model.usda');
			const dataStart = 30 + nameLength + bytes.readUInt16LE(28);
			expect(dataStart % 64).toBe(0);
			expect(bytes.subarray(dataStart, dataStart + 9).toString('utf8')).toBe('#usda 1.0');
		});
	});

	test('the kiosk’s AR code opens the phone page, and a product without a model has none', async ({ page, request }) => {
		const res = await request.get('/api/search?q=shirt&per_page=1');
		const shirt = ((await res.json()) as { hits: { code: string }[] }).hits[0];
		expect((await page.goto(`/m/ar/${shirt.code}`))?.status()).toBe(404);
		await page.goto(`/m/p/${shirt.code}`);
		await expect(page.getByRole('link', { name: 'See it in your room' })).toHaveCount(0);
		const chair = await someChair(request);
		await page.goto(`/m/p/${chair.code}`);
		await page.getByRole('link', { name: 'See it in your room' }).click();
		await expect(page).toHaveURL(new RegExp(`/m/ar/${chair.code}$`));
	});
});
