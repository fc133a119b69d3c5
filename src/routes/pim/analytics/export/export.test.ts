import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { SessionUser } from '$lib/server/auth';
import { analyticsEvent } from '$lib/server/db/analytics.schema';
import { createTestDb } from '../../../../../tests/helpers/db.ts';
import { seedStores } from '../../../../../tests/helpers/stores.ts';

const t = createTestDb();
vi.mock('$lib/server/app', () => ({ app: () => ({ db: t.db }) }));
const { GET } = await import('./+server.ts');

const merchandiser = { id: 1, email: 'm@example.com', name: 'M', role: 'merchandiser', homeStoreId: null, homeStoreCode: null } as SessionUser;
const associate = { ...merchandiser, role: 'associate' } as SessionUser;

beforeAll(() => {
	seedStores(t.db);
	const search = (query: string, results: number, store = 'SEA1', day = '2025-03-03') =>
		({ kind: 'search', at: `${day}T18:00:00.000Z`, day, store, channel: 'kiosk', visit: null, query, results }) as const;
	t.db.insert(analyticsEvent)
		.values([search('zorblat', 0), search('zorblat', 0), search('=hyperlink("x")', 0), search('椅子', 4), search('chair', 9, 'PDX1'), search('chair', 9, 'SEA1', '2025-04-01')])
		.run();
});
afterAll(() => t.cleanup());

async function get(qs: string, user: SessionUser = merchandiser): Promise<Response> {
	const url = new URL(`http://localhost/pim/analytics/export?${qs}`);
	return (GET as unknown as (e: object) => Promise<Response>)({ url, locals: { user } });
}

describe('GET /pim/analytics/export', () => {
	it('downloads a table as CSV a spreadsheet opens safely, for the store and days asked', async () => {
		const res = await get('report=zero-results&store=SEA1&range=custom&from=2025-03-01&to=2025-03-31');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="aisle-zero-results-SEA1-2025-03-01-to-2025-03-31.csv"');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
		expect(rows).toEqual([
			['query', 'searches', 'last_day'],
			['zorblat', '2', '2025-03-03'],
			[`'=hyperlink("x")`, '1', '2025-03-03']
		]);
	});

	it('covers all stores when none is named, in any script', async () => {
		const res = await get('report=top-searches&range=custom&from=2025-03-01&to=2025-03-31');
		const rows = parse(await res.text(), { bom: true }) as string[][];
		expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([`'=hyperlink("x")`, 'chair', 'zorblat', '椅子'].sort());
		expect(res.headers.get('content-disposition')).toContain('all-stores');
	});

	it('names a bad report or date and sends no file', async () => {
		const unknown = await get('report=passwords');
		expect(unknown.status).toBe(400);
		expect(((await unknown.json()) as { error: string }).error).toMatch(/Unknown report “passwords”/);
		const dates = await get('report=scans&range=custom&from=2025-03-10&to=2025-03-01');
		expect(dates.status).toBe(400);
		expect(((await dates.json()) as { error: string }).error).toMatch(/to \(The end date is before the start date\)/);
	});

	it('is for merchandisers and admins only', async () => {
		await expect(get('report=scans', associate)).rejects.toMatchObject({ status: 403 });
	});
});
