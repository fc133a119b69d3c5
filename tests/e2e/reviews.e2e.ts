// Shoppers write reviews on the kiosk and on the phone page; a merchandiser moderates them
// in /pim/reviews; only approved reviews are shown and counted, on the page and in search.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';

interface Hit {
	code: string;
	name: string;
	reviewCount: number;
}

/** A demo lamp, read from the API the kiosk uses. */
async function someLamp(request: APIRequestContext, index: number): Promise<Hit> {
	const res = await request.get('/api/search?q=lamp&per_page=20');
	expect(res.ok()).toBe(true);
	const { hits } = (await res.json()) as { hits: Hit[] };
	expect(hits.length, 'the demo catalog has lamps').toBeGreaterThan(index);
	return hits[index];
}

/** The product's review count as search reports it. */
async function searchedCount(request: APIRequestContext, product: Hit): Promise<number | undefined> {
	const res = await request.get(`/api/search?q=${encodeURIComponent(product.name)}&per_page=20`);
	const { hits } = (await res.json()) as { hits: Hit[] };
	return hits.find((h) => h.code === product.code)?.reviewCount;
}

/** The review count the product page shows ("12 reviews", "1 review", "No reviews yet"). */
async function shownCount(page: Page): Promise<number> {
	const text = await page.getByRole('region', { name: 'Reviews' }).getByText(/^(\d+ reviews?|No reviews yet)$/).textContent();
	return Number(/\d+/.exec(text ?? '')?.[0] ?? 0);
}

/** Puts the on-screen keyboard away (if it is up), so it covers no buttons. */
async function hideKeyboard(page: Page) {
	const keyboard = page.getByRole('group', { name: 'On-screen keyboard' });
	if (await keyboard.isVisible()) await keyboard.getByRole('button', { name: 'Hide keyboard' }).click();
	await expect(keyboard).toBeHidden();
}

/** Letters only: digits in a row would look like a phone number to the abuse rules. */
const token = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

