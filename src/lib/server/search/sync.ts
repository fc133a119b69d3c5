import { randomUUID } from 'node:crypto';
import { asc, gt, ne, sql } from 'drizzle-orm';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type EnqueuedTaskPromise, type Meilisearch } from 'meilisearch';
import {
	claimOutbox,
	completeOutbox,
	enqueueSaleBoundaries,
	loadDefinition,
	outboxHighWater,
	pendingOutboxCount,
	productSearchViews,
	productsChangedSince,
	pruneOutbox,
	releaseOutbox
} from '$pim';
import { productSearchText } from '$pim/search/search.schema.ts';
import type { AppDb } from '../db/index.ts';
import { deleteMeta, getMeta, setMeta } from '../db/meta.ts';
import { availabilityOf } from '../inventory.ts';
import { PRODUCTS_INDEX } from './client.ts';
import { DOCUMENT_VERSION, toSearchDocument, type SearchDocument } from './documents.ts';
import { channelCurrencies, productIndexSettings, settingsHash } from './settings.ts';
import { tunedSettings } from './tuning.ts';

/** Index holding one record: which catalog, document version and settings the live index was built from. */
const STATE_INDEX = 'aisle_state';
const REBUILD_TARGET = 'search.rebuildTarget';
const TASK_TIMEOUT_MS = 120_000;

export interface SyncDeps {
	db: AppDb;
	meili: Meilisearch;
	log?: (message: string) => void;
}

interface IndexState {
	id: string;
	catalogId: string;
	documentVersion: number;
	settingsHash: string;
	builtAt: string;
}

/** Whether an error means Meilisearch could not be reached (as opposed to rejecting what we sent). */
export function isUnreachable(e: unknown): boolean {
	return (
		e instanceof MeilisearchRequestError ||
		e instanceof MeilisearchRequestTimeOutError ||
		(e instanceof Error && /ECONNREFUSED|ECONNRESET|fetch failed|aborted|timed? ?out/i.test(`${e.message} ${String(e.cause ?? '')}`))
	);
}

/** The catalog's identity: a random id made once per database, so an index built from another database is never trusted. */
export function catalogId(db: AppDb): string {
	let id = getMeta(db, 'catalog.id');
	if (!id) {
		id = randomUUID();
		setMeta(db, 'catalog.id', id);
	}
	return id;
}

/** Settings from the catalog's definition plus the search tuning in force: a tuning change alters the hash, so a start updates settings (no rebuild). */
function currentSettings(db: AppDb) {
	const def = loadDefinition(db);
	const settings = productIndexSettings(def.locales, channelCurrencies(def.channels.values()), tunedSettings(db));
	return { settings, hash: settingsHash(settings) };
}

/** Documents for the given products: those visible on some channel to upsert, the rest to delete. */
export function buildDocuments(db: AppDb, ids: number[]): { upserts: SearchDocument[]; deletes: number[] } {
	const def = loadDefinition(db);
	const views = productSearchViews(db, def, ids);
	const availability = availabilityOf(db, ids);
	const upserts = views.filter((v) => v.channels.length > 0).map((v) => toSearchDocument(v, availability.get(v.id)));
	const kept = new Set(upserts.map((d) => d.id));
	return { upserts, deletes: ids.filter((id) => !kept.has(id)) };
}

async function waitAll(tasks: EnqueuedTaskPromise[]) {
	const done = await Promise.all(tasks.map((t) => t.waitTask({ timeout: TASK_TIMEOUT_MS, interval: 25 })));
	const failed = done.find((t) => t.status !== 'succeeded');
	if (failed) throw new Error(`Meilisearch task ${failed.uid} ${failed.status}: ${failed.error?.message ?? ''}`);
}

/** Sends upserts and deletions to an index and waits until Meilisearch has applied them. */
export async function pushDocuments(meili: Meilisearch, indexUid: string, upserts: SearchDocument[], deletes: number[]) {
	const index = meili.index(indexUid);
	const tasks: EnqueuedTaskPromise[] = [];
	if (upserts.length) tasks.push(index.addDocuments(upserts, { primaryKey: 'id' }));
	if (deletes.length) tasks.push(index.deleteDocuments(deletes));
	await waitAll(tasks);
}

async function readState(meili: Meilisearch): Promise<IndexState | null> {
	try {
		return (await meili.index(STATE_INDEX).getDocument(PRODUCTS_INDEX)) as unknown as IndexState;
	} catch (e) {
		if (e instanceof MeilisearchApiError && e.response.status === 404) return null;
		throw e;
	}
}

