// The associate console running an endless-aisle order from the counter to a return.
//
// The order is placed on the kiosk the way a shopper does it (kiosk-orders.ts); the phone
// status page (/m/o/<token>) is reached through the order detail's link.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures.ts';
import { placeDeliveryOrder } from './kiosk-orders.ts';

/** SEA1's on-hand count of a SKU on the stock page. */
async function onHandHere(page: Page, sku: string): Promise<number> {
	await page.goto(`/associate/stock?q=${encodeURIComponent(sku)}`);
	const row = page.getByRole('row').filter({ hasText: '(this store)' }).first();
	await expect(row).toBeVisible();
	return Number(await row.getByRole('cell').nth(1).textContent());
}

test('an associate runs a kiosk order from payment to delivery, the phone page follows, and a return restocks the store', async ({ kiosk, browser, request }) => {
	test.setTimeout(120_000);
	const { code } = await placeDeliveryOrder(kiosk, browser, request);
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'associate', '/associate/orders');

	// The queue: the new order is there, found by its code.
	await staff.getByRole('navigation', { name: 'Store' }).getByRole('link', { name: 'Orders' }).click();
	await expect(staff.getByRole('heading', { name: /Orders · SEA1/ })).toBeVisible();
	await staff.getByRole('searchbox', { name: 'Order code or customer' }).fill(code);
	await staff.getByRole('button', { name: 'Show orders' }).click();
	await expect(staff.getByRole('status')).toHaveText(/^1 order/);
	await expectAccessible(staff);
	await staff.getByRole('link', { name: code }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toContainText(code);
	await expectAccessible(staff);

	// Mark paid: the receipt reference is required.
	await staff.getByRole('button', { name: 'Mark paid' }).click();
	await expect(staff.getByRole('textbox', { name: 'POS receipt reference' })).toHaveAttribute('aria-invalid', 'true');
	await staff.getByRole('textbox', { name: 'POS receipt reference' }).fill('POS-4711');
	await staff.getByRole('button', { name: 'Mark paid' }).click();
	await expect(staff.getByRole('status').filter({ hasText: 'Marked paid.' })).toBeVisible();
	const statusPage = (await staff.getByRole('link', { name: 'open the phone link' }).getAttribute('href'))!;
	const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
	await phone.goto(statusPage);
	await expect(phone.getByText(/paid/i).first()).toBeVisible();

	// Allocate, then ship every shipment with a carrier and tracking number.
	await staff.getByRole('button', { name: 'Allocate' }).click();
	await expect(staff.getByRole('status').filter({ hasText: 'Allocated' })).toBeVisible();
	const tracking: string[] = [];
	for (let i = 0; (await staff.getByRole('form', { name: /^Ship from/ }).count()) > 0; i++) {
		const form = staff.getByRole('form', { name: /^Ship from/ }).first();
		await form.getByLabel('Carrier').selectOption('UPS');
		tracking.push(`1Z999AA1012345678${i}`);
		await form.getByRole('textbox', { name: 'Tracking number' }).fill(tracking[i]);
		await form.getByRole('button', { name: 'Ship' }).click();
		await expect(staff.getByText(tracking[i])).toBeVisible();
	}
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Shipped');
	await phone.reload();
	await expect(phone.getByText(/shipped/i).first()).toBeVisible();
	await expect(phone.getByText(tracking[0]).first()).toBeVisible();

	await staff.getByRole('button', { name: 'Mark delivered' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Delivered');
	await expect(staff.getByRole('region', { name: 'History' })).toContainText('delivered');

	// A return of one unit, restocked into Seattle, shows on the stock page.
	const sku = (await staff.getByRole('table', { name: `Lines of order ${code}` }).getByRole('row').nth(1).getByRole('cell').first().textContent())!.trim();
	const detail = staff.url();
	const before = await onHandHere(staff, sku);
	await staff.goto(detail);
	const returnForm = staff.getByRole('form', { name: 'Return' });
	await returnForm.getByRole('spinbutton').first().fill('1');
	await expect(returnForm.getByRole('textbox', { name: /Refund amount/ })).not.toHaveValue(/^0(\.0+)?$/);
	await returnForm.getByRole('textbox', { name: 'Reason for the return' }).fill('Does not fit the room');
	await expect(returnForm.getByRole('checkbox', { name: 'Restock into this store' })).toBeChecked();
	await returnForm.getByRole('button', { name: 'Record return' }).click();
	await expect(staff.getByRole('status').filter({ hasText: 'Return recorded.' })).toBeVisible();
	expect(await onHandHere(staff, sku)).toBe(before + 1);

	// The customer's orders are found by their e-mail.
	await staff.getByRole('navigation', { name: 'Store' }).getByRole('link', { name: 'Customers' }).click();
	await staff.getByRole('searchbox', { name: 'E-mail or phone' }).fill('robin@example.com');
	await staff.getByRole('button', { name: 'Find orders' }).click();
	await expect(staff.getByRole('link', { name: code })).toBeVisible();
	await expectAccessible(staff);
});

test('stock of a product is shown at every location with this store highlighted', async ({ page }) => {
	await signIn(page, 'associate', '/associate/stock');
	await page.goto('/associate/stock');
	await page.getByRole('searchbox', { name: 'Product name, SKU or GTIN' }).fill('chair');
	await page.getByRole('button', { name: 'Find stock' }).click();
	await expect(page.getByRole('status')).toContainText('for “chair”');
	const table = page.getByRole('table').first();
	await expect(table.getByRole('columnheader', { name: 'Safety stock' })).toBeVisible();
	await expect(table.getByRole('row').filter({ hasText: '(this store)' }).first()).toBeVisible();
	await expectAccessible(page);
});

test('cancelling asks for a reason and a confirmation', async ({ kiosk, browser, request }) => {
	test.setTimeout(120_000);
	const { code } = await placeDeliveryOrder(kiosk, browser, request);
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'associate', `/associate/orders/${code}`);
	await staff.getByRole('button', { name: 'Cancel order' }).click();
	await staff.getByRole('button', { name: 'Confirm cancellation' }).click();
	await expect(staff.getByRole('textbox', { name: 'Reason for cancelling' })).toHaveAttribute('aria-invalid', 'true');
	await staff.getByRole('textbox', { name: 'Reason for cancelling' }).fill('Customer changed their mind');
	await staff.getByRole('button', { name: 'Confirm cancellation' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Cancelled');
	await expect(staff.getByRole('region', { name: 'History' })).toContainText('Customer changed their mind');
	await expectAccessible(staff);
});
