CREATE TABLE `analytics_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`day` text NOT NULL,
	`store` text,
	`channel` text NOT NULL,
	`visit` text,
	`query` text,
	`results` integer,
	`product` text,
	`outcome` text
);
--> statement-breakpoint
CREATE INDEX `analytics_kind_day` ON `analytics_event` (`kind`,`day`,`store`);--> statement-breakpoint
CREATE INDEX `analytics_query` ON `analytics_event` (`kind`,`query`);--> statement-breakpoint
CREATE TABLE `api_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_used_at` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_token_token_hash_unique` ON `api_token` (`token_hash`);--> statement-breakpoint
CREATE TABLE `import_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`author` text NOT NULL,
	`format` text NOT NULL,
	`mode` text NOT NULL,
	`dry_run` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`summary` text,
	`rejected` text,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
ALTER TABLE `inventory` ADD `source_seq` integer;