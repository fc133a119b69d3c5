import { z } from 'zod';
import type { PimDb } from '../db.ts';
import { ConflictError, DomainError, issuesFromZod, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { loadDefinition, type AttributeDef, type CatalogDefinition } from './definition.ts';
import { codeSchema, valueSchemas, type ProductData } from './input.ts';
import { getProduct, saveProduct, snapshotOf } from './products.ts';
import { ALL } from './values.ts';

/** Most products one bulk call changes; the browser sends larger selections in batches. */
export const BULK_MAX_IDS = 500;

const optionalCode = z.preprocess((v) => (v === '' || v === undefined ? null : v), codeSchema.nullable());

/** What a bulk action does to each selected product. */
export const bulkActionSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('publish') }),
	z.object({ kind: z.literal('archive') }),
	z.object({ kind: z.literal('draft') }),
	z.object({
		kind: z.literal('setCategory'),
		category: codeSchema,
		mode: z.enum(['add', 'replace'], 'Choose add or replace')
	}),
	z.object({
		kind: z.literal('setValue'),
		attribute: codeSchema,
		locale: optionalCode,
		channel: optionalCode,
		/** Typed data, or the text of a form field, read according to the attribute's type; empty clears. */
		value: z.unknown()
	})
]);
/** A parsed bulk action. */
export type BulkAction = z.output<typeof bulkActionSchema>;
/** A bulk action as callers give it. */
export type BulkActionInput = z.input<typeof bulkActionSchema>;

/** The products of one bulk call: at least one, at most BULK_MAX_IDS. */
export const bulkIdsSchema = z
	.array(z.number().int().positive())
	.min(1, 'Select at least one product')
	.max(BULK_MAX_IDS, `At most ${BULK_MAX_IDS} products per call`);

/** What a bulk call did: how many products it changed, and which it could not, and why. */
export interface BulkResult {
	/** Products changed, or already as asked. */
	done: number;
	failed: { code: string; message: string }[];
}

/** Reads a form field's text as the attribute's data type; null clears the value. */
function valueFromText(attr: AttributeDef, text: string): unknown {
	const t = text.trim();
	if (t === '') return null;
	switch (attr.type) {
		case 'number':
			return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
		case 'boolean':
			return /^(yes|true|1)$/i.test(t) ? true : /^(no|false|0)$/i.test(t) ? false : t;
		case 'multiselect':
			return t.split(',').map((s) => s.trim()).filter(Boolean);
		case 'measurement':
			return /^-?\d+(\.\d+)?$/.test(t) ? { amount: Number(t), unit: attr.unit ?? '' } : t;
		default:
			return text;
	}
}

interface ValueTarget {
	attribute: string;
	channel: string;
	locale: string;
	data: unknown;
}

/** Checks a setValue action against the catalog once, before any product is touched. */
function valueTarget(def: CatalogDefinition, action: Extract<BulkAction, { kind: 'setValue' }>): ValueTarget {
	const issues: Issue[] = [];
	const attr = def.attributes.get(action.attribute);
	if (!attr) throw new ValidationError('The bulk action has errors', [{ path: 'attribute', message: `Unknown attribute ${action.attribute}` }]);
	if (attr.type === 'image' || attr.type === 'model3d' || attr.type === 'price')
		issues.push({ path: 'attribute', message: 'Images, 3D models and prices are edited in the product editor' });
	if (attr.localizable && !action.locale) issues.push({ path: 'locale', message: `${attr.code} is localizable: choose a locale` });
	if (attr.localizable && action.locale && !def.locales.includes(action.locale)) issues.push({ path: 'locale', message: `Unknown locale ${action.locale}` });
	if (attr.perChannel && !action.channel) issues.push({ path: 'channel', message: `${attr.code} is set per channel: choose a channel` });
	if (attr.perChannel && action.channel && !def.channels.has(action.channel)) issues.push({ path: 'channel', message: `Unknown channel ${action.channel}` });
	const data = typeof action.value === 'string' ? valueFromText(attr, action.value) : (action.value ?? null);
	const expected: Partial<Record<AttributeDef['type'], string>> = { number: 'Enter a number', measurement: `Enter a number (${attr.unit ?? 'in the attribute’s unit'})`, boolean: 'Enter yes or no' };
	if (typeof data === 'string' && expected[attr.type]) issues.push({ path: 'value', message: expected[attr.type]! });
	else if (data !== null) {
		const parsed = valueSchemas[attr.type].safeParse(data);
		if (!parsed.success) issues.push({ path: 'value', message: parsed.error.issues[0]?.message ?? 'Invalid value' });
		const options = attr.type === 'select' ? [data] : attr.type === 'multiselect' && Array.isArray(data) ? data : [];
		for (const o of options) if (typeof o === 'string' && !attr.options.has(o)) issues.push({ path: 'value', message: `Unknown option ${o} of ${attr.code}` });
	}
	if (issues.length) throw new ValidationError('The bulk action has errors', issues);
	return {
		attribute: attr.code,
		channel: attr.perChannel ? action.channel! : ALL,
		locale: attr.localizable ? action.locale! : ALL,
		data
	};
}

