import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

/** Applies the list's filter form and waits for the list it asked for. */
async function applyFilters(page: Page, fields: { search?: string; status?: string }) {
	const filters = page.getByRole('search', { name: 'Filter products' });
	if (fields.search !== undefined) await filters.getByRole('searchbox', { name: 'Search' }).fill(fields.search);
	if (fields.status !== undefined) await filters.getByLabel('Status').selectOption(fields.status);
	await filters.getByRole('button', { name: 'Apply filters' }).click();
	await page.waitForURL(
		(url) =>
			(fields.search === undefined || url.searchParams.get('q') === fields.search) &&
			(fields.status === undefined || url.searchParams.get('status') === fields.status)
	);
	if (fields.search) await expect(page.getByRole('status').filter({ hasText: `matching “${fields.search}”` })).toBeVisible();
}

const table = (page: Page) => page.getByRole('table');
const codeLinks = (page: Page) => table(page).locator('tbody').getByRole('link');
const codeLink = (page: Page, code: string) => table(page).getByRole('link', { name: code, exact: true });
const rowOf = (page: Page, code: string) => table(page).getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) });

/** Ticks the rows of these products and runs one bulk action on them. */
async function bulk(page: Page, codes: string[], action: string) {
	for (const code of codes) await page.getByRole('checkbox', { name: `Select ${code}` }).check();
	const bar = page.getByRole('region', { name: 'Bulk actions' });
	await expect(bar).toContainText(`${codes.length} selected`);
	await bar.getByLabel('Action').selectOption({ label: action });
	await bar.getByRole('button', { name: `Apply to ${codes.length} products` }).click();
}

test('a merchandiser filters, searches and archives two products in bulk', async ({ page }) => {
	await signIn(page, 'merchandiser', '/pim/products?sort=code');
	await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'New product' })).toHaveAttribute('href', '/pim/products/new');

	// Sofas: products the other specs leave alone.
	await applyFilters(page, { search: 'sofa' });
	const codes = (await codeLinks(page).allTextContents()).slice(0, 2);
	expect(codes, 'the demo catalog has two sofas').toHaveLength(2);

	// The demo catalog is all published: send two back to draft first.
	await bulk(page, codes, 'Move back to draft');
	const result = page.getByRole('region', { name: 'Bulk action result' });
	await expect(result.getByRole('status')).toContainText('2 products moved back to draft');

	await applyFilters(page, { status: 'draft' });
	for (const code of codes) await expect(rowOf(page, code).getByText('draft', { exact: true })).toBeVisible();
	await expect(page.locator('tbody .badge.published')).toHaveCount(0);

	// Search by the first one's full name: it is found.
	// The name cell ends with a "3D" badge when the product has a model.
	const name = (await rowOf(page, codes[0]).getByRole('cell').nth(3).textContent())!.trim().replace(/\s*3D$/, '');
	await applyFilters(page, { search: name });
	await expect(codeLink(page, codes[0])).toBeVisible();

	await applyFilters(page, { search: 'sofa' });
	await bulk(page, codes, 'Archive');
	await expect(result.getByRole('progressbar', { name: 'Bulk progress' })).toHaveAttribute('value', '2');
	await expect(result.getByRole('status')).toContainText('2 products archived');
	// The list reloads: archived products have left the drafts.
	for (const code of codes) await expect(codeLink(page, code)).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Bulk actions' })).toHaveCount(0);

	await applyFilters(page, { status: 'archived' });
	for (const code of codes) await expect(codeLink(page, code)).toBeVisible();
	await expectAccessible(page);
});

test('a bulk change the rules refuse is reported per product, and changes nothing', async ({ page }) => {
	await signIn(page, 'merchandiser', '/pim/products?sort=code');
	await applyFilters(page, { search: 'sofa' });
	// Not the two the other test takes: sorted by code, it takes the first two.
	const codes = (await codeLinks(page).allTextContents()).slice(2, 4);
	expect(codes, 'the demo catalog has four sofas').toHaveLength(2);

	// Clearing the brand would take published products off the kiosk: refused for each.
	for (const code of codes) await page.getByRole('checkbox', { name: `Select ${code}` }).check();
	const bar = page.getByRole('region', { name: 'Bulk actions' });
	await bar.getByLabel('Action').selectOption({ label: 'Set an attribute value' });
	await bar.getByLabel('Attribute').selectOption({ label: 'Brand' });
	await expect(bar.getByRole('textbox', { name: 'Value' })).toHaveValue('');
	await bar.getByRole('button', { name: 'Apply to 2 products' }).click();

	const result = page.getByRole('region', { name: 'Bulk action result' });
	await expect(result.getByRole('status')).toContainText('2 products could not be changed');
	for (const code of codes) await expect(result.getByRole('listitem').filter({ hasText: code })).toContainText(/brand/);
	// Still selected, so the merchandiser can choose another action for them.
	await expect(bar).toContainText('2 selected');
	await expect(rowOf(page, codes[0]).getByText('published', { exact: true })).toBeVisible();
	await expectAccessible(page);
});
