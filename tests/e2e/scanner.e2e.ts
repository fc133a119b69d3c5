// The kiosk's scanner against Chromium's fake camera. Each code image has its own Playwright
// project (the camera file is fixed per browser launch); a test runs in the project its tag names.
import { expect, expectAccessible, test } from './fixtures.ts';
import { SAMPLES } from './camera.ts';

for (const name of ['scan-product-link', 'scan-gs1', 'scan-ean13'] as const) {
	const { opens } = SAMPLES[name];
	test(`@${name} opens ${opens.code} with ${opens.sku} chosen within 2 seconds`, async ({ kiosk }) => {
		await kiosk.getByRole('button', { name: 'Scan a barcode' }).click();
		await expect(kiosk.getByRole('dialog', { name: 'Scan a barcode or QR code' })).toBeVisible();
		await expect(kiosk).toHaveURL(new RegExp(`/p/${opens.code}\\?v=${opens.sku}$`), { timeout: 2_000 });
		await expect(kiosk.getByRole('heading', { level: 1, name: new RegExp(opens.name) })).toBeVisible();
		// The scanner closed, and with it the camera.
		await expect(kiosk.getByRole('dialog')).toHaveCount(0);
		await expect(kiosk.getByTestId('scanner-video')).toHaveCount(0);
	});
}

test('@scan-unknown a code that is not ours gets a friendly message and stays put', async ({ kiosk }) => {
	const before = kiosk.url();
	await kiosk.getByRole('button', { name: 'Scan a barcode' }).click();
	const dialog = kiosk.getByRole('dialog', { name: 'Scan a barcode or QR code' });
	await expect(dialog.getByRole('status')).toHaveText(/isn't one of our products/, { timeout: 2_000 });
	await expect(dialog.getByText('Point the camera at a barcode or QR code')).toBeVisible();
	expect(kiosk.url()).toBe(before);
	await expectAccessible(kiosk);
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(kiosk.getByRole('dialog')).toHaveCount(0);
	// The camera is released once the scanner closes.
	await expect.poll(() => kiosk.evaluate(() => document.querySelectorAll('video').length)).toBe(0);
	expect(kiosk.url()).toBe(before);
});

test('with no camera the scanner says so and offers the search box', async ({ kiosk }) => {
	await kiosk.getByRole('button', { name: 'Scan a barcode' }).click();
	const dialog = kiosk.getByRole('dialog', { name: 'Scan a barcode or QR code' });
	await expect(dialog.getByRole('alert')).toHaveText(/camera/);
	await expectAccessible(kiosk);
	await dialog.getByRole('button', { name: 'Search instead' }).click();
	await expect(kiosk.getByRole('dialog')).toHaveCount(0);
	await expect(kiosk.getByRole('searchbox', { name: 'Search products' })).toBeFocused();
});
