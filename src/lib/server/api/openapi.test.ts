import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';
import { documentValidator, schemaValidator } from './test-kit.ts';
import { API_SCOPES } from './tokens.ts';

const doc = openApiDocument('https://aisle.example');
const routesDir = resolve(import.meta.dirname, '../../../routes/api/v1');

/** The API paths the route files serve, in the document's template form. */
function routePaths(dir = routesDir): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return routePaths(p);
		if (name !== '+server.ts' || p.includes('[...rest]')) return [];
		const rel = relative(routesDir, dir);
		return [`/${rel.replace(/\[(\w+)\]/g, '{$1}')}`];
	});
}

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const validator = new Validator();
		const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
	});

	it('refuses a broken document, so the check above can fail', async () => {
		const noTitle = structuredClone(doc) as unknown as { info: { title?: string } };
		delete noTitle.info.title;
		expect((await new Validator().validate(noTitle as unknown as Record<string, unknown>)).valid).toBe(false);
		const optionalPathParameter = structuredClone(doc);
		optionalPathParameter.components.parameters.code.required = false;
		expect((await new Validator().validate(optionalPathParameter as unknown as Record<string, unknown>)).valid).toBe(false);
	});

	it('holds schemas that compile under strict JSON Schema 2020-12, and every reference resolves', () => {
		for (const name of Object.keys(doc.components.schemas)) expect(() => schemaValidator(`component ${name}`, { $ref: `#/components/schemas/${name}` })).not.toThrow();
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
		for (const ref of refs) {
			let node: unknown = doc;
			for (const part of ref.split('/')) node = (node as Record<string, unknown>)?.[part];
			expect(node, ref).toBeDefined();
		}
		expect(documentValidator().doc.openapi).toBe('3.1.0');
	});

	it('describes every route under /api/v1, and no path without a route', () => {
		expect(routePaths().sort()).toEqual(Object.keys(doc.paths).sort());
	});

	it('names a known scope on every guarded operation and documents its refusals', () => {
		for (const [path, item] of Object.entries(doc.paths)) {
			for (const [method, op] of Object.entries(item)) {
				const where = `${method.toUpperCase()} ${path}`;
				if (path === '/openapi.json') {
					expect(op.security, where).toEqual([]);
					continue;
				}
				expect(op.security, where).toHaveLength(1);
				expect(API_SCOPES, where).toContain(op.security[0].bearer[0]);
				for (const status of ['400', '401', '403', '429', '500']) expect(op.responses[status], `${where} ${status}`).toBeDefined();
				if (path.includes('{')) expect(op.responses['404'], `${where} 404`).toBeDefined();
				if (method === 'get') expect(op.responses['304'], `${where} 304`).toBeDefined();
				if (method === 'post') for (const status of ['415', '422']) expect(op.responses[status], `${where} ${status}`).toBeDefined();
			}
		}
		expect(doc.paths['/orders'].post!.responses['409']).toBeDefined();
	});

	it('checks the shapes it promises: an error without a code fails, a product page with a stray field fails', () => {
		const error = schemaValidator('Error', { $ref: '#/components/schemas/Error' });
		expect(error({ error: { code: 'not_found', message: 'No product X' } })).toBe(true);
		expect(error({ error: { message: 'No product X' } })).toBe(false);
		expect(error({ error: { code: 'teapot', message: 'x' } })).toBe(false);
		const page = schemaValidator('ProductPage', { $ref: '#/components/schemas/ProductPage' });
		expect(page({ data: [], next: null })).toBe(true);
		expect(page({ data: [], next: null, total: 3 })).toBe(false);
		expect(page({ data: [{ code: 'x' }], next: null })).toBe(false);
		const update = schemaValidator('StockUpdate', { $ref: '#/components/schemas/StockUpdate' });
		expect(update({ location: 'WH', sku: 'A', onHand: 1, seq: 1 })).toBe(true);
		expect(update({ location: 'WH', sku: 'A', adjust: -1, seq: 1 })).toBe(true);
		expect(update({ location: 'WH', sku: 'A', onHand: 1, adjust: 1, seq: 1 })).toBe(false);
		expect(update({ location: 'WH', sku: 'A', seq: 1 })).toBe(false);
	});
});
