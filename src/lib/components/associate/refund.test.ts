import { expect, it } from 'vitest';
import { proposedRefund, toMajor } from './refund.ts';

const lines = [
	{ id: 1, unitPrice: 12900 },
	{ id: 2, unitPrice: 1900 }
];

it('proposes the chosen units at their price when tax is included and shipping is not refunded', () => {
	const order = { subtotal: 16700, shippingFee: 495, total: 17195, lines };
	expect(proposedRefund(order, { 1: 1, 2: 1 })).toBe(14800);
	expect(proposedRefund(order, {})).toBe(0);
});

it('adds the tax the customer paid on top when prices were shown without it', () => {
	// 10 % tax added: 16700 + 1670 tax + 495 shipping.
	const order = { subtotal: 16700, shippingFee: 495, total: 18865, lines };
	expect(proposedRefund(order, { 2: 2 })).toBe(4180);
	expect(toMajor(4180, 'USD')).toBe('41.80');
	expect(toMajor(4180, 'JPY')).toBe('4180');
});
