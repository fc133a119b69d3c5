import { expect, expectAccessible, test } from './fixtures.ts';
import { emptySeattleShelf, someChair } from './kiosk-orders.ts';

/** A product name as a literal in a RegExp. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a shopper carries the kiosk cart to the phone with a single-use QR code', async ({ kiosk, browser, request }) => {
	test.setTimeout(120_000);
	const chair = await someChair(request);
	const sku = await emptySeattleShelf(browser, chair.code);

	await kiosk.goto(`/p/${chair.code}?v=${encodeURIComponent(sku)}`);
	await kiosk.getByRole('button', { name: 'Add to cart' }).click();
	await expect(kiosk.getByText('Added to your cart.')).toBeVisible();
	await kiosk.getByRole('link', { name: /^Cart, \d+ items?$/ }).click();
	const panel = kiosk.getByRole('region', { name: 'Continue on your phone' });
	await expect(panel.getByRole('img', { name: 'QR code that opens this cart on your phone' })).toBeVisible();
	await expectAccessible(kiosk);
	// What the QR code holds is also on the element around it (a test cannot point a camera).
	const link = await kiosk.locator('[data-handoff-url]').getAttribute('data-handoff-url');
	expect(link).toMatch(/\/m\/cart\/[A-Za-z0-9_-]{43}$/);
	const path = new URL(link!).pathname;

	const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const mobile = await phone.newPage();
	await mobile.goto(path);
	await expect(mobile).toHaveURL(/\/m\/cart$/);
	await expect(mobile.getByRole('heading', { level: 1, name: 'Your list' })).toBeVisible();
	const item = mobile.getByRole('link', { name: chair.name });
	await expect(item).toBeVisible();
	await expect(item).toHaveAttribute('href', `/m/p/${chair.code}?v=${encodeURIComponent(sku)}`);
	await expect(mobile.getByRole('button', { name: 'Save this list' })).toBeVisible();
	await expectAccessible(mobile);

	// The phone's cart is its own: changing it leaves the kiosk's alone.
	await mobile.getByRole('button', { name: new RegExp(`^Increase quantity of ${literal(chair.name)}`) }).click();
	await expect(mobile.getByRole('group', { name: new RegExp(`^Quantity of ${literal(chair.name)}`) }).getByRole('status')).toHaveText('2');
	await kiosk.reload();
	await expect(kiosk.getByRole('link', { name: /^Cart, 1 items?$/ })).toBeVisible();

	// Ordering goes on in the same checkout as the kiosk's.
	await mobile.getByRole('link', { name: 'Order for delivery' }).click();
	await expect(mobile).toHaveURL(/\/m\/checkout$/);
	await expect(mobile.getByRole('button', { name: 'Place order' })).toBeVisible();
	await expectAccessible(mobile);

	// The code is single-use: a second scan (here, another phone) is told so.
	const other = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
	await other.goto(path);
	await expect(other.getByRole('heading', { level: 1, name: 'This code has expired or was already used' })).toBeVisible();
	await expect(other.getByText('Scan it again at the kiosk')).toBeVisible();
	await expectAccessible(other);
	await other.context().close();
	await phone.close();
});
