import type { Statement } from 'better-sqlite3';
import { getTableName, sql } from 'drizzle-orm';
import { analyticsEvent, type AnalyticsKind } from '../db/analytics.schema.ts';
import type { AppDb } from '../db/index.ts';
import { localDay, normalizeQuery } from './normalize.ts';

export type AnalyticsChannel = (typeof analyticsEvent.channel.enumValues)[number];

/** One shopper action as a caller reports it; the recorder adds the time and the store's day. */
export interface AnalyticsInput {
	kind: AnalyticsKind;
	channel: AnalyticsChannel;
	store?: string | null;
	/** The visit's random id (kiosk: drawn afresh at every reset), null when there is none. */
	visit?: string | null;
	/** Search text as typed: the recorder normalizes it, and drops the event when it looks personal. */
	query?: string | null;
	results?: number | null;
	product?: string | null;
	outcome?: string | null;
	at?: Date;
}

export interface RecorderOptions {
	/** How often buffered events are written. */
	flushMs?: number;
	/** A buffer this full is written at once (still after the request that filled it). */
	batchSize?: number;
	/** Events kept per visit; a client looping past this is ignored until its visit ends. */
	maxPerVisit?: number;
	/** Events kept per minute from requests with no visit (phones, other channels). */
	maxAnonymousPerMinute?: number;
	/** A search followed within this time by one that extends or shortens it is the same search still being typed. */
	settleMs?: number;
	/** A visit not seen for this long is forgotten (kiosks reset after a minute or two idle). */
	visitTtlMs?: number;
	/** Visits remembered at once; past this the least recently seen are forgotten. */
	maxVisits?: number;
	/** Events held in memory while the database cannot take them; past this new ones are dropped. */
	maxBuffer?: number;
	log?: (message: string) => void;
}

type Row = Required<Omit<typeof analyticsEvent.$inferInsert, 'id'>>;
interface PendingSearch {
	query: string;
	results: number | null;
	input: AnalyticsInput;
	at: number;
	last: number;
}
interface VisitState {
	count: number;
	lastSeen: number;
	pending: PendingSearch | null;
	/** What this visit already counted: a search repeated, a product page reloaded after adding to cart. */
	seen: Set<string>;
}

const VISIT_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Kinds counted once per visit and product: a page reloaded after adding to the cart is not a new view. */
const ONCE_PER_VISIT: ReadonlySet<AnalyticsKind> = new Set(['product_view', 'view_3d', 'view_ar']);

/** Whether a string can be a visit id (what the kiosk draws); anything else is treated as no visit. */
export function isVisitId(value: unknown): value is string {
	return typeof value === 'string' && VISIT_ID.test(value);
}

/**
 * Buffers shopper actions in memory and writes them in one transaction every `flushMs` or
 * every `batchSize` events, so recording costs a request an array push and never a write.
 * A search is held until the shopper stops typing (a query that the next one extends or
 * shortens within `settleMs` is dropped for it), and each visit is capped, so keystrokes
 * and a looping client cannot flood the table. `stop()` writes what is left.
 */
export class AnalyticsRecorder {
	#buffer: Row[] = [];
	#visits = new Map<string, VisitState>();
	#anonymous = { minute: 0, count: 0 };
	#zones = new Map<string, string>();
	#zonesLoadedAt = 0;
	#timer: NodeJS.Timeout | undefined;
	#soon: NodeJS.Immediate | undefined;
	#dropped = 0;
	#stopped = false;
	#statement: Statement | undefined;
	readonly #o: Required<Omit<RecorderOptions, 'log'>> & Pick<RecorderOptions, 'log'>;

