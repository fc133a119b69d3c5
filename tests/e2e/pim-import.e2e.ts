import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

/** The small Akeneo export the tests share (tests/fixtures/akeneo/mini). */
const MINI = join(import.meta.dirname, '../fixtures/akeneo/mini');
const akeneoFiles = (leaveOut: string[]) =>
	readdirSync(MINI)
		.filter((name) => name.endsWith('.csv') && !leaveOut.includes(name))
		.map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(MINI, name)) }));

/** A desktop browser with the merchandiser signed in. */
async function staffPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const staff = await (await browser.newContext({ baseURL, viewport: { width: 1440, height: 1000 }, acceptDownloads: true })).newPage();
	await signIn(staff, 'merchandiser', '/pim/import');
	await expect(staff.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
	return staff;
}

/** Uploads files on the import page and lands on the new run's page. */
async function upload(staff: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
	await staff.goto('/pim/import');
	await staff.getByLabel('Files', { exact: true }).setInputFiles(files);
	await staff.getByRole('button', { name: 'Upload' }).click();
	await expect(staff.getByRole('heading', { level: 1, name: /^Import #\d+$/ })).toBeVisible();
}

/** The run's result once it is over (the page polls until then). */
async function result(staff: Page) {
	const region = staff.getByRole('region', { name: 'Import result' });
	await expect(region).toBeVisible({ timeout: 30_000 });
	const bar = region.getByRole('progressbar', { name: 'Import progress' });
	await expect(bar).toBeVisible();
	expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
	return region;
}

async function productCount(staff: Page, q: string): Promise<string> {
	const list = await staff.context().newPage();
	await list.goto(`/pim/products?q=${encodeURIComponent(q)}`);
	const text = (await list.getByRole('status').filter({ hasText: /products? matching/ }).textContent()) ?? '';
	await list.close();
	return text;
}

// The runs build on each other: the dry run, then the real one, then the faulty file.
test.describe.configure({ mode: 'serial' });

test('a merchandiser dry-runs the Akeneo sample, imports it for real, and a product reaches the kiosk', async ({ kiosk, browser, baseURL }) => {
	const staff = await staffPage(browser, baseURL);
	await expect(staff.getByRole('link', { name: 'CSV template' })).toHaveAttribute('href', '/pim/import/template.csv');
	await expectAccessible(staff);
	await upload(staff, akeneoFiles(['products-with-errors.csv']));

	// The mapping comes filled in: our en for en_US (the catalog has en), kiosk and web for ecommerce.
	const settings = staff.getByRole('form', { name: 'Import settings' });
	await expect(settings.getByRole('textbox', { name: 'en_US' })).toHaveValue('en');
	await expect(settings.getByRole('textbox', { name: 'zh_CN' })).toHaveValue('zh-CN');
	await expect(settings.getByRole('textbox', { name: 'ecommerce' })).toHaveValue('kiosk, web');
	// Leave German and the print channel out of this catalog.
	await settings.getByRole('textbox', { name: 'de_DE' }).fill('');
	await settings.getByRole('textbox', { name: 'print' }).fill('');
	await expect(settings.getByRole('checkbox', { name: /Dry run/ })).toBeChecked();
	await expect(settings.getByRole('radio', { name: /Import the other rows/ })).toBeChecked();
	await expectAccessible(staff);
	await settings.getByRole('button', { name: 'Start import' }).click();

	// The dry run says what would change, and writes nothing.
	let region = await result(staff);
	await expect(region.getByRole('status')).toContainText('Dry run: nothing was written.');
	await expect(region.getByRole('status')).toContainText(/[1-9]\d* products? would be created/);
	await expect(region.getByRole('row', { name: /^products/ })).toBeVisible();
	expect(await productCount(staff, 'CH-1001')).toMatch(/^0 products/);
	await expectAccessible(staff);

	// For real: the same files and settings, with progress, then the result.
	await region.getByRole('button', { name: 'Import for real' }).click();
	await expect(staff.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
	region = await result(staff);
	await expect(region.getByRole('status')).toContainText(/[1-9]\d* products? (was|were) created/);
	await expect(region.getByRole('status')).not.toContainText('Dry run');
	expect(await productCount(staff, 'CH-1001')).toMatch(/^1 product /);
	await expectAccessible(staff);

	// Published and complete, so the kiosk finds it by name once search has caught up.
	const search = kiosk.getByRole('searchbox', { name: 'Search products' });
	await expect(async () => {
		await search.fill('');
		await search.fill('Fjord oak dining chair');
		await expect(kiosk.getByRole('list', { name: 'Results' }).getByRole('heading', { name: 'Fjord oak dining chair' }).first()).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
});

test('per batch, the faulty file imports its good row and reports each bad line', async ({ browser, baseURL }) => {
	const staff = await staffPage(browser, baseURL);
	// The demo catalog has one material per product: the good row keeps one of its two, so that
	// only the faulty rows are refused here.
	const files = akeneoFiles(['products.csv']).map((f) =>
		f.name === 'products-with-errors.csv' ? { ...f, buffer: Buffer.from(f.buffer.toString('utf8').replace(';steel,oak;Loft Barhocker aus Stahl;A good row', ';oak;Loft Barhocker aus Stahl;A good row')) } : f
	);
	await upload(staff, files);
	const settings = staff.getByRole('form', { name: 'Import settings' });
	await settings.getByRole('textbox', { name: 'de_DE' }).fill('');
	await settings.getByRole('textbox', { name: 'print' }).fill('');
	await settings.getByRole('checkbox', { name: /Dry run/ }).uncheck();
	await settings.getByRole('radio', { name: /Import the other rows/ }).check();
	await settings.getByRole('button', { name: 'Start import' }).click();

	const region = await result(staff);
	await expect(region.getByRole('status')).toContainText(/[1-9]\d* products? (was|were) created/);
	expect(await productCount(staff, 'CH-2007')).toMatch(/^1 product /);

	// Each refused row with its file, line and reason, on the page and in the report.
	const refused = staff.getByRole('region', { name: 'Refused rows' });
	for (const line of ['2', '4', '5', '6', '7', '8'])
		await expect(refused.getByRole('row').filter({ has: staff.getByRole('cell', { name: line, exact: true }) }).filter({ hasText: 'products-with-errors.csv' })).toHaveCount(1);
	await expectAccessible(staff);
	const download = staff.waitForEvent('download');
	await region.getByRole('link', { name: 'Download the report of refused rows' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^import-\d+-rejected\.csv$/);
	const csv = (await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '');
	expect(csv.split(/\r?\n/)[0]).toBe('file,line,code,reason');
	for (const line of [2, 4, 5, 6, 7, 8]) expect(csv).toMatch(new RegExp(`^products-with-errors\\.csv,${line},`, 'm'));
	expect(csv).toMatch(/CH-2001,.*(GTIN|check digit)/i);
});

test('the product list exports what it shows as our CSV', async ({ browser, baseURL }) => {
	const staff = await staffPage(browser, baseURL);
	await staff.goto('/pim/products?status=draft&q=CH-1003');
	// The link keeps the list's filters.
	await staff.getByRole('main').getByRole('link', { name: 'Export', exact: true }).click();
	await expect(staff).toHaveURL(/\/pim\/export\?.*status=draft/);
	await expect(staff.getByRole('heading', { level: 1, name: 'Export products' })).toBeVisible();
	await expect(staff.getByRole('region', { name: 'Export' }).getByRole('status')).toHaveText('1 product');
	await expectAccessible(staff);
	const download = staff.waitForEvent('download');
	await staff.getByRole('link', { name: 'Download CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^aisle-products-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = (await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '');
	const [header, ...rows] = csv.trim().split('\n');
	expect(header.startsWith('product;family;status;categories;variant;sku;gtin;')).toBe(true);
	expect(rows).toHaveLength(1);
	expect(rows[0]).toMatch(/^CH-1003;chairs;draft;/);
});
