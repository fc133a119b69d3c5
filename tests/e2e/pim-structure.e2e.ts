import { expect, expectAccessible, setupLink, signIn, test } from './fixtures.ts';

// Codes made here are unique per run, so a retry does not trip over the first attempt's data.
const suffix = Date.now().toString(36);

test('a merchandiser creates a select attribute with two options', async ({ page }) => {
	await signIn(page, 'merchandiser');
	await page.goto('/pim/structure');
	await page.getByRole('link', { name: 'Attributes', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Attributes' })).toBeVisible();

	const code = `finish_${suffix}`;
	const form = page.getByRole('form', { name: 'New attribute' });
	await form.getByRole('textbox', { name: 'Code', exact: true }).fill(code);
	await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Simple select' });
	await form.getByRole('textbox', { name: 'English (en)' }).fill('Finish');
	await form.getByRole('textbox', { name: '简体中文 (zh-CN)' }).fill('表面处理');
	await form.getByRole('button', { name: 'Add option' }).click();
	await form.getByRole('button', { name: 'Add option' }).click();
	await form.getByRole('textbox', { name: 'Option 1 code' }).fill('matte');
	await form.getByRole('textbox', { name: 'Option 1 label (en)' }).fill('Matte');
	await form.getByRole('textbox', { name: 'Option 2 code' }).fill('gloss');
	await form.getByRole('textbox', { name: 'Option 2 label (en)' }).fill('Gloss');
	await expectAccessible(page);
	await form.getByRole('button', { name: 'Create attribute' }).click();
	await expect(form.getByRole('status')).toHaveText(`Created attribute ${code}.`);

	await page.getByRole('link', { name: code, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Attribute ${code}` })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Option 1 code' })).toHaveValue('matte');
	await expect(page.getByRole('textbox', { name: 'Option 2 label (en)' })).toHaveValue('Gloss');
	// Codes are fixed once saved; labels stay editable.
	await expect(page.getByRole('textbox', { name: 'Option 2 code' })).not.toBeEditable();
	await expectAccessible(page);
});

test('a duplicate attribute code is refused next to the Code field', async ({ page }) => {
	await signIn(page, 'merchandiser');
	await page.goto('/pim/structure/attributes');
	const form = page.getByRole('form', { name: 'New attribute' });
	await form.getByRole('textbox', { name: 'Code', exact: true }).fill('name');
	await form.getByRole('textbox', { name: 'English (en)' }).fill('Another name');
	await form.getByRole('button', { name: 'Create attribute' }).click();

	const codeField = form.getByRole('textbox', { name: 'Code', exact: true });
	await expect(codeField).toHaveAttribute('aria-invalid', 'true');
	await expect(codeField).toHaveAccessibleDescription(/name is taken by another attribute/);
	await expect(form.getByRole('alert')).toBeVisible();
	// What was typed stays, so it can be corrected.
	await expect(form.getByRole('textbox', { name: 'English (en)' })).toHaveValue('Another name');
	await expectAccessible(page);
});

test('a category’s new Chinese label shows on the kiosk', async ({ page, browser }) => {
	await signIn(page, 'merchandiser');
	await page.goto('/pim/structure/categories');
	await page.getByRole('list', { name: 'Categories' }).getByRole('link', { name: 'Lighting', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Lighting/ })).toBeVisible();

	const labels = page.getByRole('form', { name: 'Labels' });
	const zh = labels.getByRole('textbox', { name: '简体中文 (zh-CN)' });
	await expect(zh).toHaveValue('灯具');
	await zh.fill('照明灯饰');
	await labels.getByRole('button', { name: 'Save labels' }).click();
	await expect(labels.getByRole('status')).toContainText(/Labels saved\. Updated [\d,]+ products/);
	await expect(zh).toHaveValue('照明灯饰');
	await expectAccessible(page);

	// A kiosk is another screen: its own browser context, linked to the Seattle store.
	const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
	try {
		const kiosk = await context.newPage();
		await kiosk.goto(setupLink('SEA1'));
		await kiosk.getByRole('button', { name: /Link this screen to/ }).click();
		await kiosk.getByRole('link', { name: 'Touch to start' }).click();
		await kiosk.getByRole('button', { name: '简体中文' }).click();
		await expect(kiosk.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(async () => {
			await kiosk.goto('/c');
			await expect(kiosk.getByRole('link', { name: /照明灯饰/ })).toBeVisible({ timeout: 1000 });
		}).toPass({ timeout: 10_000 });
		await expect(kiosk.getByRole('link', { name: /^灯具/ })).toHaveCount(0);
	} finally {
		await context.close();
	}
});