async function writeState(meili: Meilisearch, state: IndexState) {
	await waitAll([meili.index(STATE_INDEX).addDocuments([state as unknown as Record<string, unknown>], { primaryKey: 'id' })]);
}

/** Ids of the products that belong in the index, in batches, by id. */
export function* indexableProductBatches(db: AppDb, batchSize: number): Generator<number[]> {
	for (let lastId = 0; ; ) {
		const ids = db
			.select({ id: productSearchText.productId })
			.from(productSearchText)
			.where(sql`${gt(productSearchText.productId, lastId)} AND ${ne(productSearchText.channels, ',,')}`)
			.orderBy(asc(productSearchText.productId))
			.limit(batchSize)
			.all()
			.map((r) => r.id);
		if (ids.length === 0) return;
		lastId = ids[ids.length - 1];
		yield ids;
	}
}

/** Number of products that belong in the index (visible on at least one channel). */
export function expectedDocumentCount(db: AppDb): number {
	return db.select({ n: sql<number>`count(*)` }).from(productSearchText).where(ne(productSearchText.channels, ',,')).get()?.n ?? 0;
}

/**
 * Builds a fresh index from the database next to the live one and swaps it in, so search
 * never sees an empty or half-built index. Changes made while it builds are replayed
 * before the swap, and the worker writes to both indexes meanwhile.
 */
export async function rebuildIndex(deps: SyncDeps, opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {}) {
	const { db, meili } = deps;
	const batchSize = opts.batchSize ?? 2000;
	const { settings, hash } = currentSettings(db);
	const target = `${PRODUCTS_INDEX}_build_${Date.now()}`;
	await waitAll([meili.createIndex(target, { primaryKey: 'id' })]);
	await waitAll([meili.index(target).updateSettings(settings)]);
	setMeta(db, REBUILD_TARGET, target);
	try {
		const highWater = outboxHighWater(db);
		const total = expectedDocumentCount(db);
		let done = 0;
		let inFlight: EnqueuedTaskPromise[] = [];
		for (const ids of indexableProductBatches(db, batchSize)) {
			const { upserts } = buildDocuments(db, ids);
			if (upserts.length) inFlight.push(meili.index(target).addDocuments(upserts, { primaryKey: 'id' }));
			done += ids.length;
			opts.onProgress?.(done, total);
			// Keep a bounded number of batches queued so memory stays flat on big catalogs.
			if (inFlight.length >= 4) {
				await waitAll(inFlight.splice(0, 2));
			}
		}
		await waitAll(inFlight);
		inFlight = [];
		const changed = productsChangedSince(db, highWater);
		if (changed.length) {
			const { upserts, deletes } = buildDocuments(db, changed);
			await pushDocuments(meili, target, upserts, deletes);
		}
		// Search tuning applied while this index was building went to the live one only.
		const latest = currentSettings(db);
		if (latest.hash !== hash) await waitAll([meili.index(target).updateSettings(latest.settings)]);
		try {
			await meili.getIndex(PRODUCTS_INDEX);
		} catch (e) {
			if (!(e instanceof MeilisearchApiError && e.response.status === 404)) throw e;
			await waitAll([meili.createIndex(PRODUCTS_INDEX, { primaryKey: 'id' })]);
		}
		await waitAll([meili.swapIndexes([{ indexes: [PRODUCTS_INDEX, target], rename: false }])]);
		await writeState(meili, {
			id: PRODUCTS_INDEX,
			catalogId: catalogId(db),
			documentVersion: DOCUMENT_VERSION,
			settingsHash: latest.hash,
			builtAt: new Date().toISOString()
		});
	} finally {
		deleteMeta(db, REBUILD_TARGET);
		await meili.deleteIndexIfExists(target).catch(() => undefined);
	}
}

/**
 * Brings the index up to date at start: rebuilds it when it is missing, was built from
 * another database or an older document shape, or has lost documents; updates settings
 * that changed. Pending changes are left to the worker.
 */
