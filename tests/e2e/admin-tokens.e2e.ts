import { expect, expectAccessible, signIn, test } from './fixtures.ts';

test('an admin creates an API token, sees its secret once, and revokes it', async ({ page, request }) => {
	const name = `Web shop ${Date.now() % 1_000_000}`;
	await signIn(page, 'admin', '/admin/tokens');
	await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();

	// Nothing filled in: the form says what is missing, field by field.
	await page.getByRole('button', { name: 'Create token' }).click();
	await expect(page.getByText('Give the token a name, e.g. the system that will use it')).toBeVisible();
	await expect(page.getByText('Choose at least one scope')).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');

	await page.getByRole('textbox', { name: 'Name' }).fill(name);
	await page.getByRole('checkbox', { name: /catalog:read/ }).check();
	await page.getByRole('button', { name: 'Create token' }).click();
	await expect(page.getByRole('heading', { name: `Token “${name}” created` })).toBeVisible();
	await expect(page.getByText('it is shown only this once')).toBeVisible();
	const secret = await page.getByRole('textbox', { name: 'Secret' }).inputValue();
	expect(secret).toMatch(/^aisle_[\w-]{43}$/);
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row).toContainText('catalog:read');
	await expect(row).toContainText(secret.slice(0, 12));
	await expect(row.getByText('active', { exact: true })).toBeVisible();
	await expectAccessible(page);

	// Shown once: after a reload the token is listed, its secret is not.
	await page.reload();
	await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Secret' })).toHaveCount(0);

	// The token reads the catalog, and nothing else.
	const headers = { authorization: `Bearer ${secret}` };
	const products = await request.get('/api/v1/products?limit=2', { headers });
	expect(products.status()).toBe(200);
	expect(products.headers()['etag']).toBeTruthy();
	const page1 = await products.json();
	expect(page1.data).toHaveLength(2);
	expect(page1.next).toContain('/api/v1/products?');
	const stock = await request.post('/api/v1/stock', { headers, data: { updates: [{ location: 'WH', sku: page1.data[0].variants[0].sku, adjust: 1, seq: 1 }] } });
	expect(stock.status()).toBe(403);
	expect((await stock.json()).error.code).toBe('forbidden');
	// The API document is public.
	const doc = await request.get('/api/v1/openapi.json');
	expect(doc.status()).toBe(200);
	expect((await doc.json()).openapi).toBe('3.1.0');

	await page.getByRole('button', { name: `Revoke ${name}` }).click();
	await page.getByRole('button', { name: 'Yes, revoke' }).click();
	await expect(page.getByRole('status').filter({ hasText: `Revoked ${name}.` })).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: name }).getByText('revoked', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

	const refused = await request.get('/api/v1/products', { headers });
	expect(refused.status()).toBe(401);
	expect((await refused.json()).error).toEqual({ code: 'unauthorized', message: 'This API token was revoked. Ask an admin for a new one.' });
});

test('no one but an admin reaches the tokens page', async ({ page, request }) => {
	await signIn(page, 'merchandiser');
	const res = await page.goto('/admin/tokens');
	expect(res?.status()).toBe(403);
	const post = await request.post('/admin/tokens?/create', { form: { name: 'x', scopes: 'orders:write' }, headers: { origin: 'http://127.0.0.1:4173' } });
	expect(post.status()).toBe(401);
});
