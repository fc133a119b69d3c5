// `npm run bench [-- --products 100000 --rounds 5]`: seeds (once, cached in .bench/) a
// catalog of that size, then prints (b) the index-build ratio, (d) the PIM product list's
// response times, (a) the search ratio and order placement under concurrency.
// `--only seed|build|list|search|api|kiosk|scan3d|orders|exchange` runs one.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { findProjectRoot } from '../src/lib/server/config.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { seedDemoCatalog } from '../src/lib/server/demo/seed.ts';
import { benchApi } from './api.ts';
import { benchExchange } from './exchange.ts';
import { benchIndexBuild } from './index-build.ts';
import { benchKiosk } from './kiosk.ts';
import { benchOrders } from './orders.ts';
import { benchProductList } from './product-list.ts';
import { benchScan3d } from './scan-3d.ts';
import { benchSearch } from './search.ts';

const { values } = parseArgs({
	options: {
		products: { type: 'string', default: '100000' },
		rounds: { type: 'string', default: '5' },
		only: { type: 'string' }
	}
});
const products = Number(values.products);
const root = findProjectRoot();
// Orders bring their own small catalog: no need to seed (or wait for) the big one.
if (values.only === 'orders') {
	await benchOrders({ root });
	process.exit(0);
}
// Import and export write catalogs of their own.
if (values.only === 'exchange') {
	await benchExchange({ root, products, akeneo: true });
	process.exit(0);
}
// Scanning and the 3D viewer use a small demo catalog of their own too.
if (values.only === 'scan3d') {
	await benchScan3d({ root, port: 4296, rounds: Number(values.rounds) });
	process.exit(0);
}
const dataDir = resolve(root, '.bench', `catalog-${products}`);
mkdirSync(join(dataDir, 'media'), { recursive: true });

const db = openDatabase(join(dataDir, 'aisle.db'), root);
const have = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product`).n;
if (have === 0) {
	console.log(`Seeding ${products} products into ${dataDir} (once; later runs reuse it)…`);
	const t = Date.now();
	await seedDemoCatalog(db, { products, seed: 7, mediaDir: join(dataDir, 'media'), sessionSecret: 'bench', log: (m) => console.log(m) });
	console.log(`Seeded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

if (values.only === 'seed') process.exit(0);
if (values.only === undefined || values.only === 'build') await benchIndexBuild(db);
if (values.only === undefined || values.only === 'list')
	await benchProductList({ source: db, sourceFile: join(dataDir, 'aisle.db'), root, products, rounds: Number(values.rounds), port: 4294 });
db.$client.close();
if (values.only === 'list') process.exit(0);
if (!existsSync(join(root, 'build', 'index.js'))) throw new Error('Build the app first: npm run build');
if (values.only === undefined || values.only === 'search') await benchSearch({ root, dataDir, port: 4290, rounds: Number(values.rounds) });
if (values.only === undefined || values.only === 'api') await benchApi({ root, dataDir, port: 4298, rounds: Number(values.rounds) });
if (values.only === undefined || values.only === 'kiosk') await benchKiosk({ root, port: 4292 });
if (values.only === undefined) await benchScan3d({ root, port: 4296, rounds: Number(values.rounds) });
if (values.only === undefined) await benchOrders({ root });
if (values.only === undefined) await benchExchange({ root, products, akeneo: true });
