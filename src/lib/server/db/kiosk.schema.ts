import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { store } from './store.schema.ts';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** A secret link that binds a screen to a store; only its hash is stored. */
export const kioskSetupLink = sqliteTable('kiosk_setup_link', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	storeId: integer('store_id')
		.notNull()
		.references(() => store.id, { onDelete: 'cascade' }),
	tokenHash: text('token_hash').notNull().unique(),
	label: text('label').notNull(),
	createdAt: text('created_at').notNull().default(now),
	revokedAt: text('revoked_at')
});

/** A screen that opened a setup link; its cookie holds a random token whose hash is stored here. */
export const kioskDevice = sqliteTable(
	'kiosk_device',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		storeId: integer('store_id')
			.notNull()
			.references(() => store.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		name: text('name').notNull(),
		userAgent: text('user_agent'),
		appVersion: text('app_version'),
		lastSeenAt: text('last_seen_at'),
		createdAt: text('created_at').notNull().default(now),
		revokedAt: text('revoked_at')
	},
	(t) => [index('kiosk_device_store').on(t.storeId)]
);
