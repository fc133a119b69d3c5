import type {} from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMeilisearch } from '../../src/lib/server/search/meili-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		meiliUrl: string;
		meiliKey: string;
		meiliDir: string;
	}
}

/** Starts one real Meilisearch for the whole test run, on a free port with a temporary data directory. */
export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'aisle-test-meili-'));
	const key = 'test-master-key-0123456789abcdef';
	const meili = await startMeilisearch({ dir, masterKey: key, logFile: join(dir, 'meili.log') });
	project.provide('meiliUrl', meili.url);
	project.provide('meiliKey', key);
	project.provide('meiliDir', dir);
	return async () => {
		await meili.stop();
		rmSync(dir, { recursive: true, force: true });
	};
}