/** The product after the action, or null when it would not change. */
function applyAction(p: ProductData, action: BulkAction, target: ValueTarget | null): ProductData | null {
	switch (action.kind) {
		case 'publish':
		case 'archive':
		case 'draft': {
			const status = action.kind === 'publish' ? 'published' : action.kind === 'archive' ? 'archived' : 'draft';
			return p.status === status ? null : { ...p, status };
		}
		case 'setCategory': {
			const categories = action.mode === 'replace' ? [action.category] : [...new Set([...p.categories, action.category])].sort();
			return JSON.stringify(categories) === JSON.stringify([...p.categories].sort()) ? null : { ...p, categories };
		}
		case 'setValue': {
			const t = target!;
			const current = p.values[t.attribute]?.[t.channel]?.[t.locale] ?? null;
			if (JSON.stringify(current) === JSON.stringify(t.data)) return null;
			const values = structuredClone(p.values);
			((values[t.attribute] ??= {})[t.channel] ??= {})[t.locale] = t.data;
			return { ...p, values };
		}
	}
}

const comments: Record<BulkAction['kind'], string> = {
	publish: 'Bulk: publish',
	archive: 'Bulk: archive',
	draft: 'Bulk: back to draft',
	setCategory: 'Bulk: set category',
	setValue: 'Bulk: set value'
};

/** A failure as one line: the error's message, with its issues when the message alone says little. */
function failureMessage(e: DomainError): string {
	const issues = e instanceof ValidationError || e instanceof ConflictError ? e.issues : [];
	const details = [...new Set(issues.map((i) => i.message))];
	return details.length && !/[.)]$/.test(e.message) ? `${e.message}: ${details.join('; ')}` : e.message;
}

/** Lets other requests run: saving hundreds of products at once would hold up every kiosk on the server. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Applies one action to up to 500 products. Each product is saved on its own, in its own
 * transaction, through `saveProduct`, so every rule, version and search update applies; a
 * product the rules refuse (e.g. incomplete for publishing) is reported in `failed`, and
 * the others still change. A bad action (unknown category, a value of the wrong type) is a
 * ValidationError before anything changes. Between products it gives way to other work
 * every few milliseconds.
 */
export async function bulkUpdate(db: PimDb, ids: number[], input: BulkActionInput, author: string): Promise<BulkResult> {
	const parsedIds = bulkIdsSchema.safeParse(ids);
	if (!parsedIds.success) throw new ValidationError('The selection has errors', issuesFromZod(parsedIds.error).map((i) => ({ ...i, path: 'ids' })));
	const parsed = bulkActionSchema.safeParse(input);
	if (!parsed.success) throw new ValidationError('The bulk action has errors', issuesFromZod(parsed.error));
	const action = parsed.data;
	let def = loadDefinition(db);
	if (action.kind === 'setCategory' && !def.categories.has(action.category))
		throw new ValidationError('The bulk action has errors', [{ path: 'category', message: `Unknown category ${action.category}` }]);
	const target = action.kind === 'setValue' ? valueTarget(def, action) : null;

	const result: BulkResult = { done: 0, failed: [] };
	let since = performance.now();
	for (const id of new Set(parsedIds.data)) {
		if (performance.now() - since > 10) {
			await pause();
			// The structure may have changed meanwhile (a family edited): read it again.
			def = loadDefinition(db);
			since = performance.now();
		}
		let code = `#${id}`;
		try {
			db.$client
				.transaction(() => {
					const p = getProduct(db, id, def);
					if (!p) throw new NotFoundError('Product not found');
					code = p.code;
					const next = applyAction(snapshotOf(p), action, target);
					if (next) saveProduct(db, next, author, { definition: def, comment: comments[action.kind] });
				})
				.immediate();
			result.done++;
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			result.failed.push({ code, message: failureMessage(e) });
		}
	}
	return result;
}
