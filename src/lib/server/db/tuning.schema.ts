import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Each version of the search tuning a merchandiser applied (synonyms, stop words, ranking
 * rules, typo tolerance), with the Meilisearch task that applied it. The latest row is what
 * the index should have; the one before it is what "revert" goes back to.
 */
export const searchTuning = sqliteTable('search_tuning', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	settings: text('settings', { mode: 'json' }).$type<unknown>().notNull(),
	author: text('author').notNull(),
	comment: text('comment'),
	taskUid: integer('task_uid'),
	/** enqueued, processing, succeeded, failed or canceled, as Meilisearch reports. */
	taskStatus: text('task_status'),
	taskError: text('task_error'),
	createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
});
