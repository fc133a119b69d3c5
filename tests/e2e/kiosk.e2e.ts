import { expect, expectAccessible, setupLink, test } from './fixtures.ts';

test('the attract screen invites a touch and shows products and categories', async ({ page }) => {
	await page.goto(setupLink('SEA1'));
	await page.getByRole('button', { name: /Link this screen to/ }).click();
	await expect(page.getByRole('heading', { name: 'Popular right now' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Shop by category' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Touch to start' }).click();
	await expect(page.getByRole('searchbox', { name: 'Search products' })).toBeFocused({ timeout: 1000 }).catch(() => undefined);
	await expect(page).toHaveURL(/\/search$/);
});

test('filters narrow the results and can be cleared', async ({ kiosk }) => {
	await kiosk.getByRole('searchbox', { name: 'Search products' }).fill('chair');
	const status = kiosk.getByRole('status').filter({ hasText: /results? for/ });
	await expect(status).toContainText('chair');
	const before = Number((await status.textContent())!.match(/\d+/)![0]);
	// In portrait the filters fold behind one button.
	const toggle = kiosk.getByRole('button', { name: 'Filters' });
	if (await toggle.isVisible()) {
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	}
	await kiosk.getByRole('checkbox', { name: /In stock at this store/ }).check();
	await expect.poll(async () => Number((await status.textContent())!.match(/\d+/)![0])).toBeLessThan(before);
	const brand = kiosk.getByRole('group', { name: 'Brand' }).getByRole('button').first();
	await brand.click();
	await expect(brand).toHaveAttribute('aria-pressed', 'true');
	await kiosk.getByRole('radio', { name: 'Price: low to high' }).click();
	await expect(kiosk.getByRole('radio', { name: 'Price: low to high' })).toBeChecked();
	await expect(kiosk).toHaveURL(/sort=price_asc/);
	await expectAccessible(kiosk);
	await kiosk.getByRole('button', { name: 'Clear all filters' }).click();
	await expect.poll(async () => Number((await status.textContent())!.match(/\d+/)![0])).toBe(before);
});

test('categories can be browsed down to their products', async ({ kiosk }) => {
	await kiosk.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Categories' }).click();
	await expect(kiosk.getByRole('heading', { name: 'Shop by category' })).toBeVisible();
	await expectAccessible(kiosk);
	await kiosk.getByRole('link', { name: /^Furniture/ }).click();
	await expect(kiosk.getByRole('heading', { level: 1, name: 'Furniture' })).toBeVisible();
	await kiosk.getByRole('link', { name: 'All in Furniture' }).click();
	await expect(kiosk.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
});

test('switching language shows the interface and product names in Chinese', async ({ kiosk }) => {
	await kiosk.getByRole('button', { name: '简体中文' }).click();
	const search = kiosk.getByRole('searchbox', { name: '搜索商品' });
	await expect(search).toBeVisible();
	await search.fill('椅');
	const first = kiosk.getByRole('list', { name: '搜索结果' }).getByRole('heading').first();
	await expect(first).toHaveText(/[\u4e00-\u9fff]/);
	await expect(kiosk.locator('html')).toHaveAttribute('lang', 'zh-CN');
	const name = (await first.textContent())!.trim();
	await kiosk.getByRole('list', { name: '搜索结果' }).getByRole('link').first().click();
	await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('after the idle timeout a warning counts down, then nothing of the session is left', async ({ kiosk }) => {
	test.setTimeout(90_000);
	await kiosk.getByRole('button', { name: 'Русский' }).click();
	const search = kiosk.getByRole('searchbox', { name: 'Поиск товаров' });
	await search.fill('lamp');
	await expect(kiosk.getByRole('list', { name: 'Результаты' })).toBeVisible();
	// The warning comes, and one touch dismisses it.
	const warning = kiosk.getByRole('alertdialog', { name: 'Вы ещё здесь?' });
	await expect(warning).toBeVisible({ timeout: 30_000 });
	await warning.getByRole('button', { name: 'Я здесь' }).click();
	await expect(warning).toBeHidden();
	await expect(search).toHaveValue('lamp');
	// Unattended this time: the kiosk starts over, in English, with nothing left.
	await expect(kiosk.getByRole('link', { name: 'Touch to start' })).toBeVisible({ timeout: 40_000 });
	await expect(kiosk).toHaveURL(/\/$/);
	await kiosk.getByRole('link', { name: 'Touch to start' }).click();
	await expect(kiosk.getByRole('searchbox', { name: 'Search products' })).toHaveValue('');
});

test('when the server cannot be reached the kiosk says so calmly and recovers', async ({ kiosk, context }) => {
	await context.setOffline(true);
	await expect(kiosk.getByRole('alert').filter({ hasText: 'Back in a moment' })).toBeVisible({ timeout: 10_000 });
	await context.setOffline(false);
	await expect(kiosk.getByRole('alert').filter({ hasText: 'Back in a moment' })).toBeHidden({ timeout: 15_000 });
});

test('a link to another site does not take the kiosk away', async ({ kiosk }) => {
	await kiosk.evaluate(() => {
		const a = document.createElement('a');
		a.href = 'https://example.com/';
		a.textContent = 'Elsewhere';
		document.querySelector('main')!.prepend(a);
	});
	await kiosk.getByRole('link', { name: 'Elsewhere' }).click();
	await expect(kiosk.getByRole('status').filter({ hasText: 'not on this screen' })).toBeVisible();
	await expect(kiosk).toHaveURL(/\/search/);
});
