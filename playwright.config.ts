import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cameraFile, SAMPLES, type SampleName } from './tests/e2e/camera.ts';

/** Playwright cannot download browsers here: use CHROMIUM_PATH, else Debian's Chromium, else its own. */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const PORT = Number(process.env.E2E_PORT ?? 4173);
const LAUNCH_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	'--disable-dev-shm-usage',
	'--enable-unsafe-swiftshader'
];
/** A portrait 1080 × 1920 touchscreen. */
const KIOSK_SCREEN = { ...devices['Desktop Chrome'], viewport: { width: 1080, height: 1920 }, hasTouch: true };

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
			args: LAUNCH_ARGS
		}
	},
	// Writes the scanner tests' fake camera files before any browser launches.
	globalSetup: './tests/e2e/camera.ts',
	projects: [
		{
			name: 'kiosk',
			testIgnore: 'scanner.e2e.ts',
			use: KIOSK_SCREEN
		},
		{
			name: 'kiosk-no-camera',
			testMatch: 'scanner.e2e.ts',
			grep: /no camera/,
			use: KIOSK_SCREEN
		},
		// Chromium's fake camera plays one file per launch: one project per code image.
		...(Object.keys(SAMPLES) as SampleName[]).map((name) => ({
			name,
			testMatch: 'scanner.e2e.ts',
			grep: new RegExp(`@${name}\\b`),
			use: {
				...KIOSK_SCREEN,
				permissions: ['camera'],
				launchOptions: {
					executablePath,
					args: [...LAUNCH_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${cameraFile(name)}`]
				}
			}
		}))
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
