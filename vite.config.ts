import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'pim/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/setup/meili.global.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		fileParallelism: false
	}
});
