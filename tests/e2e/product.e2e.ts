import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures.ts';

interface Hit {
	code: string;
	name: string;
	reviewCount: number;
}

/** A demo shirt (colour × size variants) with reviews, read from the API the kiosk uses. */
async function someShirt(request: APIRequestContext): Promise<Hit> {
	const res = await request.get('/api/search?q=shirt&per_page=20');
	expect(res.ok()).toBe(true);
	const { hits } = (await res.json()) as { hits: Hit[] };
	const hit = hits.find((h) => h.reviewCount >= 3) ?? hits[0];
	expect(hit, 'the demo catalog has shirts').toBeTruthy();
	return hit;
}

/** Position of the first option of a radio group that is not chosen. */
async function firstUnchecked(group: Locator): Promise<number> {
	const states = await group.getByRole('radio').evaluateAll((els) => els.map((e) => e.getAttribute('aria-checked')));
	const i = states.indexOf('false');
	expect(i, 'an option to switch to').toBeGreaterThanOrEqual(0);
	return i;
}

/** Star ratings of the listed reviews, in page order. */
async function listedRatings(page: Page): Promise<number[]> {
	const names = await page.getByRole('region', { name: 'Reviews' }).getByRole('listitem').getByRole('img', { name: /^Rated \d out of 5$/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
	return names.map((n) => Number(/Rated (\d)/.exec(n)?.[1]));
}

test('a shopper picks a colour and a size and the price and stock follow', async ({ kiosk, request }) => {
	const shirt = await someShirt(request);
	await kiosk.goto(`/p/${shirt.code}`);
	await expect(kiosk.getByRole('heading', { level: 1, name: shirt.name })).toBeVisible();

	const priceRegion = kiosk.getByRole('status').filter({ hasText: /Item / });
	const before = await priceRegion.textContent();

	const chosenSku = () => new URL(kiosk.url()).searchParams.get('v');

	// Pin the option by position: a locator for "the first unchecked one" moves once it is checked.
	const colours = kiosk.getByRole('radiogroup', { name: /Colour/ });
	const otherColour = colours.getByRole('radio').nth(await firstUnchecked(colours));
	await otherColour.click();
	await expect(otherColour).toBeChecked();
	await expect(kiosk).toHaveURL(/[?&]v=/);
	const afterColour = chosenSku()!;
	await expect(priceRegion).toContainText(afterColour);
	expect(await priceRegion.textContent()).not.toBe(before);

	const sizes = kiosk.getByRole('radiogroup', { name: /Size/ });
	const otherSize = sizes.getByRole('radio').nth(await firstUnchecked(sizes));
	await otherSize.click();
	await expect(otherSize).toBeChecked();
	await expect.poll(chosenSku).not.toBe(afterColour);
	await expect(priceRegion).toContainText(chosenSku()!);

	const stock = kiosk.getByRole('region', { name: 'Availability' });
	await expect(stock.getByRole('status')).toContainText(/In stock here|Not on the shelf in this store/);
	await expect(stock).toContainText(/Home delivery/);
	await expect(kiosk.getByRole('button', { name: 'Previous image' })).toBeVisible();
	await expect(kiosk.getByRole('button', { name: 'Next image' })).toBeEnabled();
	await expectAccessible(kiosk);
});

test('reviews can be sorted lowest first and filtered to five stars', async ({ kiosk, request }) => {
	const shirt = await someShirt(request);
	await kiosk.goto(`/p/${shirt.code}`);
	const reviews = kiosk.getByRole('region', { name: 'Reviews' });
	await expect(reviews).toContainText(/\d+ reviews?/);

	await reviews.getByRole('button', { name: 'Lowest rated' }).click();
	await expect(kiosk).toHaveURL(/sort=lowest/);
	await expect(reviews.getByRole('button', { name: 'Lowest rated' })).toHaveAttribute('aria-pressed', 'true');
	const lowest = await listedRatings(kiosk);
	expect(lowest.length).toBeGreaterThan(0);
	expect(lowest).toEqual([...lowest].sort((a, b) => a - b));

	const five = reviews.getByRole('button', { name: /^5 stars/ });
	if (await five.isEnabled()) {
		await five.click();
		await expect(kiosk).toHaveURL(/stars=5/);
		await expect(five).toHaveAttribute('aria-pressed', 'true');
		const ratings = await listedRatings(kiosk);
		expect(ratings.length).toBeGreaterThan(0);
		expect(new Set(ratings)).toEqual(new Set([5]));
	}
	await expectAccessible(kiosk);
});

test('the phone QR code is an image with a name', async ({ kiosk, request }) => {
	const shirt = await someShirt(request);
	await kiosk.goto(`/p/${shirt.code}`);
	const qr = kiosk.getByRole('img', { name: /QR code/ });
	await expect(qr).toBeVisible();
	await expect(qr.locator('svg')).toHaveCount(1);
	await expect(kiosk.getByRole('heading', { name: 'Continue on your phone' })).toBeVisible();
});

test('"Read aloud" speaks name, price and availability in the page language, and a second tap stops', async ({ kiosk, request }) => {
	await kiosk.addInitScript(() => {
		const w = window as unknown as { __spoken: { text: string; lang: string }[]; __cancelled: number };
		w.__spoken = [];
		w.__cancelled = 0;
		const fake = {
			speaking: false,
			speak: (u: SpeechSynthesisUtterance) => void w.__spoken.push({ text: u.text, lang: u.lang }),
			cancel: () => void w.__cancelled++,
			getVoices: () => [],
			addEventListener: () => {},
			removeEventListener: () => {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
		if (typeof window.SpeechSynthesisUtterance === 'undefined') {
			(window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
				lang = '';
				voice = null;
				onend = null;
				onerror = null;
				constructor(public text: string) {}
			};
		}
	});
	const shirt = await someShirt(request);
	await kiosk.goto(`/p/${shirt.code}`);
	const button = kiosk.getByRole('button', { name: 'Read aloud' });
	await button.click();
	await expect(button).toHaveAttribute('aria-pressed', 'true');
	const spoken = await kiosk.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
	expect(spoken).toHaveLength(1);
	expect(spoken[0].lang).toBe('en');
	expect(spoken[0].text).toContain(shirt.name);
	expect(spoken[0].text).toMatch(/Price: \$|On sale for \$/);
	expect(spoken[0].text).toMatch(/In stock here|Not on the shelf in this store/);
	expect(spoken[0].text).toMatch(/Chosen: /);

	await button.click();
	await expect(button).toHaveAttribute('aria-pressed', 'false');
	expect(await kiosk.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled)).toBeGreaterThan(0);
});

test('an unknown product is a 404', async ({ kiosk }) => {
	const res = await kiosk.goto('/p/NO-SUCH-PRODUCT');
	expect(res?.status()).toBe(404);
});

test('the phone page works at phone size without a store', async ({ browser, request, baseURL }) => {
	const shirt = await someShirt(request);
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	const page = await phone.newPage();
	await page.goto(`${baseURL}/m/p/${shirt.code}`);
	await expect(page.getByRole('heading', { level: 1, name: shirt.name })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /stores?|deliver/ })).toBeVisible();
	const group = page.getByRole('radiogroup', { name: /Colour/ });
	const colour = group.getByRole('radio').nth(await firstUnchecked(group));
	await colour.click();
	await expect(colour).toBeChecked();
	await expect(page).toHaveURL(/[?&]v=/);
	await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
	await expectAccessible(page);
	await phone.close();
});
