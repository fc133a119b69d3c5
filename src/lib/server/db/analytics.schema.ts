import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** What shoppers do, as the analytics count it. Orders and revenue are read from the orders themselves. */
export const ANALYTICS_KINDS = ['search', 'scan', 'product_view', 'view_3d', 'view_ar', 'cart_add', 'order'] as const;
export type AnalyticsKind = (typeof ANALYTICS_KINDS)[number];

/**
 * One shopper action, without personal data: no names, addresses, cookies or IPs; `visit` is a
 * random id a kiosk draws afresh at every reset (or a phone per page load), only to count a funnel.
 */
export const analyticsEvent = sqliteTable(
	'analytics_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		kind: text('kind', { enum: ANALYTICS_KINDS }).notNull(),
		/** When it happened (UTC, ISO 8601) and that day in the store's time zone, YYYY-MM-DD. */
		at: text('at').notNull(),
		day: text('day').notNull(),
		/** Store code, null for phones that came from no store. */
		store: text('store'),
		channel: text('channel', { enum: ['kiosk', 'phone', 'associate', 'api'] }).notNull(),
		visit: text('visit'),
		/** Normalised search text (lower case, single spaces) and how many hits it had. */
		query: text('query'),
		results: integer('results'),
		product: text('product'),
		/** What a scan resolved to: product, variant, unknown. */
		outcome: text('outcome')
	},
	(t) => [index('analytics_kind_day').on(t.kind, t.day, t.store), index('analytics_query').on(t.kind, t.query)]
);

/** Scopes an API token can carry. */
export const API_SCOPES = ['catalog:read', 'stock:read', 'stock:write', 'orders:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A token another channel (web shop, app, till, ERP) uses for /api/v1. Only its SHA-256 is kept. */
export const apiToken = sqliteTable('api_token', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	/** The first characters of the token, shown so people can tell tokens apart. */
	prefix: text('prefix').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull(),
	createdBy: text('created_by').notNull(),
	createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
	lastUsedAt: text('last_used_at'),
	revokedAt: text('revoked_at')
});

/** An import, run in the background: its progress while it runs, and its report after. */
export const importRun = sqliteTable('import_run', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	author: text('author').notNull(),
	/** aisle-csv, aisle-json or akeneo. */
	format: text('format').notNull(),
	/** file: all-or-nothing per file; batch: all-or-nothing per batch of rows. */
	mode: text('mode', { enum: ['file', 'batch'] }).notNull(),
	dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
	status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull().default('queued'),
	/** Rows to process and processed so far, for the progress bar. */
	total: integer('total').notNull().default(0),
	done: integer('done').notNull().default(0),
	/** Counts by outcome: created, updated, unchanged, rejected, per kind of record. */
	summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>(),
	/** Every rejected row: file, line, record code and reason. */
	rejected: text('rejected', { mode: 'json' }).$type<{ file: string; line: number; code: string | null; reason: string }[]>(),
	error: text('error'),
	createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
	finishedAt: text('finished_at')
});
