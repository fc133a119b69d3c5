// `npm run reindex`: builds a fresh search index from the database next to the live one
// and swaps it in, printing progress. Safe while the app runs.
import { rebuildIndex } from '../src/lib/server/search/sync.ts';
import { connect } from './connect.ts';

const { db, meili, close } = await connect();
const started = Date.now();
let last = 0;
try {
	await rebuildIndex(
		{ db, meili },
		{
			onProgress(done, total) {
				if (Date.now() - last > 1000 || done >= total) {
					last = Date.now();
					process.stdout.write(`\rIndexed ${done} of ${total} products (${Math.round((done / Math.max(total, 1)) * 100)} %)`);
				}
			}
		}
	);
	console.log(`\nSwapped in the new index in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
	await close();
}
