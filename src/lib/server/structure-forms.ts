// Helpers the structure pages of the PIM share to read their forms and answer with field errors.
import { fail } from '@sveltejs/kit';
import { ConflictError, NotFoundError, ValidationError, type Issue } from '$pim';
import type { LocationInput } from '$lib/server/stores';

/** First message per field path, as forms show them next to each field. */
export function errorsByPath(issues: Issue[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) out[i.path || 'form'] ??= i.message;
	return out;
}

/**
 * Answers a domain error with `fail`, naming the form it came from so the page shows the
 * errors in the right place. Anything unexpected is rethrown to `handleError`.
 */
export function failFrom(e: unknown, form: string) {
	if (e instanceof ValidationError) return fail(400, { form, message: e.message, errors: errorsByPath(e.issues) });
	if (e instanceof ConflictError) return fail(409, { form, message: e.message, errors: errorsByPath(e.issues) });
	if (e instanceof NotFoundError) return fail(404, { form, message: e.message, errors: {} as Record<string, string> });
	throw e;
}

/** A trimmed text field ('' when absent). */
export function textOf(data: FormData, name: string): string {
	const v = data.get(name);
	return typeof v === 'string' ? v.trim() : '';
}

/** Labels per locale from fields named `${prefix}.${locale}`. */
export function localizedOf(data: FormData, prefix: string, locales: string[]): Record<string, string> {
	return Object.fromEntries(locales.map((l) => [l, textOf(data, `${prefix}.${l}`)]));
}

/** Option rows of the options editor: parallel fields, one value per row. */
export function optionsOf(data: FormData, locales: string[]) {
	const all = (name: string) => data.getAll(name).map((v) => (typeof v === 'string' ? v.trim() : ''));
	const hexes = all('options.hex');
	const labels = new Map(locales.map((l) => [l, all(`options.label.${l}`)]));
	return all('options.code').map((code, i) => ({
		code,
		label: Object.fromEntries(locales.map((l) => [l, labels.get(l)![i] ?? ''])),
		hex: hexes[i] || null
	}));
}

/** "1,234 products", for notices. */
export function countOf(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The sentence a structure change answers with: what it reached and what stopped showing. */
export function refreshedNotice(what: string, r: { touched: number; hidden: number }): string {
	if (r.touched === 0) return `${what}.`;
	const hidden = r.hidden ? ` ${countOf(r.hidden, 'published product is', 'published products are')} no longer complete for a channel and hidden there.` : '';
	return `${what}. Updated ${countOf(r.touched, 'product')}.${hidden}`;
}

/** A store form's fields as the store schema reads them (it turns strings into numbers). */
export function storeOf(data: FormData, weekdays: readonly string[]) {
	const t = (name: string) => textOf(data, name);
	return {
		code: t('code'),
		name: t('name'),
		street: t('street'),
		city: t('city'),
		region: t('region'),
		postalCode: t('postalCode'),
		country: t('country'),
		latitude: t('latitude'),
		longitude: t('longitude'),
		currency: t('currency'),
		taxRate: t('taxRate'),
		taxIncluded: data.has('taxIncluded'),
		timezone: t('timezone'),
		openingHours: Object.fromEntries(weekdays.map((d) => [d, t(`openingHours.${d}`)]))
	};
}

/** A location form's fields as the location schema reads them. */
export function locationOf(data: FormData) {
	const t = (name: string) => textOf(data, name);
	return {
		code: t('code'),
		name: t('name'),
		kind: t('kind') as LocationInput['kind'], // checked by the schema
		store: t('store') || null,
		latitude: t('latitude'),
		longitude: t('longitude'),
		safetyStock: t('safetyStock'),
		ships: data.has('ships')
	};
}
