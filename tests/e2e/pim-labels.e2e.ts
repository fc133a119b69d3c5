// Shelf labels: a merchandiser prints labels for a product (from its editor) and for a category.
//
// Relies on the product editor's status bar offering a "Print shelf labels" link for a
// published product, and on the demo catalog's chairs having GTINs and prices.
import type { APIRequestContext } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

/** A published demo chair, read from the API the kiosk uses. */
async function someChair(request: APIRequestContext): Promise<{ code: string; name: string }> {
	const res = await request.get('/api/search?q=chair&per_page=10');
	expect(res.ok()).toBe(true);
	const { hits } = (await res.json()) as { hits: { code: string; name: string }[] };
	expect(hits.length, 'the demo catalog has chairs').toBeGreaterThan(0);
	return hits[0];
}

test('a merchandiser prints the shelf labels of a product from its editor', async ({ page, request }) => {
	const chair = await someChair(request);
	await signIn(page, 'merchandiser', `/pim/products/${chair.code}`);
	await page.getByRole('link', { name: 'Print shelf labels' }).click();

	await expect(page).toHaveURL(new RegExp(`/pim/labels\\?product=${chair.code}`));
	await expect(page.getByRole('heading', { level: 1, name: 'Shelf labels' })).toBeVisible();
	const labels = page.getByRole('list', { name: 'Labels' }).getByRole('listitem');
	await expect(labels.first()).toBeVisible();
	const first = labels.first();
	await expect(first).toContainText(chair.name);
	await expect(first).toContainText(/\d[.,]\d\d/);
	await expect(first.getByRole('img', { name: /^QR code for \S+$/ })).toBeVisible();
	await expect(first.getByRole('img', { name: /^Barcode \d{8,14}$/ })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print' })).toBeEnabled();
	await expectAccessible(page);
});

test('a merchandiser prints the labels of a whole category', async ({ page }) => {
	await signIn(page, 'merchandiser', '/pim/labels');
	const category = page.getByRole('combobox', { name: 'Category' });
	const roots = (await category.locator('option').allTextContents()).filter((t) => t !== 'Any' && !t.includes('›'));
	expect(roots.length, 'the demo catalog has top-level categories').toBeGreaterThan(0);
	await category.selectOption({ label: roots[0] });
	await page.getByRole('combobox', { name: 'Label size' }).selectOption({ label: 'Large 100×70 mm' });
	await page.getByRole('button', { name: 'Show labels' }).click();

	await expect(page.getByRole('status').filter({ hasText: /labels?$/ })).toBeVisible();
	const count = await page.getByRole('list', { name: 'Labels' }).getByRole('listitem').count();
	expect(count).toBeGreaterThan(1);
	await expect(page.getByRole('status').filter({ hasText: `${count} labels` })).toBeVisible();
	await expectAccessible(page);
});
