import type { Issue } from '../shared/errors.ts';
import type { RawValues } from './catalog.schema.ts';
import type { CatalogDefinition } from './definition.ts';
import { valueSchemas } from './input.ts';

/** Key used for "not per channel" and "not localizable" in raw values. */
export const ALL = '*';

/**
 * Checks raw values against the attributes: known attribute on this level, right
 * channel and locale keys, data of the right type, existing options.
 */
export function validateValues(
	def: CatalogDefinition,
	values: RawValues,
	allowed: Set<string>,
	path: string
): Issue[] {
	const issues: Issue[] = [];
	for (const [code, byChannel] of Object.entries(values)) {
		const attr = def.attributes.get(code);
		const at = `${path}.${code}`;
		if (!attr) {
			issues.push({ path: at, message: `Unknown attribute ${code}` });
			continue;
		}
		if (!allowed.has(code)) {
			issues.push({ path: at, message: `${code} does not belong on this level of the family` });
			continue;
		}
		for (const [ch, byLocale] of Object.entries(byChannel)) {
			if (attr.perChannel ? !def.channels.has(ch) : ch !== ALL) {
				issues.push({ path: `${at}.${ch}`, message: attr.perChannel ? `Unknown channel ${ch}` : `${code} is not per channel` });
				continue;
			}
			for (const [loc, data] of Object.entries(byLocale)) {
				const where = `${at}.${ch}.${loc}`;
				if (attr.localizable ? !def.locales.includes(loc) : loc !== ALL) {
					issues.push({ path: where, message: attr.localizable ? `Unknown locale ${loc}` : `${code} is not localizable` });
					continue;
				}
				if (data === null || data === '') continue; // an empty value clears it
				const parsed = valueSchemas[attr.type].safeParse(data);
				if (!parsed.success) {
					issues.push({ path: where, message: parsed.error.issues[0]?.message ?? 'Invalid value' });
					continue;
				}
				const codes = attr.type === 'select' ? [data as string] : attr.type === 'multiselect' ? (data as string[]) : [];
				for (const option of codes)
					if (!attr.options.has(option)) issues.push({ path: where, message: `Unknown option ${option} of ${code}` });
			}
		}
	}
	return issues;
}

/** Drops empty values so stored JSON only holds what is there. */
export function compactValues(values: RawValues): RawValues {
	const out: RawValues = {};
	for (const [code, byChannel] of Object.entries(values)) {
		for (const [ch, byLocale] of Object.entries(byChannel)) {
			for (const [loc, data] of Object.entries(byLocale)) {
				if (!isFilled(data)) continue;
				((out[code] ??= {})[ch] ??= {})[loc] = data;
			}
		}
	}
	return out;
}

/** Whether a value counts as present for completeness. */
export function isFilled(data: unknown): boolean {
	if (data === null || data === undefined) return false;
	if (typeof data === 'string') return data.replace(/<[^>]*>/g, '').trim().length > 0;
	if (Array.isArray(data)) return data.length > 0;
	if (typeof data === 'object') return Object.keys(data).length > 0;
	return true;
}

/** The value of an attribute for a channel and locale, without fallback. */
export function readValue(values: RawValues, code: string, channel: string, loc: string): unknown {
	const byChannel = values[code];
	if (!byChannel) return undefined;
	const byLocale = byChannel[channel] ?? byChannel[ALL];
	if (!byLocale) return undefined;
	return byLocale[loc] ?? byLocale[ALL];
}

/** The value in `loc`, else in the fallback locale. */
export function readLocalized(
	values: RawValues,
	code: string,
	channel: string,
	loc: string,
	fallback: string
): unknown {
	const v = readValue(values, code, channel, loc);
	return isFilled(v) ? v : readValue(values, code, channel, fallback);
}
