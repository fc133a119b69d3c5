import { describe, expect, it } from 'vitest';
import { localDay, looksPersonal, MAX_QUERY_CHARS, nextDay, normalizeQuery, startOfDay } from './normalize.ts';

describe('normalizeQuery', () => {
	it('trims, lower-cases and collapses spaces, in any script', () => {
		expect(normalizeQuery('  Oak   Dining\tTABLE \n')).toBe('oak dining table');
		expect(normalizeQuery('ДИВАН  Серый')).toBe('диван серый');
		// Full-width letters from a Chinese keyboard read as plain ones.
		expect(normalizeQuery('ＬＥＤ 台灯')).toBe('led 台灯');
	});

	it('cuts long text to the cap, on a character boundary', () => {
		const long = '椅'.repeat(MAX_QUERY_CHARS + 30);
		expect(Array.from(normalizeQuery(long)!)).toHaveLength(MAX_QUERY_CHARS);
	});

	it('drops empty text and text that looks like personal data', () => {
		for (const q of ['', '   ', 'jane.doe@example.com', 'call me at +1 (206) 555-0142', '206-555-0142', '4111 1111 1111 1111', 'order 1234567', 'anna@home'])
			expect(normalizeQuery(q), q).toBeNull();
		expect(normalizeQuery(42)).toBeNull();
	});

	it('keeps GTINs, sizes, models and short numbers', () => {
		for (const q of ['4006381333931', '012345678905', 'sofa 3 seater', 'desk 120 x 60', 'wh-1000xm4', 'rtx 4090', '98101'])
			expect(normalizeQuery(q), q).toBe(q);
	});

	it('tells a GTIN from a digit run with a wrong check digit', () => {
		expect(looksPersonal('4006381333931')).toBe(false);
		expect(looksPersonal('4006381333932')).toBe(true);
		// A valid GTIN typed with separators reads as a phone number.
		expect(looksPersonal('400 638 133 3931')).toBe(true);
	});
});

describe('days in a time zone', () => {
	it('gives the store-local calendar day of an instant', () => {
		const at = new Date('2025-03-10T05:30:00Z');
		expect(localDay(at, 'America/Los_Angeles')).toBe('2025-03-09');
		expect(localDay(at, 'Asia/Tokyo')).toBe('2025-03-10');
		expect(localDay(at, null)).toBe('2025-03-10');
		expect(localDay(at, 'Not/AZone')).toBe('2025-03-10');
	});

	it('finds local midnight in UTC, across a change to summer time', () => {
		expect(startOfDay('2025-03-09', 'America/Los_Angeles').toISOString()).toBe('2025-03-09T08:00:00.000Z');
		// Summer time began at 2 a.m. that day: the next midnight is 7 hours from UTC's.
		expect(startOfDay('2025-03-10', 'America/Los_Angeles').toISOString()).toBe('2025-03-10T07:00:00.000Z');
		expect(startOfDay('2025-06-01', 'Asia/Kolkata').toISOString()).toBe('2025-05-31T18:30:00.000Z');
		expect(startOfDay('2025-06-01', 'UTC').toISOString()).toBe('2025-06-01T00:00:00.000Z');
		expect(nextDay('2024-02-28')).toBe('2024-02-29');
		expect(nextDay('2024-12-31')).toBe('2025-01-01');
	});
});
