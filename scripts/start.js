// `npm start`: builds the app when the build is missing or older than the sources,
// then runs the production server in this process. Everything else a first start
// needs (data directory, secrets, migrations, demo catalog, Meilisearch, the index)
// happens in the server's init hook, so `node build` alone behaves the same.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'build', 'index.js');
const sources = ['src', 'pim', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let max = s.mtimeMs;
	for (const name of readdirSync(path)) {
		if (name.endsWith('.test.ts')) continue;
		max = Math.max(max, newest(join(path, name)));
	}
	return max;
}

const built = existsSync(entry) ? statSync(entry).mtimeMs : 0;
const changed = Math.max(...sources.map((s) => newest(join(root, s))));
if (built < changed) {
	console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.AISLE_ROOT ??= root;
// adapter-node assumes https unless told its origin; form posts (CSRF-checked against the
// origin) need the address screens really use: PUBLIC_URL, else this machine's localhost.
process.env.ORIGIN ??= process.env.PUBLIC_URL?.replace(/\/+$/, '') || `http://localhost:${process.env.PORT || 3000}`;
// Uploads: 3D models up to 30 MB and images up to 20 MB (the routes check the exact limits;
// adapter-node's own default refuses any body over 512 KB).
process.env.BODY_SIZE_LIMIT ??= '31M';
await import(pathToFileURL(entry).href);
