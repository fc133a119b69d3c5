/** Formats minor units of a currency for a locale: 129900 USD → "$1,299.00". */
export function formatMoney(minor: number, currency: string, locale = 'en'): string {
	const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
	const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
	return fmt.format(minor / 10 ** digits);
}