export async function ensureIndexCurrent(deps: SyncDeps): Promise<'rebuilt' | 'current'> {
	const { db, meili, log = () => {} } = deps;
	const state = await readState(meili);
	const { settings, hash } = currentSettings(db);
	let reason: string | null = null;
	let stats: { numberOfDocuments: number } | null = null;
	try {
		stats = await meili.index(PRODUCTS_INDEX).getStats();
	} catch (e) {
		if (!(e instanceof MeilisearchApiError && e.response.status === 404)) throw e;
	}
	if (!stats) reason = 'the index is missing';
	else if (!state || state.catalogId !== catalogId(db)) reason = 'the index was built from another catalog';
	else if (state.documentVersion !== DOCUMENT_VERSION) reason = 'the document format changed';
	else if (pendingOutboxCount(db) === 0 && stats.numberOfDocuments !== expectedDocumentCount(db))
		reason = `the index holds ${stats.numberOfDocuments} products, the catalog ${expectedDocumentCount(db)}`;
	if (reason) {
		log(`Rebuilding the search index: ${reason}`);
		const started = Date.now();
		let lastReport = 0;
		await rebuildIndex(deps, {
			onProgress(done, total) {
				if (Date.now() - lastReport > 2000 || done >= total) {
					lastReport = Date.now();
					log(`  indexed ${done} of ${total} products`);
				}
			}
		});
		log(`Search index rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return 'rebuilt';
	}
	if (state && state.settingsHash !== hash) {
		log('Updating search index settings');
		await waitAll([meili.index(PRODUCTS_INDEX).updateSettings(settings)]);
		await writeState(meili, { ...state, settingsHash: hash });
	}
	return 'current';
}

/**
 * Pushes outbox changes to Meilisearch: claims due rows with a lease, coalesces them per
 * product, and marks them done only once Meilisearch has applied them. While Meilisearch
 * is unreachable it keeps the rows and retries every `intervalMs` up to once a second, so an
 * edit made meanwhile is searchable moments after it returns.
 */
export class SearchSyncWorker {
	readonly owner = `sync-${process.pid}-${randomUUID().slice(0, 8)}`;
	#timer: NodeJS.Timeout | undefined;
	#running: Promise<void> | null = null;
	#stopped = true;
	#failures = 0;
	#lastPrune = 0;
	/** Whether the last attempt reached Meilisearch. */
	healthy = true;
	/** Whether the index was checked since Meilisearch was last unreachable (it may have come back empty). */
	#verified: boolean;

	constructor(
		private deps: SyncDeps,
		private intervalMs = 250,
		private batchSize = 500,
		opts: { verified?: boolean } = {}
	) {
		this.#verified = opts.verified ?? false;
	}

	start() {
		this.#stopped = false;
		this.#schedule(0);
	}

	async stop() {
		this.#stopped = true;
		clearTimeout(this.#timer);
		await this.#running;
	}

	#schedule(ms: number) {
		if (this.#stopped) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#running = this.runOnce()
				.then((n) => {
					this.#failures = 0;
					this.#schedule(n >= this.batchSize ? 0 : this.intervalMs);
				})
				.catch((e) => {
					this.#failures++;
					if (this.#failures === 1 || this.#failures % 60 === 0) this.deps.log?.(`Search sync: ${e instanceof Error ? e.message : e}`);
					this.#schedule(Math.min(1000, this.intervalMs * 2 ** this.#failures));
				})
				.finally(() => (this.#running = null));
		}, ms);
	}

	/** Processes one batch; returns how many outbox rows it handled. */
	async runOnce(): Promise<number> {
		const { db, meili } = this.deps;
		if (Date.now() - this.#lastPrune > 3600_000) {
			this.#lastPrune = Date.now();
			pruneOutbox(db);
		}
		const today = new Date().toISOString().slice(0, 10);
		if (getMeta(db, 'search.salesCheckedFor') !== today) {
			setMeta(db, 'search.salesCheckedFor', today);
			enqueueSaleBoundaries(db, today);
		}
		if (!this.#verified) {
			try {
				await ensureIndexCurrent(this.deps);
				this.#verified = true;
			} catch (e) {
				this.healthy = !isUnreachable(e);
				throw e;
			}
		}
		const batch = claimOutbox(db, this.owner, this.batchSize);
		if (batch.rowIds.length === 0) return 0;
		try {
			const { upserts, deletes } = buildDocuments(db, batch.productIds);
			const targets = [PRODUCTS_INDEX];
			const rebuilding = getMeta(db, REBUILD_TARGET);
			if (rebuilding) targets.push(rebuilding);
			await Promise.all(targets.map((t) => pushDocuments(meili, t, upserts, deletes)));
			completeOutbox(db, this.owner, batch.rowIds);
			this.healthy = true;
			return batch.rowIds.length;
		} catch (e) {
			const unreachable = isUnreachable(e);
			this.healthy = !unreachable;
			if (unreachable) this.#verified = false;
			releaseOutbox(db, this.owner, batch.rowIds, e instanceof Error ? e.message : String(e), !unreachable);
			throw e;
		}
	}
}
