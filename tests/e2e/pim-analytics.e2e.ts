import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

/** A word no product has: it lands under the searches with no results. */
const NONSENSE = 'vexlorquin';

/** A desktop browser with the merchandiser signed in, on Seattle's analytics for the last 7 days. */
async function openAnalytics(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const staff = await (await browser.newContext({ baseURL, viewport: { width: 1440, height: 1000 }, acceptDownloads: true })).newPage();
	await signIn(staff, 'merchandiser');
	await staff.goto('/pim/analytics?store=SEA1&range=7');
	await expect(staff.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
	return staff;
}

/** The row of a table whose row header is exactly `name`. */
const rowOf = (region: Locator, name: string) => region.getByRole('row').filter({ has: region.page().getByRole('rowheader', { name, exact: true }) });

test('what a shopper searched for, missed and opened reaches the analytics, with actions and CSV', async ({ kiosk, browser, baseURL }) => {
	// The shopper: a word that finds nothing, then a real one, then opens a result.
	const search = kiosk.getByRole('searchbox', { name: 'Search products' });
	await search.fill(NONSENSE);
	await expect(kiosk.getByRole('heading', { name: /Nothing found/ })).toBeVisible();
	await search.fill('chair');
	const results = kiosk.getByRole('list', { name: 'Results' });
	await expect(kiosk.getByRole('status').filter({ hasText: /results? for/ })).toContainText('chair');
	const first = results.getByRole('listitem').first();
	const productName = ((await first.getByRole('heading').first().textContent()) ?? '').trim();
	expect(productName).not.toBe('');
	await first.getByRole('link').click();
	await expect(kiosk.getByRole('heading', { level: 1, name: productName })).toBeVisible();

	// The merchandiser: events are written within about a second, so reload until they show.
	const staff = await openAnalytics(browser, baseURL);
	const noResults = staff.getByRole('region', { name: 'Searches with no results' });
	await expect(async () => {
		await staff.reload();
		await expect(rowOf(noResults, NONSENSE)).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await expectAccessible(staff);

	const missed = rowOf(noResults, NONSENSE);
	await expect(missed.getByRole('link', { name: `Add a synonym for “${NONSENSE}”` })).toHaveAttribute('href', `/pim/search?synonym=${NONSENSE}`);
	await expect(missed.getByRole('link', { name: `Find a product for “${NONSENSE}”` })).toHaveAttribute('href', `/pim/products?q=${NONSENSE}`);
	await expect(rowOf(staff.getByRole('region', { name: 'Top searches' }), 'chair')).toBeVisible();
	await expect(rowOf(staff.getByRole('region', { name: 'Top searches' }), NONSENSE)).toBeVisible();
	await expect(staff.getByRole('region', { name: 'Most viewed products' }).getByRole('link', { name: productName })).toBeVisible();
	// The funnel counts this visit: it searched, then opened a product.
	const funnel = staff.getByRole('region', { name: 'Funnel' });
	await expect(rowOf(funnel, 'Then opened a product').getByRole('cell').first()).not.toHaveText('0');
	// Each chart has its figures as text too.
	await expect(staff.getByRole('img', { name: /Line chart of searches/ })).toBeVisible();

	// CSV of the searches that found nothing.
	const download = staff.waitForEvent('download');
	await noResults.getByRole('link', { name: 'Download CSV: Searches with no results' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^aisle-zero-results-SEA1-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = await readFile((await file.path())!, 'utf8');
	expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('query,searches,last_day');
	expect(csv).toMatch(new RegExp(`^${NONSENSE},\\d+,\\d{4}-\\d{2}-\\d{2}$`, 'm'));

	// One click to the search tuning page, with a synonym group started from the word.
	await missed.getByRole('link', { name: `Add a synonym for “${NONSENSE}”` }).click();
	await expect(staff.getByRole('heading', { level: 1, name: 'Search tuning' })).toBeVisible();
	const group = staff.getByRole('textbox', { name: /Synonym group \d+/ }).last();
	await expect(group).toHaveValue(NONSENSE);
	await expect(group).toBeFocused();
	await expectAccessible(staff);

	// And one click to the product list, searching for it.
	await staff.goBack();
	await rowOf(staff.getByRole('region', { name: 'Searches with no results' }), NONSENSE).getByRole('link', { name: /Find a product for/ }).click();
	await expect(staff.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
	await expect(staff).toHaveURL(new RegExp(`/pim/products\\?q=${NONSENSE}$`));
	await staff.context().close();
});

test('a bad date is named, and the page still shows the default period', async ({ browser, baseURL }) => {
	const staff = await openAnalytics(browser, baseURL);
	await staff.getByRole('combobox', { name: 'Period' }).selectOption('custom');
	await staff.getByLabel('From', { exact: true }).fill('2025-03-10');
	await staff.getByLabel('To', { exact: true }).fill('2025-03-01');
	await staff.getByRole('button', { name: 'Show' }).click();
	await expect(staff.getByRole('alert')).toContainText('The end date is before the start date');
	await expect(staff.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(staff.getByRole('region', { name: 'Searches with no results' })).toBeVisible();
	await expectAccessible(staff);
	await staff.context().close();
});
