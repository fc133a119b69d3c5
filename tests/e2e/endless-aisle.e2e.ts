import { expect, expectAccessible, test } from './fixtures.ts';
import { emptySeattleShelf, hideKeyboard, someChair, tapKeys } from './kiosk-orders.ts';

test('a shopper orders what the shelf lacks for delivery, gets a number and QR, and follows it on the phone', async ({ kiosk, browser, request }) => {
	test.setTimeout(120_000);
	const chair = await someChair(request);
	const sku = await emptySeattleShelf(browser, chair.code);

	await kiosk.goto(`/p/${chair.code}?v=${encodeURIComponent(sku)}`);
	await expect(kiosk.getByRole('region', { name: 'Availability' }).getByRole('status')).toContainText('Not on the shelf in this store');
	await kiosk.getByRole('button', { name: 'Add to cart' }).click();
	await expect(kiosk.getByText('Added to your cart.')).toBeVisible();
	await kiosk.getByRole('link', { name: 'Cart, 1 item' }).click();

	// The cart: where the line comes from, a stepper, and the way to checkout.
	await expect(kiosk.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
	const line = kiosk.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem').first();
	await expect(line).toContainText(/Delivered by/);
	await line.getByRole('button', { name: /^Increase quantity of / }).click();
	await expect(kiosk.getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();
	await line.getByRole('button', { name: /^Decrease quantity of / }).click();
	await expect(kiosk.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
	await expectAccessible(kiosk);
	await kiosk.getByRole('link', { name: 'Checkout' }).click();

	// Checkout: every field comes with the on-screen keyboard.
	await expect(kiosk.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
	await kiosk.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada Lovelace');
	await kiosk.getByRole('textbox', { name: 'E-mail' }).fill('ada@example.com');
	await kiosk.getByRole('radio', { name: 'Home delivery' }).check();
	const line1 = kiosk.getByRole('textbox', { name: 'Street and number' });
	await tapKeys(kiosk, line1, '1 pike st');
	await expect(line1).toHaveValue('1 pike st');
	await kiosk.getByRole('textbox', { name: 'City' }).fill('Seattle');
	await kiosk.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'United States' });
	const postal = kiosk.getByRole('textbox', { name: 'Postal code' });
	await tapKeys(kiosk, postal, '9810');
	await expect(kiosk.getByRole('region', { name: 'Delivery options' })).toContainText(/From .+Estimated/s);
	await expect(kiosk.getByRole('region', { name: 'Order summary' })).toContainText(/Tax/);
	await expect(kiosk.getByText(/We use your details only for this order/)).toBeVisible();
	await expectAccessible(kiosk);
	await hideKeyboard(kiosk);
	await kiosk.getByRole('button', { name: 'Place order' }).click();

	// Refused on the server, with the reason next to the field and nothing typed lost.
	await expect(postal).toHaveAttribute('aria-invalid', 'true');
	await expect(postal).toHaveAccessibleDescription(/like 98101/);
	await expect(line1).toHaveValue('1 pike st');
	await tapKeys(kiosk, postal, '1');
	await expect(postal).toHaveValue('98101');
	await hideKeyboard(kiosk);
	await kiosk.getByRole('button', { name: 'Place order' }).click();

	// The confirmation: a number to show at the counter and a QR for the phone.
	await expect(kiosk.getByRole('heading', { level: 1, name: 'Thank you! Your order is placed.' })).toBeVisible();
	await expect(kiosk).toHaveURL(/\/order\/SEA1-[A-Z0-9]+\?t=/);
	const url = new URL(kiosk.url());
	const code = decodeURIComponent(url.pathname.split('/').pop()!);
	await expect(kiosk.getByText(code, { exact: true })).toBeVisible();
	await expect(kiosk.getByRole('img', { name: 'QR code that opens your order’s status on your phone' })).toBeVisible();
	await expect(kiosk.getByText('Pay at the counter: show this number.')).toBeVisible();
	await expect(kiosk.getByText('Ada Lovelace')).toHaveCount(0);
	await expect(kiosk.getByRole('link', { name: 'Cart, 0 items' })).toBeVisible();
	await expectAccessible(kiosk);

	// The QR's link on the shopper's phone: the order and its first step.
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const mobile = await phone.newPage();
	await mobile.goto(`/m/o/${url.searchParams.get('t')}`);
	await expect(mobile.getByRole('heading', { level: 1, name: `Order ${code}` })).toBeVisible();
	await expect(mobile.getByRole('status')).toHaveText('Status: Placed');
	await expect(mobile.getByRole('region', { name: 'Timeline' })).toContainText('Placed');
	await expectAccessible(mobile);
	expect((await mobile.request.get(`/m/o/not-a-real-token`)).status()).toBe(404);
	await phone.close();

	// Done starts over, and nothing of the order is left on the screen.
	await kiosk.getByRole('button', { name: 'Done' }).click();
	await expect(kiosk.getByRole('link', { name: 'Touch to start' })).toBeVisible();
});
