// `npm run export -- <out.csv|out.json> [--family F] [--category C] [--status S] [--q TEXT]
//   [--incomplete CHANNEL] [--missing-locale L] [--has3d yes|no]`
// Writes the products the filters match (all of them without filters) as our CSV or JSON,
// streamed page by page, from the database of AISLE_DATA_DIR (or ./data).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ValidationError } from '../pim/index.ts';
import { exportProductsCsv, exportProductsJson, reasonOf } from '../pim/exchange/index.ts';
import { loadConfig } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		family: { type: 'string' },
		category: { type: 'string' },
		status: { type: 'string' },
		q: { type: 'string' },
		incomplete: { type: 'string' },
		'missing-locale': { type: 'string' },
		has3d: { type: 'string' }
	}
});
const out = positionals[0];
if (!out || !/\.(csv|json)$/i.test(out)) {
	console.error('Usage: npm run export -- <out.csv|out.json> [--family F] [--category C] [--status draft|published|archived] [--q TEXT]');
	process.exit(2);
}
const query = { family: values.family, category: values.category, status: values.status, q: values.q, incomplete: values.incomplete, missingLocale: values['missing-locale'], has3d: values.has3d };
const config = loadConfig();
const db = openDatabase(config.dbFile, config.root);
const started = Date.now();
const file = createWriteStream(out);
let bytes = 0;
try {
	const chunks = /\.json$/i.test(out) ? exportProductsJson(db, { query }) : exportProductsCsv(db, { query });
	for await (const chunk of chunks) {
		bytes += Buffer.byteLength(chunk);
		if (!file.write(chunk)) await once(file, 'drain');
	}
	file.end();
	await once(file, 'finish');
	console.log(`Wrote ${out} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
	if (!(e instanceof ValidationError)) throw e;
	console.error(reasonOf(e));
	process.exitCode = 2;
} finally {
	db.$client.close();
}