	constructor(
		private db: AppDb,
		options: RecorderOptions = {}
	) {
		this.#o = {
			flushMs: 1000,
			batchSize: 200,
			maxPerVisit: 300,
			maxAnonymousPerMinute: 1200,
			settleMs: 4000,
			visitTtlMs: 2 * 3600_000,
			maxVisits: 20_000,
			maxBuffer: 20_000,
			...options
		};
	}

	start() {
		this.#stopped = false;
		clearInterval(this.#timer);
		this.#timer = setInterval(() => this.tick(), this.#o.flushMs);
		this.#timer.unref();
	}

	/** Stops the timer and writes everything held, searches still settling included. */
	async stop() {
		// A request still finishing during shutdown records nothing more: the database is about to close.
		this.#stopped = true;
		clearInterval(this.#timer);
		this.#timer = undefined;
		if (this.#soon) clearImmediate(this.#soon);
		this.#soon = undefined;
		for (const state of this.#visits.values()) this.#commitPending(state);
		this.flush();
	}

	/** Events waiting to be written (searches still settling not included). */
	get buffered(): number {
		return this.#buffer.length;
	}

	/**
	 * Takes one action; never throws and never touches the database. Returns whether it was
	 * kept (false: personal-looking search text, a repeat in the visit, or over a cap).
	 */
	record(input: AnalyticsInput): boolean {
		if (this.#stopped) return false;
		try {
			return this.#record(input);
		} catch (e) {
			this.#o.log?.(`Analytics: an event was lost: ${e instanceof Error ? e.message : e}`);
			return false;
		}
	}

	#record(input: AnalyticsInput): boolean {
		const now = (input.at ?? new Date()).getTime();
		const visitId = isVisitId(input.visit) ? input.visit : null;
		const query = input.kind === 'search' ? normalizeQuery(input.query) : null;
		if (input.kind === 'search' && !query) return false;
		const event = { ...input, visit: visitId, query, at: new Date(now) };

		if (!visitId) {
			const minute = Math.floor(now / 60_000);
			if (this.#anonymous.minute !== minute) this.#anonymous = { minute, count: 0 };
			if (this.#anonymous.count >= this.#o.maxAnonymousPerMinute) return false;
			this.#anonymous.count++;
			this.#push(event);
			return true;
		}

		const state = this.#visit(visitId, now);
		if (state.count >= this.#o.maxPerVisit) return false;
		if (event.kind === 'search') return this.#search(state, event, query!, now);
		// Any other action ends the typing: the search before it is settled.
		this.#commitPending(state);
		if (ONCE_PER_VISIT.has(event.kind)) {
			const key = `${event.kind}:${event.product ?? ''}`;
			if (state.seen.has(key)) return false;
			state.seen.add(key);
		}
		state.count++;
		this.#push(event);
		return true;
	}

	#search(state: VisitState, event: AnalyticsInput, query: string, now: number): boolean {
		const p = state.pending;
		if (p && now - p.last <= this.#o.settleMs && (query.startsWith(p.query) || p.query.startsWith(query))) {
			p.query = query;
			p.results = event.results ?? null;
			p.input = event;
			p.last = now;
			return true;
		}
		this.#commitPending(state);
		if (state.seen.has(`search:${query}`)) return false;
		state.pending = { query, results: event.results ?? null, input: event, at: now, last: now };
		return true;
	}

	/** Counts the visit's settled search, unless the visit already searched for the same thing. */
	#commitPending(state: VisitState) {
		const p = state.pending;
		if (!p) return;
		state.pending = null;
		const key = `search:${p.query}`;
		if (state.seen.has(key) || state.count >= this.#o.maxPerVisit) return;
		state.seen.add(key);
		state.count++;
		// The time the shopper settled on it, with the answer they saw last.
		this.#push({ ...p.input, query: p.query, results: p.results, at: new Date(p.last) });
	}

	#visit(id: string, now: number): VisitState {
		let state = this.#visits.get(id);
		if (state) this.#visits.delete(id);
		else state = { count: 0, lastSeen: now, pending: null, seen: new Set() };
		state.lastSeen = now;
		// Re-inserted, so the map's order is least recently seen first.
		this.#visits.set(id, state);
		if (this.#visits.size > this.#o.maxVisits) {
			const [oldest, old] = this.#visits.entries().next().value!;
			this.#commitPending(old);
			this.#visits.delete(oldest);
		}
		return state;
	}

	#push(event: AnalyticsInput) {
		if (this.#buffer.length >= this.#o.maxBuffer) {
			// The database has not taken events for a while: losing new ones beats running out of memory.
			if (this.#dropped++ % 1000 === 0) this.#o.log?.('Analytics: the database is not taking events; new ones are being dropped');
			return;
		}
		const at = event.at!;
		this.#buffer.push({
			kind: event.kind,
			at: at.toISOString(),
			// Filled in when written, from the store's time zone.
			day: '',
			store: event.store ?? null,
			channel: event.channel,
			visit: event.visit ?? null,
			query: event.query ?? null,
			results: event.results ?? null,
			product: event.product?.slice(0, 120) ?? null,
			outcome: event.outcome?.slice(0, 40) ?? null
		});
		if (this.#buffer.length >= this.#o.batchSize && !this.#soon) {
			// After the current request, not in it.
			this.#soon = setImmediate(() => {
				this.#soon = undefined;
				this.flush();
			});
		}
	}

	/**
	 * One timer step: settles searches nobody typed on for `settleMs`, forgets visits not seen
	 * for `visitTtlMs`, and writes the buffer.
	 */
	tick(now = new Date()) {
		try {
			const t = now.getTime();
			for (const [id, state] of this.#visits) {
				if (state.pending && t - state.pending.last > this.#o.settleMs) this.#commitPending(state);
				if (t - state.lastSeen > this.#o.visitTtlMs) {
					this.#commitPending(state);
					this.#visits.delete(id);
				}
			}
		} catch (e) {
			this.#o.log?.(`Analytics: ${e instanceof Error ? e.message : e}`);
		}
		this.flush();
	}

	/**
	 * Writes the buffered events in one transaction, each with its day in its store's time
	 * zone; returns how many. On failure they stay buffered for the next try.
	 */
	flush(): number {
		if (!this.#buffer.length) return 0;
		const rows = this.#buffer;
		this.#buffer = [];
		try {
			for (const row of rows) row.day = localDay(new Date(row.at), row.store ? this.#zoneOf(row.store) : null);
			this.#insert(rows);
			return rows.length;
		} catch (e) {
			this.#buffer = rows.concat(this.#buffer).slice(0, this.#o.maxBuffer);
			this.#o.log?.(`Analytics: could not write ${rows.length} events, will retry: ${e instanceof Error ? e.message : e}`);
			return 0;
		}
	}

	/**
	 * One transaction of single-row inserts through one prepared statement: a fraction of the
	 * cost of building a multi-row insert each time, so a batch holds the event loop for
	 * well under a millisecond.
	 */
	#insert(rows: Row[]) {
		this.#statement ??= this.db.$client.prepare(
			`INSERT INTO ${getTableName(analyticsEvent)} (kind, at, day, store, channel, visit, query, results, product, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const insert = this.#statement;
		this.db.$client.transaction(() => {
			for (const r of rows) insert.run(r.kind, r.at, r.day, r.store, r.channel, r.visit, r.query, r.results, r.product, r.outcome);
		})();
	}

	/** A store's time zone, read from the database at most every five minutes or when a new store appears. */
	#zoneOf(code: string): string | null {
		const now = Date.now();
		const age = now - this.#zonesLoadedAt;
		if (age > 300_000 || (!this.#zones.has(code) && age > 1000)) {
			this.#zones = new Map(this.db.all<{ code: string; timezone: string }>(sql`SELECT code, timezone FROM store`).map((s) => [s.code, s.timezone]));
			this.#zonesLoadedAt = now;
		}
		return this.#zones.get(code) ?? null;
	}
}

/** Deletes shopper events older than `days` (by their UTC time); returns how many went. */
export function pruneAnalytics(db: AppDb, days: number, now = new Date()): number {
	const cutoff = new Date(now.getTime() - days * 86400_000).toISOString();
	return db.$client.prepare('DELETE FROM analytics_event WHERE at < ?').run(cutoff).changes;
}
