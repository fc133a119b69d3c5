CREATE TABLE `cart_handoff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`store_id` integer,
	`lines` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `store`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cart_handoff_token_hash_unique` ON `cart_handoff` (`token_hash`);--> statement-breakpoint
CREATE INDEX `cart_handoff_expires` ON `cart_handoff` (`expires_at`);