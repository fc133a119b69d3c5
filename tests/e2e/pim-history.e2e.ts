// Restoring an older version of a product from its history page.
//
// To make a second version the test edits the product in the PIM editor
// (/pim/products/<code>), and relies on these of its controls:
//   - a textbox whose accessible name starts with the attribute label "Name", holding the
//     English name (the first such textbox when several locales are shown);
//   - a button named "Save…", disabled again once the save has gone through.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectAccessible, setupLink, signIn, test } from './fixtures.ts';

/** A demo chair on the kiosk, read from the API the kiosk uses. */
async function someChair(request: APIRequestContext): Promise<string> {
	const res = await request.get('/api/search?q=chair&per_page=10');
	expect(res.ok()).toBe(true);
	const { hits } = (await res.json()) as { hits: { code: string }[] };
	expect(hits.length, 'the demo catalog has chairs').toBeGreaterThan(0);
	return hits.at(-1)!.code;
}

const versionsTable = (page: Page) => page.getByRole('table', { name: 'Saves of this product, newest first' });

/** The newest revision listed on the history page. */
async function newestRevision(page: Page): Promise<number> {
	return Number(await versionsTable(page).getByRole('rowheader').first().textContent());
}

test('a merchandiser restores an older version and the kiosk shows it again', async ({ page, browser, request }) => {
	const code = await someChair(request);
	const history = `/pim/products/${code}/history`;
	await signIn(page, 'merchandiser', history);
	await expect(page.getByRole('heading', { level: 1, name: /^History of/ })).toBeVisible();
	const base = await newestRevision(page);

	await page.goto(`/pim/products/${code}`);
	const name = page.getByRole('textbox', { name: /^Name\b/ }).first();
	const original = await name.inputValue();
	expect(original).not.toBe('');
	const renamed = `${original} (renamed)`;
	await name.fill(renamed);
	const save = page.getByRole('button', { name: /^Save\b/ });
	await save.click();
	await expect(save).toBeDisabled();

	await page.goto(history);
	expect(await newestRevision(page)).toBe(base + 1);
	// By default the page compares the previous revision with the current one.
	const diff = page.getByRole('table', { name: new RegExp(`from revision ${base} to revision ${base + 1}$`) });
	const nameRow = diff.getByRole('row', { name: /^Name \(en\)/ });
	await expect(nameRow.getByRole('cell').nth(0)).toHaveText(original);
	await expect(nameRow.getByRole('cell').nth(1)).toHaveText(renamed);

	await versionsTable(page).getByRole('button', { name: `Restore revision ${base}` }).click();
	const confirm = page.getByRole('region', { name: `Restore revision ${base}?` });
	await expect(confirm).toContainText(`as a new revision ${base + 2}`);
	await expectAccessible(page);
	await confirm.getByRole('button', { name: `Yes, restore revision ${base}` }).click();

	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText(`Restored revision ${base} as revision ${base + 2}.`);
	expect(await newestRevision(page)).toBe(base + 2);
	const restoreRow = versionsTable(page).getByRole('row').filter({ hasText: `Restored revision ${base}` }).first();
	await expect(restoreRow).toContainText('merch@aisle.demo');
	const undone = page.getByRole('table', { name: new RegExp(`from revision ${base + 1} to revision ${base + 2}$`) }).getByRole('row', { name: /^Name \(en\)/ });
	await expect(undone.getByRole('cell').nth(0)).toHaveText(renamed);
	await expect(undone.getByRole('cell').nth(1)).toHaveText(original);
	await expectAccessible(page);

	// A kiosk in a fresh browser context (no staff session) shows the restored English name.
	const context = await browser.newContext();
	const kiosk = await context.newPage();
	await kiosk.goto(setupLink('SEA1'));
	await kiosk.getByRole('button', { name: /Link this screen to/ }).click();
	await expect(kiosk).toHaveURL(/\/$/);
	await kiosk.goto(`/p/${code}`);
	await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(original);
	await context.close();
});

test('comparing two revisions keeps the choice in the address, and the same one twice says so', async ({ page, request }) => {
	const code = await someChair(request);
	await signIn(page, 'merchandiser', `/pim/products/${code}/history`);
	const newest = await newestRevision(page);
	await page.getByLabel('From').selectOption(String(newest));
	await page.getByLabel('To').selectOption(String(newest));
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page).toHaveURL(new RegExp(`from=${newest}&to=${newest}`));
	await expect(page.getByText(`Revision ${newest} is compared with itself.`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Back to the editor' })).toHaveAttribute('href', `/pim/products/${code}`);
	await expectAccessible(page);
});
