import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { createHmac } from 'node:crypto';

/** The secret tests/e2e/server.js starts the app with. */
export const SESSION_SECRET = 'e2e-session-secret-not-for-production';

/** The demo setup link of a store, as `npm start` prints it. */
export function setupLink(store: string): string {
	const token = createHmac('sha256', SESSION_SECRET).update(`kiosk-setup:${store}`).digest('base64url').slice(0, 32);
	return `/setup?store=${store}&token=${token}`;
}

/** Fails the test on any WCAG 2.2 A/AA violation axe finds on the page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The demo catalog's staff sign-ins (src/lib/server/demo/users.ts). */
export const DEMO_SIGN_INS = {
	merchandiser: { email: 'merch@aisle.demo', password: 'merchandiser-demo' },
	associate: { email: 'associate@aisle.demo', password: 'associate-demo' },
	admin: { email: 'admin@aisle.demo', password: 'admin-demo-pass' }
} as const;

/** Signs in through the sign-in page, the way a member of staff does. */
export async function signIn(page: Page, role: keyof typeof DEMO_SIGN_INS, next = '/pim') {
	await page.goto(`/signin?next=${encodeURIComponent(next)}`);
	await page.getByRole('textbox', { name: 'E-mail' }).fill(DEMO_SIGN_INS[role].email);
	await page.getByLabel('Password').fill(DEMO_SIGN_INS[role].password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/signin/);
}

let gotoPatched = false;

/**
 * Makes every `page.goto` of the run (in any context) wait until the app has hydrated, as a
 * person would before typing: input typed into a server-rendered field before hydration can
 * be reset by it.
 */
function waitForHydrationOnGoto(page: Page) {
	if (gotoPatched) return;
	gotoPatched = true;
	const proto = Object.getPrototypeOf(page) as Page;
	const goto = proto.goto;
	proto.goto = async function (this: Page, ...args: Parameters<Page['goto']>) {
		const response = await goto.apply(this, args);
		if (response && (response.headers()['content-type'] ?? '').includes('text/html'))
			await this.waitForFunction(() => 'hydrated' in document.documentElement.dataset, null, { timeout: 15_000 }).catch(() => undefined);
		return response;
	};
}

export const test = base.extend<{ kiosk: Page }>({
	page: async ({ page }, use) => {
		waitForHydrationOnGoto(page);
		await use(page);
	},
	/** A page on a screen that has been linked to the Seattle store. */
	kiosk: async ({ page }, use) => {
		await page.goto(setupLink('SEA1'));
		await page.getByRole('button', { name: /Link this screen to/ }).click();
		await expect(page).toHaveURL(/\/$/);
		await page.getByRole('link', { name: 'Touch to start' }).click();
		await expect(page.getByRole('searchbox', { name: 'Search products' })).toBeVisible();
		await use(page);
	}
});

export { expect };
