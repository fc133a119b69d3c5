import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string, exts: string[]): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return files(p, exts);
		return exts.some((e) => name.endsWith(e)) ? [p] : [];
	});
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ typeOnly: !!m[1], from: m[2] }));

describe('module boundaries', () => {
	it('pim/ is framework-free: no SvelteKit, $app, $env or $lib imports', () => {
		const offenders = files(join(root, 'pim'), ['.ts'])
			.flatMap((f) => importsOf(f).filter((i) => /^(@sveltejs\/kit|\$app|\$env|\$lib)/.test(i.from)).map((i) => `${relative(root, f)} → ${i.from}`));
		expect(offenders).toEqual([]);
	});

	it('browser code imports only types from $pim (values would pull drizzle into the kiosk bundle)', () => {
		const browser = [...files(join(root, 'src/routes'), ['.svelte', '.ts']), ...files(join(root, 'src/lib'), ['.svelte', '.ts'])].filter(
			(f) => !f.includes('/server/') && !/\+(page|layout)\.server\.ts$|\+server\.ts$|hooks\.server\.ts$/.test(f) && !f.endsWith('.test.ts')
		);
		expect(browser.length).toBeGreaterThan(3);
		const offenders = browser.flatMap((f) => importsOf(f).filter((i) => i.from.startsWith('$pim') && !i.typeOnly).map((i) => `${relative(root, f)} → ${i.from}`));
		expect(offenders).toEqual([]);
	});
});
