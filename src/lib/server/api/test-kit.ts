// Used by the API tests only: a real database with a small catalog, tokens, a way to call the
// real route handlers as SvelteKit does, and a check of every answer against the OpenAPI document.
import type { RequestHandler } from '@sveltejs/kit';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import type { AppConfig } from '../config.ts';
import type { AppDb } from '../db/index.ts';
import { seedOrdersCatalog } from '../orders/test-fixture.ts';
import { openApiDocument, type JsonSchema, type OpenApiDocument } from './openapi.ts';
import { createToken, type ApiScope } from './tokens.ts';

export const BASE = 'https://aisle.example';
export const SECRET = 'api-test-secret';

interface TestApp {
	db: AppDb;
	config: Pick<AppConfig, 'publicUrl' | 'sessionSecret'> & { apiRequestsPerMinute: number };
}

let current: (TestApp & { cleanup: () => void; sku: Map<string, number>; storeId: number }) | null = null;

/** What `app()` returns in the API tests (the tests mock the app module with this). */
export function testApp(): TestApp {
	if (!current) throw new Error('startTestApp() first');
	return current;
}

/** A fresh database with the orders test catalog (stores SEA1, PDX1, SFO1, warehouse WH; CHR-1 and T-shirts TSH-1…n). */
export function startTestApp(products = 1) {
	const t = createTestDb();
	const seeded = seedOrdersCatalog(t.db, products);
	current = { db: t.db, config: { publicUrl: BASE, sessionSecret: SECRET, apiRequestsPerMinute: 600 }, cleanup: t.cleanup, ...seeded };
	return current;
}

export function stopTestApp() {
	current?.cleanup();
	current = null;
}

/** A token's secret, made through the domain as the admin page makes it. */
export function tokenWith(...scopes: ApiScope[]): string {
	return createToken(testApp().db, { name: `test ${scopes.join(' ') || 'none'}`, scopes }, 'Test Admin <admin@example.com>').secret;
}

/** One operation of the document: a method and a path template. */
export interface Operation {
	method: 'GET' | 'POST';
	path: string;
	handler: RequestHandler;
}

export interface Answer {
	status: number;
	headers: Headers;
	body: unknown;
}

/** Everything each operation answered in this file: operation key → statuses. */
export const seen = new Map<string, Set<number>>();

/**
 * Calls a route handler the way SvelteKit does (a Request, its URL and the route's params)
 * and checks the answer against the OpenAPI document: a documented status, the documented
 * headers and a body that matches the response schema.
 */
export async function call(
	op: Operation,
	opts: { token?: string | null; params?: Record<string, string>; query?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}
): Promise<Answer> {
	let path = op.path;
	for (const [k, v] of Object.entries(opts.params ?? {})) path = path.replace(`{${k}}`, encodeURIComponent(v));
	const headers: Record<string, string> = { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) };
	let body: string | undefined;
	if (opts.body !== undefined || opts.rawBody !== undefined) {
		headers['content-type'] = 'application/json';
		body = opts.rawBody ?? JSON.stringify(opts.body);
	}
	const request = new Request(`http://localhost/api/v1${path}${opts.query ? `?${opts.query}` : ''}`, { method: op.method, headers: { ...headers, ...opts.headers }, body });
	const event = { request, url: new URL(request.url), params: opts.params ?? {}, locals: { user: null, kiosk: null, sessionToken: null } };
	const response = await (op.handler as unknown as (e: typeof event) => Promise<Response>)(event);
	const text = await response.text();
	const answer: Answer = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
	checkAgainstDocument(op, answer);
	const key = `${op.method} ${op.path}`;
	if (!seen.has(key)) seen.set(key, new Set());
	seen.get(key)!.add(answer.status);
	return answer;
}

const DOC_ID = 'https://aisle.example/api/v1/openapi.json';
let compiled: { doc: OpenApiDocument; ajv: Ajv2020; cache: Map<string, ValidateFunction> } | null = null;

/** Points the document's component references at the schema ajv holds. */
function rewriteRefs<T>(value: T): T {
	return JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${DOC_ID}#/$defs/`)) as T;
}

/** Ajv (JSON Schema 2020-12, strict) holding the document's component schemas. */
export function documentValidator() {
	if (compiled) return compiled;
	const doc = openApiDocument(BASE);
	const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
	addFormats(ajv);
	ajv.addSchema({ $id: DOC_ID, $defs: rewriteRefs(doc.components.schemas) });
	compiled = { doc, ajv, cache: new Map() };
	return compiled;
}

/** A validator for a schema of the document (inline or by reference). */
export function schemaValidator(key: string, schema: JsonSchema): ValidateFunction {
	const { ajv, cache } = documentValidator();
	let v = cache.get(key);
	if (!v) {
		v = ajv.compile(rewriteRefs(schema));
		cache.set(key, v);
	}
	return v;
}

function resolve<T>(doc: OpenApiDocument, item: T | { $ref: string }): T {
	if (item && typeof item === 'object' && '$ref' in item) {
		const parts = (item.$ref as string).replace('#/', '').split('/');
		let node: unknown = doc;
		for (const p of parts) node = (node as Record<string, unknown>)[p];
		return node as T;
	}
	return item as T;
}

function checkAgainstDocument(op: Operation, answer: Answer) {
	const { doc } = documentValidator();
	const operation = doc.paths[op.path]?.[op.method.toLowerCase() as 'get' | 'post'];
	expect(operation, `${op.method} ${op.path} is in the document`).toBeDefined();
	const documented = operation!.responses[String(answer.status)];
	expect(documented, `${op.method} ${op.path} documents status ${answer.status} (answered ${JSON.stringify(answer.body)})`).toBeDefined();
	const res = resolve(doc, documented!);
	for (const [name, h] of Object.entries(res.headers ?? {})) {
		const header = resolve(doc, h);
		const value = answer.headers.get(name);
		if (header.required) expect(value, `${op.method} ${op.path} ${answer.status}: header ${name}`).not.toBeNull();
		if (value !== null) {
			const typed = header.schema.type === 'integer' ? Number(value) : value;
			const v = schemaValidator(`header:${name}`, header.schema);
			expect(v(typed), `${op.method} ${op.path} ${answer.status}: header ${name}=${value} ${JSON.stringify(v.errors)}`).toBe(true);
		}
	}
	const content = res.content?.['application/json'];
	if (!content) {
		expect(answer.body, `${op.method} ${op.path} ${answer.status} has no body`).toBeNull();
		return;
	}
	expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
	const v = schemaValidator(`${op.method} ${op.path} ${answer.status}`, content.schema);
	expect(v(answer.body), `${op.method} ${op.path} ${answer.status} matches its schema: ${JSON.stringify(v.errors, null, 1)}`).toBe(true);
}

/** Checks a request body against the document's request schema (the API must accept what it documents). */
export function expectDocumentedRequest(op: Operation, body: unknown) {
	const { doc } = documentValidator();
	const schema = doc.paths[op.path]?.[op.method.toLowerCase() as 'get' | 'post']?.requestBody?.content['application/json'].schema;
	expect(schema).toBeDefined();
	const v = schemaValidator(`request ${op.method} ${op.path}`, schema!);
	expect(v(body), JSON.stringify(v.errors)).toBe(true);
}
