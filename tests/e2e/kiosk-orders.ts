// Shared steps of the endless-aisle tests: a product the Seattle shelf lacks, and typing on
// the kiosk's on-screen keyboard.
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { expect, signIn } from './fixtures.ts';

/** A demo chair from the API the kiosk uses. */
export async function someChair(request: APIRequestContext): Promise<{ code: string; name: string }> {
	const res = await request.get('/api/search?q=chair&per_page=10');
	expect(res.ok()).toBe(true);
	const { hits } = (await res.json()) as { hits: { code: string; name: string }[] };
	expect(hits.length, 'the demo catalog has chairs').toBeGreaterThan(0);
	return hits[0];
}

/**
 * Makes the product's first SKU out of stock on the Seattle shelf and well stocked in the
 * warehouse, the way a merchandiser does it in the PIM editor; returns the SKU.
 */
export async function emptySeattleShelf(browser: Browser, code: string): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'merchandiser', `/pim/products/${code}`);
	await page.goto(`/pim/products/${code}`);
	const cell = page.getByRole('button', { name: /on hand at SEA1 for .+, change$/ }).first();
	const sku = /for (.+), change$/.exec((await cell.getAttribute('aria-label')) ?? '')?.[1];
	expect(sku, 'a SKU with a Seattle stock cell').toBeTruthy();
	const setStock = async (location: string, units: string) => {
		await page.getByRole('button', { name: new RegExp(`on hand at ${location} for ${sku}, change$`) }).click();
		await page.getByRole('spinbutton', { name: `On hand at ${location} for ${sku}` }).fill(units);
		await page.getByRole('button', { name: 'Set' }).click();
		await expect(page.getByRole('button', { name: `${units} on hand at ${location} for ${sku}, change` })).toBeVisible();
	};
	await setStock('SEA1', '0');
	await setStock('WH-RNO', '50');
	await context.close();
	return sku!;
}

/** Types on the kiosk's on-screen keyboard, one tap per key. */
export async function tapKeys(page: Page, field: Locator, text: string) {
	await field.click();
	const keyboard = page.getByRole('group', { name: 'On-screen keyboard' });
	await expect(keyboard).toBeVisible();
	for (const ch of text) await keyboard.getByRole('button', { name: ch === ' ' ? 'Space' : ch, exact: true }).click();
}

export async function hideKeyboard(page: Page) {
	const keyboard = page.getByRole('group', { name: 'On-screen keyboard' });
	if (await keyboard.isVisible()) await keyboard.getByRole('button', { name: 'Hide keyboard' }).click();
	await expect(keyboard).toBeHidden();
}

/**
 * Orders a product the Seattle shelf lacks for home delivery, as a shopper does on the
 * kiosk; returns the order code and the phone status path.
 */
export async function placeDeliveryOrder(kiosk: Page, browser: Browser, request: APIRequestContext): Promise<{ code: string; statusPath: string; sku: string }> {
	const chair = await someChair(request);
	const sku = await emptySeattleShelf(browser, chair.code);
	await kiosk.goto(`/p/${chair.code}?v=${encodeURIComponent(sku)}`);
	await kiosk.getByRole('button', { name: 'Add to cart' }).click();
	await expect(kiosk.getByText('Added to your cart.')).toBeVisible();
	await kiosk.getByRole('link', { name: /^Cart, \d+ items?$/ }).click();
	await kiosk.getByRole('link', { name: 'Checkout' }).click();
	await kiosk.getByRole('textbox', { name: 'Name', exact: true }).fill('Robin Customer');
	await kiosk.getByRole('textbox', { name: 'E-mail' }).fill('robin@example.com');
	await kiosk.getByRole('radio', { name: 'Home delivery' }).check();
	await kiosk.getByRole('textbox', { name: 'Street and number' }).fill('1 Pine St');
	await kiosk.getByRole('textbox', { name: 'City' }).fill('Seattle');
	await kiosk.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'United States' });
	await kiosk.getByRole('textbox', { name: 'Postal code' }).fill('98101');
	await hideKeyboard(kiosk);
	await kiosk.getByRole('button', { name: 'Place order' }).click();
	await expect(kiosk).toHaveURL(/\/order\/SEA1-[A-Z0-9]+\?t=/);
	const url = new URL(kiosk.url());
	return { code: decodeURIComponent(url.pathname.split('/').pop()!), statusPath: `/m/o/${url.searchParams.get('t')}`, sku };
}
