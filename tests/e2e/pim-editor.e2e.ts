import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, expectAccessible, setupLink, signIn, test } from './fixtures.ts';

interface Hit {
	code: string;
	name: string;
}

/** A published demo product, read from the API the kiosk uses. */
async function someProduct(request: APIRequestContext, q: string, nth = 0): Promise<Hit> {
	const res = await request.get(`/api/search?q=${q}&per_page=10`);
	expect(res.ok()).toBe(true);
	const { hits } = (await res.json()) as { hits: Hit[] };
	expect(hits.length, `the demo catalog has ${q}s`).toBeGreaterThan(nth);
	return hits[nth];
}

/** A kiosk in Simplified Chinese on a screen of its own (a fresh context, linked to the Seattle store). */
async function chineseKiosk(browser: Browser): Promise<Page> {
	const kiosk = await (await browser.newContext()).newPage();
	await kiosk.goto(setupLink('SEA1'));
	await kiosk.getByRole('button', { name: /Link this screen to/ }).click();
	await kiosk.getByRole('link', { name: 'Touch to start' }).click();
	await kiosk.getByRole('group', { name: 'Language' }).getByRole('button', { name: '简体中文' }).click();
	await expect(kiosk.getByRole('searchbox', { name: '搜索商品' })).toBeVisible();
	return kiosk;
}

test('a Simplified Chinese name edited in the PIM is on the kiosk within 2 seconds', async ({ page, browser, request }) => {
	const product = await someProduct(request, 'chair', 1);
	const kiosk = await chineseKiosk(browser);
	await signIn(page, 'merchandiser');
	await page.goto(`/pim/products/${product.code}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(product.code);

	await page.getByRole('combobox', { name: 'Locale', exact: true }).selectOption('zh-CN');
	const name = `测试改名椅子${Date.now() % 100_000}`;
	await page.getByRole('textbox', { name: 'Name (简体中文)' }).fill(name);
	await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

	// Search again until the kiosk has it: an edit to a published product is live within 2 s.
	const search = kiosk.getByRole('searchbox', { name: '搜索商品' });
	await expect(async () => {
		await search.fill('');
		await search.fill(name);
		await expect(kiosk.getByRole('list', { name: '搜索结果' }).getByRole('heading', { name })).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 2_000, intervals: [100, 200, 300] });
	await kiosk.context().close();
});

test('publishing a product that misses required kiosk values is refused, naming them', async ({ page }) => {
	await signIn(page, 'merchandiser');
	await page.goto('/pim/products/new');
	const code = `E2E-DRAFT-${Date.now() % 100_000}`;
	await page.getByLabel('Code', { exact: true }).fill(code);
	await page.getByLabel('Family', { exact: true }).selectOption('furniture');
	await page.getByRole('button', { name: 'Create draft' }).click();
	await expect(page).toHaveURL(new RegExp(`/pim/products/${code}$`));

	await page.getByRole('button', { name: 'Publish', exact: true }).click();
	const refusal = page.getByRole('alert').filter({ hasText: 'can only be published' });
	await expect(refusal).toContainText('can only be published when it is complete for the kiosk');
	await expect(refusal).toContainText(/missing [^)]*\bname\b/);
	const nameField = page.getByRole('textbox', { name: 'Name (English)' });
	await expect(nameField).toHaveAttribute('aria-invalid', 'true');
	await expect(nameField).toHaveAccessibleDescription(/Required for the kiosk/);
	await expect(page.getByRole('form', { name: 'Save and publish' }).getByText('draft', { exact: true })).toBeVisible();

	// The summary's link takes the keyboard to the field.
	await refusal.getByRole('link', { name: 'Name', exact: true }).click();
	await expect(nameField).toBeFocused();
	await expectAccessible(page);
});

test('a bad GTIN is reported next to its field and nothing of the save is kept', async ({ page, request }) => {
	const product = await someProduct(request, 'lamp');
	await signIn(page, 'merchandiser');
	await page.goto(`/pim/products/${product.code}`);
	const gtin = page.getByRole('textbox', { name: /^GTIN of / }).first();
	const englishName = page.getByRole('textbox', { name: 'Name (English)' });
	const before = { gtin: await gtin.inputValue(), name: await englishName.inputValue() };

	await englishName.fill(`${before.name} renamed`);
	// 4006381333931 is a valid EAN-13; the last digit changed breaks its check digit.
	await gtin.fill('4006381333932');
	await expect(gtin).toHaveAccessibleDescription(/check digit/);
	await page.keyboard.press('Control+s');

	await expect(page.getByRole('alert').filter({ hasText: 'The product has errors' })).toContainText('GTIN');
	await expect(gtin).toHaveAttribute('aria-invalid', 'true');
	await expect(gtin).toHaveAccessibleDescription(/GTIN check digit is wrong/);
	await expectAccessible(page);

	// Nothing was saved: a fresh look at the product shows it as it was.
	const fresh = await page.context().newPage();
	await fresh.goto(`/pim/products/${product.code}`);
	await expect(fresh.getByRole('textbox', { name: 'Name (English)' })).toHaveValue(before.name);
	await expect(fresh.getByRole('textbox', { name: /^GTIN of / }).first()).toHaveValue(before.gtin);
	await fresh.close();
});
