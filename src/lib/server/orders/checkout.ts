import { z } from 'zod';
import { DEFAULT_ORDER_SETTINGS } from './settings.ts';

/** Postal code formats of the countries the retailer may ship to; others need any short code. */
const POSTAL_CODES: Record<string, { pattern: RegExp; example: string }> = {
	US: { pattern: /^\d{5}(-\d{4})?$/, example: '98101' },
	GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, example: 'SW1A 1AA' },
	DE: { pattern: /^\d{5}$/, example: '10115' },
	FR: { pattern: /^\d{5}$/, example: '75001' },
	CN: { pattern: /^\d{6}$/, example: '100000' },
	RU: { pattern: /^\d{6}$/, example: '101000' }
};

/** Whether a postal code has the form used in that country. */
export function isPostalCode(country: string, code: string): boolean {
	const rule = POSTAL_CODES[country];
	return rule ? rule.pattern.test(code) : /^[A-Z0-9][A-Z0-9 -]{1,10}$/.test(code);
}

/** Form fields arrive as strings; an empty one means "not given". */
const optionalText = (max: number) =>
	z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max, `At most ${max} characters`).optional());

const phoneSchema = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
	z
		.string()
		.trim()
		.regex(/^\+?[\d\s().-]+$/, 'Enter a phone number: digits, spaces and an optional leading +')
		.transform((s) => (s.startsWith('+') ? '+' : '') + s.replace(/\D/g, ''))
		.refine((s) => s.replace('+', '').length >= 6 && s.replace('+', '').length <= 15, 'Enter a phone number of 6 to 15 digits')
		.optional()
);

const emailSchema = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v),
	z.email('Enter an e-mail address like name@example.com').max(200).optional()
);

const addressSchema = z.object({
	line1: z.string().trim().min(1, 'Enter the street and number').max(120),
	line2: optionalText(120),
	city: z.string().trim().min(1, 'Enter the city').max(80),
	region: optionalText(80),
	postalCode: z.string().trim().toUpperCase().min(1, 'Enter the postal code').max(12),
	country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Choose a country')
});

/** Normalized checkout details, as placeOrder stores them. */
export interface Checkout {
	name: string;
	email?: string;
	phone?: string;
	fulfilment: 'delivery' | 'collect';
	address?: z.output<typeof addressSchema>;
}

/**
 * The checkout form's schema for a set of destination countries: contact (name and at
 * least an e-mail or a phone), fulfilment and, for delivery, an address whose postal code
 * has the country's form. Accepts form strings; issue paths name the fields.
 */
export function checkoutSchemaFor(shipsTo: string[]) {
	return z
		.object({
			name: z.string({ error: 'Enter your name' }).trim().min(1, 'Enter your name').max(100, 'At most 100 characters'),
			email: emailSchema,
			phone: phoneSchema,
			fulfilment: z.enum(['delivery', 'collect'], { error: 'Choose delivery or collection' }),
			address: z.preprocess((v) => (v == null || (typeof v === 'object' && Object.values(v).every((x) => x == null || x === '')) ? undefined : v), addressSchema.optional())
		})
		.superRefine((c, ctx) => {
			if (!c.email && !c.phone) ctx.addIssue({ code: 'custom', path: ['contact'], message: 'Give an e-mail address or a phone number so we can tell you about your order' });
			if (c.fulfilment !== 'delivery') return;
			if (!c.address) {
				ctx.addIssue({ code: 'custom', path: ['address'], message: 'Enter the delivery address' });
				return;
			}
			if (!shipsTo.includes(c.address.country)) ctx.addIssue({ code: 'custom', path: ['address', 'country'], message: 'We do not deliver to this country' });
			else if (!isPostalCode(c.address.country, c.address.postalCode)) {
				const example = POSTAL_CODES[c.address.country]?.example;
				ctx.addIssue({ code: 'custom', path: ['address', 'postalCode'], message: example ? `Enter a postal code like ${example}` : 'Enter a valid postal code' });
			}
		})
		.transform((c): Checkout => (c.fulfilment === 'collect' ? { ...c, address: undefined } : c));
}

/** The checkout schema for the default destination countries (placeOrder uses the stored ones). */
export const checkoutSchema = checkoutSchemaFor(DEFAULT_ORDER_SETTINGS.shipsTo);

/** What the checkout form sends (strings as typed); the schema validates and normalizes it. */
export interface CheckoutInput {
	name: string;
	email?: string | null;
	phone?: string | null;
	fulfilment: 'delivery' | 'collect' | (string & {});
	address?: Partial<Record<'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country', string>> | null;
}
