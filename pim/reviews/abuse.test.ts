import { describe, expect, it } from 'vitest';
import { findAbuse } from './abuse.ts';

describe('findAbuse', () => {
	it('lets ordinary reviews through, in every language', () => {
		for (const text of [
			'Comfortable chair, the oak looks great. Bought 2 for the kitchen at $129.99 each.',
			'Удобный стул, дуб выглядит отлично. Взяли два на кухню.',
			'椅子很舒服，橡木的颜色很好看。给妈妈的礼物，她很喜欢！',
			'Size 42 fits well; 120 x 80 x 75 cm as described. 10/10',
			'Great for assessing posture in Scunthorpe 😍😍😍',
			'NICE chair, I love the colour and the fabric.'
		])
			expect(findAbuse(text), text).toBeNull();
	});

	it('refuses links and web addresses', () => {
		expect(findAbuse('Cheaper at https://example.test/chair')).toBe('link');
		expect(findAbuse('see www.example for more')).toBe('link');
		expect(findAbuse('order from cheapchairs.com today')).toBe('link');
		expect(findAbuse('пишите в t.me/shop')).toBe('link');
		expect(findAbuse('Great chair.Top quality')).toBeNull();
	});

	it('refuses e-mail addresses and phone numbers as personal data', () => {
		expect(findAbuse('write to anna.k@example.com')).toBe('contact');
		expect(findAbuse('call me on +1 (206) 555-0142')).toBe('contact');
		expect(findAbuse('звоните 8 800 555 35 35')).toBe('contact');
		expect(findAbuse('电话 138 0013 8000')).toBe('contact');
		expect(findAbuse('Bought it in 2024, still fine in 2025')).toBeNull();
	});

	it('refuses a few rude words as whole words only, whatever their case or width', () => {
		expect(findAbuse('This chair is shit')).toBe('profanity');
		expect(findAbuse('FUCKING awful')).toBe('profanity');
		expect(findAbuse('ｆｕｃｋ this')).toBe('profanity');
		expect(findAbuse('Ну и хуй с ним')).toBe('profanity');
		expect(findAbuse('Блять, сломался')).toBe('profanity');
		expect(findAbuse('卖家是傻逼')).toBe('profanity');
		expect(findAbuse('shitake mushroom colour, classic assessment')).toBeNull();
	});

	it('refuses shouting: more than 20 letters, mostly capitals', () => {
		expect(findAbuse('THIS CHAIR BROKE AFTER ONE WEEK, DO NOT BUY')).toBe('shouting');
		expect(findAbuse('ЭТОТ СТУЛ СЛОМАЛСЯ ЧЕРЕЗ НЕДЕЛЮ')).toBe('shouting');
		expect(findAbuse('GREAT CHAIR!')).toBeNull();
		expect(findAbuse('I bought it from IKEA and the UK shop, all good here.')).toBeNull();
	});

	it('refuses a character repeated eight times or more', () => {
		expect(findAbuse('Sooooooooo good')).toBe('repeated');
		expect(findAbuse('Great!!!!!!!!')).toBe('repeated');
		expect(findAbuse('Sooooooo good!!!')).toBeNull();
	});

	it('refuses text that is mostly not letters', () => {
		expect(findAbuse('!!! ??? 123 456 :) :) :)')).toBe('symbols');
		expect(findAbuse('5/5 ★★★★★ 10/10 100%')).toBe('symbols');
		expect(findAbuse('Good: 5/5')).toBeNull();
	});

	it('checks only the rules asked for', () => {
		expect(findAbuse('5/5 10/10', ['link'])).toBeNull();
		expect(findAbuse('anna@example.com', ['link'])).toBe('link');
	});
});
