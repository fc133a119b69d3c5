// An associate signs in on a Seattle kiosk with a PIN, builds and places an order with a
// shopper (assisted mode), and the idle reset signs them out.
import { expect, expectAccessible, signIn, test } from './fixtures.ts';
import { placeDeliveryOrder } from './kiosk-orders.ts';

test('an associate assists on a kiosk with a PIN, and the idle reset signs them out', async ({ kiosk, browser, request }) => {
	// The associate sets a kiosk PIN in the console, on their own device.
	const desk = await browser.newContext();
	const own = await desk.newPage();
	await signIn(own, 'associate', '/associate/profile');
	await own.goto('/associate/profile');
	await own.getByLabel('New PIN (4 to 8 digits)').fill('12');
	await own.getByLabel('New PIN again').fill('12');
	await own.getByRole('button', { name: 'Save PIN' }).click();
	await expect(own.getByText('Use 4 to 8 digits')).toBeVisible();
	await own.getByLabel('New PIN (4 to 8 digits)').fill('4821');
	await own.getByLabel('New PIN again').fill('4821');
	await own.getByRole('button', { name: 'Save PIN' }).click();
	await expect(own.getByText('Your PIN is saved.')).toBeVisible();
	await own.getByRole('button', { name: 'Issue my badge' }).click();
	await expect(own.getByRole('img', { name: 'Badge QR code' })).toBeVisible();
	await expectAccessible(own);
	await desk.close();

	// On the kiosk: Staff, then the name, then the PIN on the pad; a wrong PIN first.
	await kiosk.getByRole('link', { name: 'Staff' }).click();
	await kiosk.getByRole('button', { name: 'Sam Associate' }).click();
	const pad = kiosk.getByRole('group', { name: 'PIN pad' });
	for (const d of '1111') await pad.getByRole('button', { name: d, exact: true }).click();
	await pad.getByRole('button', { name: 'OK' }).click();
	await expect(kiosk.getByRole('alert')).toHaveText('That PIN is not right. Please try again.');
	await expectAccessible(kiosk);
	for (const d of '4821') await pad.getByRole('button', { name: d, exact: true }).click();
	await pad.getByRole('button', { name: 'OK' }).click();
	await expect(kiosk.getByText('Assisting: Sam Associate')).toBeVisible();
	await expect(kiosk.getByRole('link', { name: 'Staff' })).toBeHidden();
	await expectAccessible(kiosk);

	// The order placed with the shopper is the associate's.
	const { code } = await placeDeliveryOrder(kiosk, browser, request);
	await kiosk.getByRole('link', { name: 'Associate console' }).click();
	await expect(kiosk).toHaveURL(/\/associate\/orders/);
	await kiosk.goto(`/associate/orders/${encodeURIComponent(code)}`);
	await expect(kiosk.getByText(/· associate by Sam Associate ·/)).toBeVisible();

	// What the idle timer does: the server forgets the associate, and the screen with them.
	const reset = await kiosk.request.post('/api/kiosk/reset');
	expect(reset.ok()).toBe(true);
	await kiosk.goto('/');
	await expect(kiosk.getByText('Assisting: Sam Associate')).toBeHidden();
	await expect(kiosk.getByRole('link', { name: 'Staff' })).toBeVisible();
	await kiosk.goto('/associate');
	await expect(kiosk).toHaveURL(/\/signin/);
});

test('a badge code of nobody in this store does not sign in', async ({ kiosk }) => {
	await kiosk.goto('/staff/badge?t=not-a-real-badge');
	await expect(kiosk.getByRole('alert')).toHaveText('This badge cannot sign in on this screen.');
	await kiosk.goto('/staff');
	await kiosk.getByRole('button', { name: 'Use my badge' }).click();
	await kiosk.getByRole('textbox', { name: 'Badge code' }).fill('still-not-a-badge');
	await kiosk.getByRole('button', { name: 'Sign in' }).click();
	await expect(kiosk.getByRole('alert')).toHaveText('This badge cannot sign in on this screen.');
	await expectAccessible(kiosk);
});
