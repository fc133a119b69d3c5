import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The kiosk's language lives in a cookie the idle reset clears; the fallback is English.
			strategy: ['cookie', 'baseLocale'],
			cookieName: 'aisle_lang'
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'pim/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/setup/meili.global.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		fileParallelism: false
	}
});
