import { sql } from 'drizzle-orm';
import type { Meilisearch } from 'meilisearch';
import { loadConfig, type AppConfig } from './config.ts';
import { openDatabase, type AppDb } from './db/index.ts';
import { seedDemoCatalog } from './demo/seed.ts';
import { DEMO_STORES } from './demo/stores.ts';
import { DEMO_USERS } from './demo/users.ts';
import { pruneSessions } from './auth.ts';
import { pruneRateLimits } from './rate-limit.ts';
import * as orders from './orders/index.ts';
import { createMailTransport, MailWorker } from './mail/index.ts';
import { AnalyticsRecorder, pruneAnalytics } from './analytics/recorder.ts';
import { demoSetupToken } from './kiosk.ts';
import { createMeiliClient } from './search/client.ts';
import { startMeilisearch, type MeiliProcess } from './search/meili-server.ts';
import { MeiliHealth } from './search/search.ts';
import { catalogId, ensureIndexCurrent, isUnreachable, SearchSyncWorker } from './search/sync.ts';

/** The server's long-lived parts: one per process, shared by every request (no shopper state here). */
export interface AppContext {
	config: AppConfig;
	db: AppDb;
	/** Admin client for indexing (long timeout). */
	meili: Meilisearch;
	/** Client for shopper searches (short timeout, then the degraded search answers). */
	searchMeili: Meilisearch;
	health: MeiliHealth;
	worker: SearchSyncWorker;
	/** Sends the customer messages the orders queue. */
	mailer: MailWorker;
	/** Writes shopper events in batches, off the request path. */
	analytics: AnalyticsRecorder;
	meiliProcess: MeiliProcess | null;
	stop(): Promise<void>;
}

let current: AppContext | null = null;
let starting: Promise<AppContext> | null = null;

/** The running app; throws before start-up finished. */
export function app(): AppContext {
	if (!current) throw new Error('The app has not started');
	return current;
}

const log = (message: string) => console.log(message);

/** Runs a scheduled job; a failure is logged and the next run tries again. */
function guarded(name: string, job: () => unknown) {
	try {
		job();
	} catch (e) {
		console.error(`${name} failed:`, e);
	}
}

/**
 * Everything a start needs, in order: configuration and secrets, migrations, the demo
 * catalog into an empty database, Meilisearch (ours unless MEILI_URL names one), the index
 * brought up to date, and the search sync worker.
 */
export function startApp(): Promise<AppContext> {
	starting ??= (async () => {
		const config = loadConfig();
		const db = openDatabase(config.dbFile, config.root);
		catalogId(db);
		const products = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM product`).n;
		if (products === 0 && config.demoProducts > 0) {
			log(`Loading the demo catalog (${config.demoProducts} products)…`);
			await seedDemoCatalog(db, { products: config.demoProducts, seed: config.demoSeed, mediaDir: config.mediaDir, sessionSecret: config.sessionSecret, analyticsVisitsPerDay: config.demoAnalyticsVisits, log });
		}
		let meiliProcess: MeiliProcess | null = null;
		let url = config.meiliUrl;
		if (!url) {
			meiliProcess = await startMeilisearch({ dir: config.meiliDir, masterKey: config.meiliMasterKey, logFile: `${config.logDir}/meilisearch.log`, port: process.env.MEILI_PORT ? Number(process.env.MEILI_PORT) : undefined });
			url = meiliProcess.url;
			log(`Meilisearch started at ${url}`);
		}
		const meili = createMeiliClient(url, config.meiliMasterKey, 30_000);
		const searchMeili = createMeiliClient(url, config.meiliMasterKey, config.searchTimeoutMs);
		const health = new MeiliHealth();
		let verified = false;
		try {
			await ensureIndexCurrent({ db, meili, log });
			verified = true;
		} catch (e) {
			if (!isUnreachable(e)) throw e;
			health.markDown();
			log(`Meilisearch at ${url} cannot be reached: searching SQLite until it returns (the index is checked then)`);
		}
		const worker = new SearchSyncWorker({ db, meili, log }, config.syncIntervalMs, 500, { verified });
		worker.start();
		const mailTransport = createMailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: config.mailDir });
		const base = config.publicUrl ?? `http://localhost:${config.port}`;
		const mailer = new MailWorker({
			db,
			transport: mailTransport,
			loadOrder: (id) => orders.getOrder(db, id),
			statusUrl: (code) => `${base}/m/o/${orders.statusToken(config.sessionSecret, code)}`,
			retentionDays: () => orders.orderSettings(db).retentionDays,
			log
		});
		mailer.start();
		const analytics = new AnalyticsRecorder(db, { log });
		analytics.start();
		// Unpaid orders release their stock when they expire; customer details go after the retention period.
		const expiry = setInterval(() => guarded('order expiry', () => orders.expireUnpaid(db)), 15_000);
		expiry.unref();
		const housekeeping = setInterval(() => {
			guarded('housekeeping', () => {
				pruneSessions(db);
				pruneRateLimits(db);
				orders.eraseExpiredCustomerData(db);
				pruneAnalytics(db, config.analyticsRetentionDays);
			});
		}, 3600_000);
		housekeeping.unref();
		const ctx: AppContext = {
			config,
			db,
			meili,
			searchMeili,
			health,
			worker,
			mailer,
			analytics,
			meiliProcess,
			async stop() {
				clearInterval(housekeeping);
				clearInterval(expiry);
				await analytics.stop();
				await mailer.stop();
				mailTransport.close();
				await worker.stop();
				await meiliProcess?.stop();
				db.$client.close();
				current = null;
				starting = null;
			}
		};
		current = ctx;
		printAddresses(ctx);
		return ctx;
	})();
	return starting;
}

function printAddresses({ config, db }: AppContext) {
	const base = config.publicUrl ?? `http://localhost:${config.port}`;
	const lines = [`Aisle ${config.version} — data in ${config.dataDir}`, `  Kiosk:       ${base}/`];
	const demoStores = db.all<{ code: string; name: string }>(sql`SELECT code, name FROM store ORDER BY id`);
	const demo = demoStores.filter((s) => DEMO_STORES.some((d) => d.code === s.code));
	if (demo.length) {
		lines.push('  Kiosk setup links (open one on a screen to bind it to that store):');
		for (const s of demo) lines.push(`    ${s.name.padEnd(32)} ${base}/setup?store=${s.code}&token=${demoSetupToken(config.sessionSecret, s.code)}`);
	}
	lines.push(`  PIM:         ${base}/pim`, `  Associate:   ${base}/associate`, `  Admin:       ${base}/admin/users`);
	const demoUsers = db.all<{ email: string }>(sql`SELECT email FROM user WHERE disabled_at IS NULL`).map((u) => u.email);
	const signIns = DEMO_USERS.filter((u) => demoUsers.includes(u.email));
	if (signIns.length) {
		lines.push('  Demo sign-ins (demo catalog only):');
		for (const u of signIns) lines.push(`    ${u.role.padEnd(13)} ${u.email.padEnd(24)} password: ${u.password}`);
	}
	lines.push(`  Search API:  ${base}/api/search?q=chair`, `  Channel API: ${base}/api/v1/openapi.json`, `  Health:      ${base}/api/health`);
	log(lines.join('\n'));
}
