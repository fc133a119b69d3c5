import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the server reads from its environment, resolved once at start. */
export interface AppConfig {
	/** Project root: where `drizzle/` and `package.json` live. */
	root: string;
	dataDir: string;
	dbFile: string;
	mediaDir: string;
	logDir: string;
	meiliDir: string;
	/** A Meilisearch server to use instead of starting our own. */
	meiliUrl: string | null;
	meiliMasterKey: string;
	sessionSecret: string;
	port: number;
	publicUrl: string | null;
	/** Products in the demo catalog loaded into an empty database; 0 loads none. */
	demoProducts: number;
	demoSeed: number;
	/** Kiosk visits a day in the demo catalog's 30 days of analytics. */
	demoAnalyticsVisits: number;
	/** Days shopper events are kept for the analytics. */
	analyticsRetentionDays: number;
	/** How long a search may wait for Meilisearch before the degraded search answers. */
	searchTimeoutMs: number;
	/** Requests an API token may make per minute. */
	apiRequestsPerMinute: number;
	/** How often the search sync looks for changes. */
	syncIntervalMs: number;
	/** Seconds without a touch before the kiosk warns, and how long the warning lasts. */
	idleSeconds: number;
	idleWarningSeconds: number;
	/** SMTP server for customer messages (smtp:// or smtps:// URL); none writes them to `mailDir`. */
	smtpUrl: string | null;
	mailFrom: string;
	mailDir: string;
	version: string;
}

/** Walks up from this module (source or build) to the folder that holds `drizzle/meta`. */
export function findProjectRoot(): string {
	const starts = [process.env.AISLE_ROOT, dirname(fileURLToPath(import.meta.url)), process.cwd()];
	for (const start of starts) {
		if (!start) continue;
		let dir = resolve(start);
		for (let i = 0; i < 8; i++) {
			if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
			const up = dirname(dir);
			if (up === dir) break;
			dir = up;
		}
	}
	throw new Error('Cannot find the project root (the folder with drizzle/); set AISLE_ROOT');
}

interface Secrets {
	meiliMasterKey: string;
	sessionSecret: string;
}

/** Reads the secrets file of the data directory, creating it (mode 0600) on first start. */
function loadSecrets(dataDir: string): Secrets {
	const file = join(dataDir, 'secrets.json');
	if (!existsSync(file)) {
		const fresh: Secrets = {
			meiliMasterKey: randomBytes(24).toString('base64url'),
			sessionSecret: randomBytes(32).toString('base64url')
		};
		try {
			writeFileSync(file, JSON.stringify(fresh, null, '\t') + '\n', { mode: 0o600, flag: 'wx' });
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process won the race: read theirs
		}
	}
	chmodSync(file, 0o600);
	return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
}

function int(name: string, fallback: number, min = 0): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
	return n;
}

/** Resolves the configuration from the environment and prepares the data directory. */
export function loadConfig(): AppConfig {
	const root = findProjectRoot();
	const dataDir = resolve(process.env.AISLE_DATA_DIR || join(root, 'data'));
	for (const d of ['', 'media', 'logs', 'meili']) mkdirSync(join(dataDir, d), { recursive: true });
	const secrets = loadSecrets(dataDir);
	const meiliUrl = process.env.MEILI_URL?.replace(/\/+$/, '') || null;
	const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
	return {
		root,
		dataDir,
		dbFile: join(dataDir, 'aisle.db'),
		mediaDir: join(dataDir, 'media'),
		logDir: join(dataDir, 'logs'),
		meiliDir: join(dataDir, 'meili'),
		meiliUrl,
		meiliMasterKey: process.env.MEILI_MASTER_KEY || secrets.meiliMasterKey,
		sessionSecret: process.env.SESSION_SECRET || secrets.sessionSecret,
		port: int('PORT', 3000, 1),
		publicUrl: process.env.PUBLIC_URL?.replace(/\/+$/, '') || null,
		demoProducts: int('AISLE_DEMO_PRODUCTS', 1200),
		demoSeed: int('AISLE_DEMO_SEED', 20261122),
		demoAnalyticsVisits: int('AISLE_DEMO_ANALYTICS_VISITS', 40),
		analyticsRetentionDays: int('AISLE_ANALYTICS_RETENTION_DAYS', 400, 1),
		searchTimeoutMs: int('AISLE_SEARCH_TIMEOUT_MS', 800, 50),
		apiRequestsPerMinute: int('AISLE_API_REQUESTS_PER_MINUTE', 600, 1),
		syncIntervalMs: int('AISLE_SYNC_INTERVAL_MS', 250, 10),
		idleSeconds: int('AISLE_IDLE_SECONDS', 60, 1),
		idleWarningSeconds: int('AISLE_IDLE_WARNING_SECONDS', 20, 1),
		smtpUrl: process.env.AISLE_SMTP_URL || null,
		mailFrom: process.env.AISLE_MAIL_FROM || 'Aisle <orders@aisle.local>',
		mailDir: join(dataDir, 'mail'),
		version
	};
}
