// Starts the built app for the end-to-end tests: its own temporary data directory, a
// small demo catalog, its own Meilisearch and a fixed session secret (so tests can make
// the demo kiosk setup links). The directory is removed when the server stops.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'aisle-e2e-'));
const port = process.env.E2E_PORT ?? '4173';
Object.assign(process.env, {
	AISLE_ROOT: root,
	AISLE_DATA_DIR: dataDir,
	AISLE_DEMO_PRODUCTS: process.env.AISLE_DEMO_PRODUCTS ?? '300',
	// The analytics tests look for their own events: no invented history around them.
	AISLE_DEMO_ANALYTICS_VISITS: '0',
	SESSION_SECRET: 'e2e-session-secret-not-for-production',
	// Short enough to wait out in a test, long enough not to interrupt the others.
	AISLE_IDLE_SECONDS: process.env.AISLE_IDLE_SECONDS ?? '20',
	AISLE_IDLE_WARNING_SECONDS: process.env.AISLE_IDLE_WARNING_SECONDS ?? '5',
	PORT: port,
	HOST: '127.0.0.1',
	ORIGIN: `http://127.0.0.1:${port}`
});
if (!process.env.E2E_KEEP_DATA) process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
// Uploads: 3D models up to 30 MB and images up to 20 MB (the routes check the exact limits;
// adapter-node's own default refuses any body over 512 KB).
process.env.BODY_SIZE_LIMIT ??= '31M';
await import(pathToFileURL(join(root, 'build', 'index.js')).href);
