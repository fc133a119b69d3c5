import { m } from '$lib/paraglide/messages.js';

/** The checkout form's fields, as typed (kept to fill the form again after a refusal). */
export const CHECKOUT_FIELDS = ['name', 'email', 'phone', 'fulfilment', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
export type CheckoutValues = Record<(typeof CHECKOUT_FIELDS)[number], string>;

/** Reads the checkout fields from a posted form; anything missing is an empty string. */
export function checkoutValues(form: FormData): CheckoutValues {
	const out = {} as CheckoutValues;
	for (const f of CHECKOUT_FIELDS) {
		const v = form.get(f);
		out[f] = typeof v === 'string' ? v.slice(0, 500) : '';
	}
	return out;
}

/** The message for one issue of the checkout schema, in the shopper's language where we have it. */
function messageFor(path: string, message: string): string {
	if (/^At most/.test(message)) return m.checkout_error_too_long();
	switch (path) {
		case 'name':
			return m.checkout_error_name();
		case 'email':
			return m.checkout_error_email();
		case 'phone':
			return m.checkout_error_phone();
		case 'contact':
			return m.checkout_error_contact();
		case 'address':
			return m.checkout_error_address();
		case 'address.line1':
			return m.checkout_error_line1();
		case 'address.city':
			return m.checkout_error_city();
		case 'address.postalCode': {
			const example = /like (.+)$/.exec(message)?.[1];
			return example ? m.checkout_error_postal({ example }) : message;
		}
		case 'address.country':
			return m.checkout_error_country();
		default:
			return message;
	}
}

/**
 * The checkout schema's issues as one message per form field (the address as a whole shows
 * at its first line; anything that is no field, at the top of the form).
 */
export function checkoutErrors(issues: { path: string; message: string }[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) {
		const named = i.path === 'address' ? 'line1' : i.path.replace(/^address\./, '');
		const field = (CHECKOUT_FIELDS as readonly string[]).includes(named) || named === 'contact' ? named : 'form';
		out[field] ??= messageFor(i.path, i.message);
	}
	return out;
}

/** The names of the lines a ConflictError says can no longer be sourced. */
export function unavailableNames(issues: { path: string }[], lines: { variantId: number; name: string; options: string }[]): string[] {
	return issues.flatMap((i) => {
		const id = Number(/^lines\.(\d+)$/.exec(i.path)?.[1]);
		const l = lines.find((x) => x.variantId === id);
		return l ? [l.options ? `${l.name} (${l.options})` : l.name] : [];
	});
}
