import { loadConfig } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { createMeiliClient } from '../src/lib/server/search/client.ts';
import { runningMeiliUrl, startMeilisearch, type MeiliProcess } from '../src/lib/server/search/meili-server.ts';

/**
 * For command-line scripts: the database, and the Meilisearch the app uses — MEILI_URL, or
 * the one the running app started on this data directory, or one started just for the script.
 */
export async function connect() {
	const config = loadConfig();
	const db = openDatabase(config.dbFile, config.root);
	let own: MeiliProcess | null = null;
	let url = config.meiliUrl ?? runningMeiliUrl(config.meiliDir);
	if (!url) {
		own = await startMeilisearch({ dir: config.meiliDir, masterKey: config.meiliMasterKey, logFile: `${config.logDir}/meilisearch.log` });
		url = own.url;
	}
	const meili = createMeiliClient(url, config.meiliMasterKey, 60_000);
	return {
		config,
		db,
		meili,
		async close() {
			await own?.stop();
			db.$client.close();
		}
	};
}
