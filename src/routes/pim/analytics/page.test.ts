import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AnalyticsReport, ReportFilter } from '$lib/server/analytics';
import type { SessionUser } from '$lib/server/auth';
import { analyticsEvent } from '$lib/server/db/analytics.schema';
import { createTestDb } from '../../../../tests/helpers/db.ts';
import { seedStores } from '../../../../tests/helpers/stores.ts';

const t = createTestDb();
seedStores(t.db);
vi.mock('$lib/server/app', () => ({ app: () => ({ db: t.db }) }));
const { load } = await import('./+page.server.ts');
afterAll(() => t.cleanup());

const merchandiser = { id: 1, email: 'm@example.com', name: 'M', role: 'merchandiser', homeStoreId: null, homeStoreCode: null } as SessionUser;
interface Data {
	stores: { code: string }[];
	filter: ReportFilter;
	issues: { parameter: string }[];
	report: AnalyticsReport;
}
const run = (qs: string, user: SessionUser = merchandiser) => (load as unknown as (e: object) => Promise<Data>)({ url: new URL(`http://localhost/pim/analytics?${qs}`), locals: { user } });

describe('the analytics page', () => {
	it("shows one store's figures for the days asked", async () => {
		const day = '2025-03-03';
		t.db.insert(analyticsEvent)
			.values([
				{ kind: 'search', at: `${day}T18:00:00.000Z`, day, store: 'SEA1', channel: 'kiosk', query: 'zorblat', results: 0 },
				{ kind: 'search', at: `${day}T18:00:00.000Z`, day, store: 'PDX1', channel: 'kiosk', query: 'sofa', results: 3 }
			])
			.run();
		const data = await run(`store=SEA1&range=custom&from=${day}&to=${day}`);
		expect(data.stores.map((s) => s.code)).toEqual(['PDX1', 'SEA1']);
		expect(data.issues).toEqual([]);
		expect(data.report.zeroResults).toEqual([{ query: 'zorblat', searches: 1, lastDay: day }]);
		expect(data.report.topSearches.map((r) => r.query)).toEqual(['zorblat']);
	});

	it('names a bad value and still answers, with the default in its place', async () => {
		const data = await run('store=NOPE&range=custom&from=2025-03-09&to=2025-03-01');
		expect(data.issues.map((i) => i.parameter)).toEqual(['store', 'to']);
		expect(data.filter).toMatchObject({ store: null, range: '30' });
	});

	it('is for merchandisers and admins only', async () => {
		await expect(run('', { ...merchandiser, role: 'associate' })).rejects.toMatchObject({ status: 403 });
	});
});
