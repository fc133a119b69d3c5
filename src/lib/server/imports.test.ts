import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getProduct, ValidationError } from '$pim';
import { gtin13, seedStructure } from '../../../tests/helpers/catalog.ts';
import { createTestDb } from '../../../tests/helpers/db.ts';
import { createImport, importForReal, importRejections, importRunView, startImport, suggestMapping, type ImportContext } from './imports.ts';

let ctx: ImportContext;
let cleanup: () => void;

beforeEach(() => {
	const t = createTestDb();
	ctx = { db: t.db, dataDir: t.dir };
	cleanup = t.cleanup;
	seedStructure(t.db);
});
afterEach(() => cleanup());

const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const csv = [
	'product;family;status;categories;sku;gtin;price-USD;name-en;brand;material',
	`CHR-1;furniture;published;chairs;CHR-1;${gtin13(1)};129.00;Chair one;Nordhus;oak`,
	`CHR-2;furniture;published;chairs;CHR-2;${gtin13(2)};99.00;Chair two;Nordhus;plastic`
].join('\n');

/** Waits for a run to be over, as the page's polling does. */
async function finished(id: number) {
	for (let i = 0; i < 200; i++) {
		const view = importRunView(ctx, id)!;
		if (view.status === 'done' || view.status === 'failed') return view;
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error('the import did not finish');
}

describe('imports from the PIM', () => {
	it('a dry run writes nothing and keeps the files; run for real, it imports and removes them', async () => {
		const id = await createImport(ctx, 'Ana', [file('chairs.csv', csv)]);
		expect(importRunView(ctx, id)).toMatchObject({ status: 'queued', format: 'aisle-csv', files: [{ name: 'chairs.csv' }] });
		startImport(ctx, id, { mode: 'batch', dryRun: true });
		const dry = await finished(id);
		expect(dry).toMatchObject({ status: 'done', dryRun: true, rejectedCount: 1, filesKept: true });
		expect(dry.summary!.counts.products.created).toBe(1);
		expect(getProduct(ctx.db, 'CHR-1')).toBeNull();

		const real = importForReal(ctx, id, 'Ana');
		const done = await finished(real);
		expect(done).toMatchObject({ status: 'done', dryRun: false, rejectedCount: 1, filesKept: false });
		expect(done.total).toBe(done.done);
		expect(getProduct(ctx.db, 'CHR-1')?.status).toBe('published');
		expect(importRejections(ctx, real)).toEqual([{ file: 'chairs.csv', line: 3, code: 'CHR-2', reason: expect.stringMatching(/Unknown option plastic/) }]);
		expect(existsSync(join(ctx.dataDir, 'imports', String(real)))).toBe(false);
		// The dry run's record stays; its files went with the real run.
		expect(importRunView(ctx, id)).toMatchObject({ dryRun: true, filesKept: false });
	});

	it('per file, a refused row writes nothing from that file', async () => {
		const id = await createImport(ctx, 'Ana', [file('chairs.csv', csv)]);
		startImport(ctx, id, { mode: 'file', dryRun: false });
		const view = await finished(id);
		expect(view.summary).toMatchObject({ rolledBack: ['chairs.csv'] });
		expect(getProduct(ctx.db, 'CHR-1')).toBeNull();
	});

	it('refuses files no reader takes, and a second start', async () => {
		await expect(createImport(ctx, 'Ana', [file('photo.png', 'x')])).rejects.toThrow(ValidationError);
		await expect(createImport(ctx, 'Ana', [])).rejects.toThrow(ValidationError);
		expect(readdirSync(ctx.dataDir)).not.toContain('imports');
		const id = await createImport(ctx, 'Ana', [file('chairs.csv', csv)]);
		startImport(ctx, id, { mode: 'batch', dryRun: true });
		expect(() => startImport(ctx, id, { mode: 'batch', dryRun: true })).toThrow(ValidationError);
		await finished(id);
	});

	it('offers an Akeneo mapping with our locales where the catalog has them', async () => {
		expect(suggestMapping(['de_DE', 'en_US', 'zh_CN'], ['ecommerce', 'print'], { locales: ['en', 'zh-CN', 'ru'], channels: ['kiosk', 'web'] })).toEqual({
			locales: { de_DE: 'de-DE', en_US: 'en', zh_CN: 'zh-CN' },
			channels: { ecommerce: ['kiosk', 'web'], print: ['print'] }
		});
		const dir = join(import.meta.dirname, '../../../tests/fixtures/akeneo/mini');
		const files = readdirSync(dir).map((n) => file(n, readFileSync(join(dir, n), 'utf8')));
		const id = await createImport(ctx, 'Ana', files);
		expect(importRunView(ctx, id)?.akeneo).toMatchObject({ locales: ['de_DE', 'en_US', 'zh_CN'], channels: ['ecommerce', 'print'], mapping: { locales: { en_US: 'en' } } });
	});
});
