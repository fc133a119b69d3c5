import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small facts the app records about itself, such as which catalog state the search index holds. */
export const appMeta = sqliteTable('app_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