test('a kiosk review, once approved, counts on the product page and in search', async ({ kiosk, browser, baseURL, request }) => {
	const lamp = await someLamp(request, 0);
	const title = `Bright and sturdy ${token()}`;
	await kiosk.goto(`/p/${lamp.code}`);
	const before = await shownCount(kiosk);

	const reviews = kiosk.getByRole('region', { name: 'Reviews' });
	await reviews.getByRole('button', { name: 'Write a review' }).click();
	const form = kiosk.getByRole('form', { name: 'Write a review' });
	await form.getByRole('radio', { name: '4 stars' }).check();
	await expect(form.getByRole('radio', { name: '4 stars' })).toBeChecked();

	// The review's fields bring up the kiosk's on-screen keyboard, as its other fields do.
	const titleField = form.getByRole('textbox', { name: 'Title', exact: true });
	const keyboard = kiosk.getByRole('group', { name: 'On-screen keyboard' });
	await titleField.click();
	await expect(keyboard).toBeVisible();
	for (const key of ['o', 'k']) await keyboard.getByRole('button', { name: key, exact: true }).click();
	await expect(titleField).toHaveValue('ok');
	await titleField.fill(title);

	const body = form.getByRole('textbox', { name: 'Your review' });
	await body.fill('Cheaper at www.example.com, have a look there.');
	await form.getByRole('textbox', { name: 'Nickname' }).fill('Robin');
	await hideKeyboard(kiosk);
	await form.getByRole('button', { name: 'Send review' }).click();

	// Refused, with the reason next to the text, and nothing typed is lost.
	await expect(body).toHaveAttribute('aria-invalid', 'true');
	await expect(body).toHaveAccessibleDescription(/Please leave out links and web addresses\./);
	await expect(titleField).toHaveValue(title);
	await hideKeyboard(kiosk);
	await expectAccessible(kiosk);

	await body.fill('Bright, sturdy and easy to put together. I would buy it again.');
	await hideKeyboard(kiosk);
	await form.getByRole('button', { name: 'Send review' }).click();
	await expect(kiosk.getByRole('status').filter({ hasText: 'Thanks! Your review will appear once it has been checked.' })).toBeVisible();
	await expect(form).toBeHidden();
	// Pending: not shown, not counted.
	await kiosk.goto(`/p/${lamp.code}`);
	expect(await shownCount(kiosk)).toBe(before);
	await expect(reviews.getByRole('heading', { name: title })).toHaveCount(0);

	const staff = await browser.newContext({ baseURL });
	const pim = await staff.newPage();
	await signIn(pim, 'merchandiser', `/pim/reviews?product=${encodeURIComponent(lamp.code)}`);
	await expect(pim.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
	const row = pim.getByRole('row').filter({ hasText: title });
	await expect(row).toContainText('Kiosk');
	await expect(row).toContainText('Robin');
	await expectAccessible(pim);
	await row.getByRole('button', { name: /^Approve/ }).click();
	await expect(pim.getByRole('status').filter({ hasText: 'Approved 1 review' })).toBeVisible();
	await expect(row).toHaveCount(0);
	await staff.close();

	await kiosk.goto(`/p/${lamp.code}`);
	expect(await shownCount(kiosk)).toBe(before + 1);
	await expect(reviews.getByRole('heading', { name: title })).toBeVisible();
	// Search learns of it through the outbox within a few seconds.
	await expect.poll(() => searchedCount(request, lamp), { timeout: 15_000 }).toBe(before + 1);
});

test('a phone review needs a kind fix, then a merchandiser rejects it with a reason and it never shows', async ({ browser, baseURL, request }) => {
	const lamp = await someLamp(request, 1);
	const title = `Not for me ${token()}`;
	const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	const page = await phone.newPage();
	await page.goto(`/m/p/${lamp.code}`);
	await page.getByRole('button', { name: 'Write a review' }).click();
	const form = page.getByRole('form', { name: 'Write a review' });
	await form.getByRole('radio', { name: '2 stars' }).check();
	await form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
	const body = form.getByRole('textbox', { name: 'Your review' });
	await body.fill('Too dim for reading. Call me on +1 (206) 555-0142 to buy mine.');
	await form.getByRole('textbox', { name: 'Nickname' }).fill('Kim');
	await form.getByRole('button', { name: 'Send review' }).click();
	await expect(body).toHaveAccessibleDescription(/Please leave out e-mail addresses and phone numbers/);
	await expectAccessible(page);
	await body.fill('Too dim for reading, but it looks nice on a shelf.');
	await form.getByRole('button', { name: 'Send review' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Thanks!' })).toBeVisible();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
	await phone.close();

	const staff = await browser.newContext({ baseURL });
	const pim = await staff.newPage();
	await signIn(pim, 'merchandiser', `/pim/reviews?product=${encodeURIComponent(lamp.code)}`);
	const row = pim.getByRole('row').filter({ hasText: title });
	await expect(row).toContainText('Phone or web');
	await row.getByRole('button', { name: /^Reject/ }).click();
	const reject = row.getByRole('form', { name: /^Reject/ });
	await reject.getByRole('button', { name: 'Reject', exact: true }).click();
	await expect(reject.getByRole('combobox', { name: 'Reason' })).toHaveAccessibleDescription('Choose a reason');
	await expectAccessible(pim);
	await reject.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Not about this product' });
	await reject.getByRole('button', { name: 'Reject', exact: true }).click();
	await expect(pim.getByRole('status').filter({ hasText: 'Review rejected.' })).toBeVisible();
	await expect(row).toHaveCount(0);

	await pim.getByRole('combobox', { name: 'Status' }).selectOption('rejected');
	await pim.getByRole('button', { name: 'Show' }).click();
	await expect(pim.getByRole('row').filter({ hasText: title })).toContainText('Not about this product');
	await staff.close();

	const shopper = await browser.newContext({ baseURL });
	const product = await shopper.newPage();
	await product.goto(`/p/${lamp.code}`);
	await expect(product.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(product.getByRole('heading', { name: title })).toHaveCount(0);
	await shopper.close();
});
