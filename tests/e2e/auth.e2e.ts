import { DEMO_SIGN_INS, expect, expectAccessible, signIn, test } from './fixtures.ts';

test('a shopper at a kiosk reaches no staff page', async ({ kiosk: page, request }) => {
	for (const path of ['/pim', '/pim/products', '/admin/users', '/associate']) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/signin\?next=/);
		await expect(page.getByRole('heading', { name: 'Sign in to Aisle' })).toBeVisible();
	}
	// Not through a form post or a JSON request either.
	const post = await request.post('/admin/users?/create', { form: { email: 'x@y.co' }, headers: { origin: 'http://127.0.0.1:4173' } });
	expect(post.status()).toBe(401);
	const media = await request.post('/pim/media', { multipart: { kind: 'image', file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } }, headers: { origin: 'http://127.0.0.1:4173' } });
	expect(media.status()).toBe(401);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
	await page.goto('/signin');
	await page.getByRole('textbox', { name: 'E-mail' }).fill(DEMO_SIGN_INS.merchandiser.email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong e-mail or password');
	await expectAccessible(page);
});

test('a merchandiser signs in to the PIM and out again', async ({ page }) => {
	await signIn(page, 'merchandiser');
	await expect(page).toHaveURL(/\/pim\/products/);
	await expect(page.getByRole('navigation', { name: 'PIM' }).getByRole('link', { name: 'Products' })).toHaveAttribute('aria-current', 'page');
	await page.goto('/admin/users');
	await expect(page.getByText('Your role does not give access to this page.')).toBeVisible();
	await page.goto('/pim/products');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/signin/);
	await page.goto('/pim/products');
	await expect(page).toHaveURL(/\/signin/);
});

test('an associate is refused the PIM', async ({ page }) => {
	await signIn(page, 'associate', '/associate');
	await expect(page.getByRole('heading', { name: 'Kiosks' })).toBeVisible();
	const res = await page.goto('/pim/products');
	expect(res?.status()).toBe(403);
	await expect(page.getByText('Your role does not give access to this page.')).toBeVisible();
});

test('an admin adds a user, who can then sign in, and disables them', async ({ page, browser }) => {
	const email = `lena-${Date.now() % 1_000_000}@aisle.demo`;
	await signIn(page, 'admin', '/admin/users');
	await page.getByRole('textbox', { name: 'E-mail' }).fill('not an e-mail');
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByText('Not an e-mail address')).toBeVisible();
	await expect(page.getByLabel('Initial password')).toHaveAttribute('aria-invalid', 'true');
	await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
	await page.getByRole('textbox', { name: 'Name' }).fill('Lena Translator');
	await page.getByLabel('Role').selectOption('merchandiser');
	await page.getByLabel('Initial password').fill('lena-first-password');
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('status').filter({ hasText: `Added ${email}` })).toBeVisible();
	await expectAccessible(page);

	const other = await browser.newContext();
	const lena = await other.newPage();
	await lena.goto('/signin');
	await lena.getByRole('textbox', { name: 'E-mail' }).fill(email);
	await lena.getByLabel('Password').fill('lena-first-password');
	await lena.getByRole('button', { name: 'Sign in' }).click();
	await expect(lena).toHaveURL(/\/pim/);

	await page.getByRole('button', { name: `Disable ${email}` }).click();
	await expect(page.getByRole('button', { name: `Enable ${email}` })).toBeVisible();
	// Her open session ended with the account.
	await lena.goto('/pim/products');
	await expect(lena).toHaveURL(/\/signin/);
	await other.close();
});
