import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Playwright cannot download browsers here: use CHROMIUM_PATH, else Debian's Chromium, else its own. */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	workers: 1,
	fullyParallel: false,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run',
				'--disable-dev-shm-usage',
				'--enable-unsafe-swiftshader'
			]
		}
	},
	projects: [
		{
			name: 'kiosk',
			// A portrait 1080 × 1920 touchscreen.
			use: { ...devices['Desktop Chrome'], viewport: { width: 1080, height: 1920 }, hasTouch: true }
		}
	],
	webServer: {
		command: 'node tests/e2e/server.js',
		url: `http://127.0.0.1:${PORT}/api/health`,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
		env: { E2E_PORT: String(PORT) }
	}
});
