import { isValidGtin } from '$pim';

/** The longest search text kept, in characters: longer ones are cut, not dropped. */
export const MAX_QUERY_CHARS = 100;

/** At least this many digits in one run (spaces, dashes, dots, brackets between them) reads as a phone or card number. */
const LONG_DIGITS = 7;

/**
 * Whether search text looks like personal data a shopper typed into the wrong field: an
 * e-mail address, or a long run of digits (a phone, card or account number) that is not a
 * GTIN typed as a barcode reads (digits only, valid check digit).
 */
export function looksPersonal(text: string): boolean {
	if (/[^\s@]+@[^\s@]+/.test(text)) return true;
	for (const run of text.match(/\+?\d(?:[\d\s().\/-]*\d)?/g) ?? []) {
		const digits = run.replace(/\D/g, '');
		if (digits.length < LONG_DIGITS) continue;
		if (run === digits && isValidGtin(digits)) continue;
		return true;
	}
	return false;
}

/**
 * Search text as the analytics count it: Unicode-normalized (full-width forms from Chinese
 * and Japanese keyboards become plain ones), lower case, single spaces, at most
 * MAX_QUERY_CHARS characters. Null when nothing is left or it looks like personal data, so
 * such text is never stored.
 */
export function normalizeQuery(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const text = raw
		.normalize('NFKC')
		.replace(/\p{Cc}/gu, ' ')
		.toLowerCase()
		.replace(/\s+/gu, ' ')
		.trim();
	if (!text || looksPersonal(text)) return null;
	const chars = Array.from(text);
	return chars.length > MAX_QUERY_CHARS ? chars.slice(0, MAX_QUERY_CHARS).join('').trimEnd() : text;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const QUARTER_HOUR = 15 * 60_000;
const knownDays = new Map<string, string>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone; UTC for an unknown zone. */
export function localDay(at: Date, timeZone: string | null | undefined): string {
	// Every zone's offset is a whole number of quarter hours, so one quarter hour of UTC falls
	// on one local day: remembered, a batch of events costs one date formatting, not hundreds.
	const key = `${timeZone || 'UTC'}|${Math.floor(at.getTime() / QUARTER_HOUR)}`;
	let day = knownDays.get(key);
	if (!day) {
		if (knownDays.size > 5000) knownDays.clear();
		day = formatDay(at, timeZone || 'UTC');
		knownDays.set(key, day);
	}
	return day;
}

function formatDay(at: Date, zone: string): string {
	let format = dayFormats.get(zone);
	if (!format) {
		try {
			format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
		} catch {
			return formatDay(at, 'UTC');
		}
		dayFormats.set(zone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Minutes a time zone is ahead of UTC at an instant. */
function offsetMinutes(at: number, timeZone: string): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
			.formatToParts(at)
			.map((p) => [p.type, Number(p.value)])
	);
	const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The instant a day (YYYY-MM-DD) starts in a time zone, so UTC timestamps can be cut at a store's midnight. */
export function startOfDay(day: string, timeZone: string | null | undefined): Date {
	const [y, m, d] = day.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d);
	let zone = timeZone || 'UTC';
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		zone = 'UTC';
	}
	// Twice: the offset at the first guess may differ from the offset at midnight itself (a DST change that day).
	let t = wall - offsetMinutes(wall, zone) * 60_000;
	t = wall - offsetMinutes(t, zone) * 60_000;
	return new Date(t);
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
	const t = Date.parse(`${day}T00:00:00Z`) + 86400_000;
	return new Date(t).toISOString().slice(0, 10);
}
