/** Digits after the decimal point of a currency (2 for USD, 0 for JPY). */
export function currencyDigits(currency: string): number {
	return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * The refund a return proposes, in minor units: the chosen units at their unit price, with
 * their share of the tax the customer paid (goods with tax = total − shipping), never the
 * shipping fee.
 */
export function proposedRefund(
	order: { subtotal: number; shippingFee: number; total: number; lines: { id: number; unitPrice: number }[] },
	quantities: Record<number, number>
): number {
	const goods = order.lines.reduce((sum, l) => sum + l.unitPrice * (quantities[l.id] ?? 0), 0);
	if (order.subtotal <= 0) return 0;
	return Math.round((goods * (order.total - order.shippingFee)) / order.subtotal);
}

/** Minor units as the refund field shows them: 12900 USD → "129.00". */
export function toMajor(minor: number, currency: string): string {
	const digits = currencyDigits(currency);
	return (minor / 10 ** digits).toFixed(digits);
}
