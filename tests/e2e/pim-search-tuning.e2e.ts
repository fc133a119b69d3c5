import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, setupLink, signIn, test } from './fixtures.ts';

/** A desktop browser with the merchandiser signed in, on the search tuning page. */
async function openTuning(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const staff = await (await browser.newContext({ baseURL, viewport: { width: 1440, height: 1000 } })).newPage();
	await signIn(staff, 'merchandiser');
	await staff.goto('/pim/search');
	await expect(staff.getByRole('heading', { level: 1, name: 'Search tuning' })).toBeVisible();
	return staff;
}

/** Searches on the kiosk from its start screen (the idle reset may have returned it there meanwhile). */
async function kioskSearch(kiosk: Page, q: string) {
	await kiosk.goto('/');
	await kiosk.getByRole('link', { name: 'Touch to start' }).click();
	await kiosk.getByRole('searchbox', { name: 'Search products' }).fill(q);
}

test('a bad value is refused and named next to its field, and nothing is applied', async ({ browser, baseURL }) => {
	const staff = await openTuning(browser, baseURL);
	await expectAccessible(staff);
	const versions = staff.getByRole('region', { name: 'History' }).getByRole('row');
	const before = await versions.count();
	const twoTypos = staff.getByRole('spinbutton', { name: 'Minimum word size for 2 typos' });
	await staff.getByRole('spinbutton', { name: 'Minimum word size for 1 typo' }).fill('6');
	await twoTypos.fill('3');
	await staff.getByRole('button', { name: 'Add synonym group' }).click();
	await staff.getByRole('textbox', { name: 'Synonym group 1' }).fill('lonely');
	await staff.getByRole('button', { name: 'Apply settings' }).click();
	await expect(staff.getByRole('alert')).toContainText('Nothing was applied');
	await expect(twoTypos).toHaveAttribute('aria-invalid', 'true');
	await expect(twoTypos).toHaveAccessibleDescription(/At least the size for one typo/);
	await expect(staff.getByRole('textbox', { name: 'Synonym group 1' })).toHaveAccessibleDescription(/at least two different terms/);
	// What was typed stays, to be corrected.
	await expect(twoTypos).toHaveValue('3');
	await expect(versions).toHaveCount(before);
	await expectAccessible(staff);
	await staff.context().close();
});

test('a synonym reaches the kiosk once applied, and one step returns to the settings before', async ({ page: kiosk, browser, baseURL }) => {
	await kiosk.goto(setupLink('SEA1'));
	await kiosk.getByRole('button', { name: /Link this screen to/ }).click();
	await kioskSearch(kiosk, 'zorblat');
	await expect(kiosk.getByRole('heading', { name: /Nothing found/ })).toBeVisible();

	const staff = await openTuning(browser, baseURL);
	await staff.getByRole('button', { name: 'Add synonym group' }).click();
	const group = staff.getByRole('textbox', { name: 'Synonym group 1' });
	await expect(group).toBeFocused();
	await group.fill('zorblat, chair');
	await staff.getByRole('textbox', { name: 'Comment (optional)' }).fill('Made-up word for chairs');
	await staff.getByRole('button', { name: 'Apply settings' }).click();
	const status = staff.getByRole('status').filter({ hasText: /^\s*Version \d+/ });
	// The page follows Meilisearch's task on its own until it is done.
	await expect(status).toContainText(/Version \d+: succeeded/, { timeout: 20_000 });
	await expect(staff.getByRole('row', { name: /Made-up word for chairs/ })).toContainText('succeeded');

	await staff.getByRole('searchbox', { name: 'Search as the kiosk does' }).fill('zorblat');
	await staff.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(staff.getByRole('list', { name: 'Results for zorblat' }).getByRole('listitem').first()).toContainText(/chair/i);
	await expectAccessible(staff);

	await kioskSearch(kiosk, 'zorblat');
	await expect(kiosk.getByRole('status').filter({ hasText: /results? for/ })).toContainText('zorblat');
	await expect(kiosk.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();

	await staff.getByRole('button', { name: 'Return to previous settings' }).click();
	await staff.getByRole('button', { name: /Yes, return to version \d+/ }).click();
	await expect(staff.getByRole('row', { name: /Reverted to version \d+/ })).toContainText('succeeded', { timeout: 20_000 });
	await expect(status).toContainText(/Version \d+: succeeded/);
	await expect(staff.getByRole('textbox', { name: /Synonym group/ })).toHaveCount(0);
	await expectAccessible(staff);

	await kioskSearch(kiosk, 'zorblat');
	await expect(kiosk.getByRole('heading', { name: /Nothing found/ })).toBeVisible();
	await staff.context().close();
});
