import { expect, expectAccessible, setupLink, test } from './fixtures.ts';

interface Hit {
	code: string;
	name: string;
}

/** A demo product with a long word in its name, read from the API the kiosk uses. */
async function someProduct(request: import('@playwright/test').APIRequestContext, q = 'chair'): Promise<Hit & { word: string }> {
	const res = await request.get(`/api/search?q=${q}&per_page=20`);
	expect(res.ok()).toBe(true);
	const body = (await res.json()) as { hits: Hit[] };
	for (const hit of body.hits) {
		const word = hit.name.split(/[\s,]+/).find((w) => /^[A-Za-z]{6,}$/.test(w));
		if (word) return { ...hit, word };
	}
	throw new Error('no demo product with a long word');
}

test('a shopper types a product name and sees that product', async ({ kiosk, request }) => {
	const product = await someProduct(request);
	const search = kiosk.getByRole('searchbox', { name: 'Search products' });
	await search.fill(product.name);
	const results = kiosk.getByRole('list', { name: 'Results' });
	await expect(results.getByRole('heading', { name: product.name }).first()).toBeVisible();
	await expect(kiosk.getByRole('status').filter({ hasText: /results? for/ })).toContainText(product.name);
	await expectAccessible(kiosk);
});

test('a misspelled word still finds the product', async ({ kiosk, request }) => {
	const product = await someProduct(request);
	// Swap two inner letters of the long word: one typo.
	const w = product.word;
	const typo = `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`;
	const query = product.name.replace(w, typo);
	expect(query).not.toBe(product.name);
	await kiosk.getByRole('searchbox', { name: 'Search products' }).fill(query);
	await expect(kiosk.getByRole('list', { name: 'Results' }).getByRole('heading', { name: product.name }).first()).toBeVisible();
});

test('results say whether each product is on this store’s shelf', async ({ kiosk }) => {
	await kiosk.getByRole('searchbox', { name: 'Search products' }).fill('chair');
	const results = kiosk.getByRole('list', { name: 'Results' });
	await expect(results.getByRole('listitem').first()).toBeVisible();
	await expect(results.getByText(/In stock here|Not on the shelf|Out of stock/).first()).toBeVisible();
	await expect(kiosk.getByRole('banner')).toContainText('Aisle Seattle Downtown');
});

test('nothing found is said kindly, never a blank page', async ({ kiosk }) => {
	await kiosk.getByRole('searchbox', { name: 'Search products' }).fill('qqqqzzzzxxxx');
	await expect(kiosk.getByRole('heading', { name: /Nothing found/ })).toBeVisible();
	await expectAccessible(kiosk);
});

test('a setup link with a wrong token binds nothing', async ({ page }) => {
	await page.goto(setupLink('SEA1').replace(/token=.{4}/, 'token=XXXX'));
	await expect(page.getByRole('alert')).toContainText('not valid');
	await expect(page.getByRole('button', { name: /Link this screen/ })).toHaveCount(0);
});

test('the search API explains a bad parameter with a 400', async ({ request }) => {
	const res = await request.get('/api/search?q=chair&sort=cheapest&page=0');
	expect(res.status()).toBe(400);
	const body = await res.json();
	expect(body.error).toMatch(/sort/);
	expect(body.issues.map((i: { parameter: string }) => i.parameter)).toEqual(expect.arrayContaining(['sort', 'page']));
	const unknown = await request.get('/api/search?q=chair&colour=red&hack=1');
	expect(unknown.status()).toBe(400);
	expect((await unknown.json()).error).toMatch(/hack/);
});

test('a shopper types on the on-screen keyboard and results follow each key', async ({ kiosk }) => {
	const search = kiosk.getByRole('searchbox', { name: 'Search products' });
	await search.click();
	const keyboard = kiosk.getByRole('group', { name: 'On-screen keyboard' });
	await expect(keyboard).toBeVisible();
	for (const key of ['l', 'a', 'm', 'p']) await keyboard.getByRole('button', { name: key, exact: true }).click();
	await expect(search).toHaveValue('lamp');
	await expect(search).toBeFocused();
	await expect(kiosk.getByRole('status').filter({ hasText: /results? for/ })).toContainText('lamp');
	await expect(kiosk.getByRole('list', { name: 'Results' }).getByRole('heading').first()).toContainText(/lamp/i);
	await keyboard.getByRole('button', { name: 'Backspace' }).click();
	await expect(search).toHaveValue('lam');
	await keyboard.getByRole('button', { name: 'Русский' }).click();
	await keyboard.getByRole('button', { name: 'п', exact: true }).click();
	await expect(search).toHaveValue('lamп');
	await keyboard.getByRole('button', { name: 'Hide keyboard' }).click();
	await expect(keyboard).toBeHidden();
	await expectAccessible(kiosk);
});
