// `npm run seed -- --products 100000 [--fresh]`: loads the demo catalog, with as many
// products as asked, into an empty database (the data directory of AISLE_DATA_DIR or ./data).
// --fresh first deletes that database (and so, at the next start, rebuilds the index).
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { seedDemoCatalog } from '../src/lib/server/demo/seed.ts';

const { values } = parseArgs({
	options: { products: { type: 'string', default: '1200' }, seed: { type: 'string' }, fresh: { type: 'boolean', default: false } }
});
const products = Number(values.products);
if (!Number.isInteger(products) || products < 1 || products > 1_000_000) {
	console.error('--products must be a whole number from 1 to 1,000,000');
	process.exit(2);
}
const config = loadConfig();
if (values.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.dbFile}${suffix}`, { force: true });
const db = openDatabase(config.dbFile, config.root);
const existing = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product`).n;
if (existing > 0) {
	console.error(`The database in ${config.dataDir} already holds ${existing} products; use --fresh to replace it.`);
	process.exit(1);
}
const started = Date.now();
await seedDemoCatalog(db, {
	products,
	seed: values.seed ? Number(values.seed) : config.demoSeed,
	mediaDir: config.mediaDir,
	sessionSecret: config.sessionSecret,
	log: (m) => console.log(m)
});
db.$client.close();
console.log(`Seeded ${products} products in ${((Date.now() - started) / 1000).toFixed(1)} s. The next start builds the search index.`);
