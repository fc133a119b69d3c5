/** "2026-03-14" → "14 Mar 2026" in the shopper's language (the date is a calendar day, not a moment). */
export function formatDay(day: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** An ISO timestamp as date and time in the shopper's language. */
export function formatMoment(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A tax rate in basis points as a percentage: 1035 → "10.35 %". */
export function formatRate(bp: number, locale: string): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}
