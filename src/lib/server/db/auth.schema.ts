import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { store } from './store.schema.ts';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Staff roles: merchandisers edit the PIM, associates run stores, admins do both and manage users. */
export const ROLES = ['merchandiser', 'associate', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A member of staff who signs in. Shoppers never have an account. */
export const user = sqliteTable('user', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Lower-cased; what people type to sign in. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	/** The store an associate works in. */
	homeStoreId: integer('home_store_id').references(() => store.id, { onDelete: 'set null' }),
	/** argon2id, PHC string. */
	passwordHash: text('password_hash').notNull(),
	/** argon2id of the associate's kiosk PIN, when one is set. */
	pinHash: text('pin_hash'),
	/** SHA-256 of the secret on the associate's badge QR code. */
	badgeTokenHash: text('badge_token_hash').unique(),
	disabledAt: text('disabled_at'),
	lastSignInAt: text('last_sign_in_at'),
	createdAt: text('created_at').notNull().default(now)
});

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: text('created_at').notNull().default(now),
		/** Milliseconds since the epoch; renewed while the session is used. */
		expiresAt: integer('expires_at').notNull(),
		/** How long the session lasts unused (a kiosk sign-in is shorter than a desk one); null: the default. */
		ttlMs: integer('ttl_ms'),
		userAgent: text('user_agent'),
		address: text('address')
	},
	(t) => [index('session_user').on(t.userId), index('session_expires').on(t.expiresAt)]
);

/**
 * Fixed-window counters for rate limits (sign-in per user and per address, reviews per
 * device). In the database, not in memory, so several server processes share them.
 */
export const rateLimit = sqliteTable('rate_limit', {
	key: text('key').primaryKey(),
	windowStart: integer('window_start').notNull(),
	count: integer('count').notNull()
});
