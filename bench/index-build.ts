import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnqueuedTaskPromise } from 'meilisearch';
import { loadDefinition } from '../pim/index.ts';
import type { AppDb } from '../src/lib/server/db/index.ts';
import { createMeiliClient } from '../src/lib/server/search/client.ts';
import { startMeilisearch } from '../src/lib/server/search/meili-server.ts';
import { productIndexSettings } from '../src/lib/server/search/settings.ts';
import type { SearchDocument } from '../src/lib/server/search/documents.ts';
import { buildDocuments, indexableProductBatches, rebuildIndex } from '../src/lib/server/search/sync.ts';

const BATCH = 2000;

/**
 * (b) Building the index for the whole catalog through the sync path (documents assembled
 * from SQLite, pushed in batches, swapped in) against pushing the same documents, already
 * in memory, straight to a new index with the same settings and batch size.
 */
export async function benchIndexBuild(db: AppDb) {
	const dir = mkdtempSync(join(tmpdir(), 'aisle-bench-meili-'));
	const key = 'bench-master-key-0123456789abcdef';
	const server = await startMeilisearch({ dir, masterKey: key, logFile: join(dir, 'log') });
	try {
		const meili = createMeiliClient(server.url, key, 600_000);
		const def = loadDefinition(db);
		const currencies = [...new Set([...def.channels.values()].flatMap((c) => c.currencies))];
		const settings = productIndexSettings(def.locales, currencies);

		// Documents for the baseline, built before its clock starts.
		const docs: SearchDocument[][] = [];
		for (const ids of indexableProductBatches(db, BATCH)) docs.push(buildDocuments(db, ids).upserts);
		const total = docs.reduce((n, d) => n + d.length, 0);

		const direct = async () => {
			const uid = `direct_${Date.now()}`;
			const t = performance.now();
			await meili.createIndex(uid, { primaryKey: 'id' }).waitTask();
			await meili.index(uid).updateSettings(settings).waitTask();
			let inFlight: EnqueuedTaskPromise[] = [];
			for (const batch of docs) {
				inFlight.push(meili.index(uid).addDocuments(batch, { primaryKey: 'id' }));
				if (inFlight.length >= 4) await Promise.all(inFlight.splice(0, 2).map((x) => x.waitTask({ timeout: 600_000, interval: 25 })));
			}
			await Promise.all(inFlight.map((x) => x.waitTask({ timeout: 600_000, interval: 25 })));
			inFlight = [];
			const ms = performance.now() - t;
			await meili.deleteIndex(uid).waitTask();
			return ms;
		};
		const viaSync = async () => {
			await meili.deleteIndexIfExists('products');
			const t = performance.now();
			await rebuildIndex({ db, meili }, { batchSize: BATCH });
			return performance.now() - t;
		};

		const d1 = await direct();
		const s1 = await viaSync();
		const stats = await meili.index('products').getStats();
		if (stats.numberOfDocuments !== total) throw new Error(`sync path indexed ${stats.numberOfDocuments} of ${total}`);
		console.log(`\n(b) index build: ${total} products`);
		console.log(`  straight to Meilisearch   ${(d1 / 1000).toFixed(1)} s`);
		console.log(`  through the sync path     ${(s1 / 1000).toFixed(1)} s`);
		console.log(`  ratio (sync / direct): ${(s1 / d1).toFixed(2)}`);
		return { direct: d1, sync: s1, ratio: s1 / d1 };
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
