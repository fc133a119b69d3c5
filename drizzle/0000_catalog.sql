CREATE TABLE `attribute` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`type` text NOT NULL,
	`label` text NOT NULL,
	`localizable` integer DEFAULT false NOT NULL,
	`per_channel` integer DEFAULT false NOT NULL,
	`unit` text,
	`position` integer DEFAULT 0 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attribute_code_unique` ON `attribute` (`code`);--> statement-breakpoint
CREATE TABLE `attribute_option` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attribute_id` integer NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`hex` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`attribute_id`) REFERENCES `attribute`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attribute_option_code` ON `attribute_option` (`attribute_id`,`code`);--> statement-breakpoint
CREATE TABLE `category` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`parent_id` integer,
	`label` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `category`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `category_code_unique` ON `category` (`code`);--> statement-breakpoint
CREATE INDEX `category_parent` ON `category` (`parent_id`);--> statement-breakpoint
CREATE TABLE `channel` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`locales` text NOT NULL,
	`currencies` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `family` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `family_code_unique` ON `family` (`code`);--> statement-breakpoint
CREATE TABLE `family_attribute` (
	`family_id` integer NOT NULL,
	`attribute_id` integer NOT NULL,
	`level` integer DEFAULT 0 NOT NULL,
	`axis` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`family_id`, `attribute_id`),
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attribute_id`) REFERENCES `attribute`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `family_requirement` (
	`family_id` integer NOT NULL,
	`attribute_id` integer NOT NULL,
	`channel` text NOT NULL,
	PRIMARY KEY(`family_id`, `attribute_id`, `channel`),
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attribute_id`) REFERENCES `attribute`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`channel`) REFERENCES `channel`(`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `locale` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`fallback` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `price` (
	`variant_id` integer NOT NULL,
	`currency` text NOT NULL,
	`amount` integer NOT NULL,
	`sale_amount` integer,
	`sale_start` text,
	`sale_end` text,
	PRIMARY KEY(`variant_id`, `currency`),
	FOREIGN KEY (`variant_id`) REFERENCES `variant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `product` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`family_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`values` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_code_unique` ON `product` (`code`);--> statement-breakpoint
CREATE INDEX `product_family` ON `product` (`family_id`);--> statement-breakpoint
CREATE INDEX `product_status` ON `product` (`status`);--> statement-breakpoint
CREATE TABLE `product_category` (
	`product_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	PRIMARY KEY(`product_id`, `category_id`),
	FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `category`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `product_category_category` ON `product_category` (`category_id`);--> statement-breakpoint
CREATE TABLE `variant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`parent_id` integer,
	`level` integer NOT NULL,
	`code` text NOT NULL,
	`sellable` integer NOT NULL,
	`gtin` text,
	`axes` text NOT NULL,
	`values` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `variant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `variant_code_unique` ON `variant` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `variant_gtin_unique` ON `variant` (`gtin`);--> statement-breakpoint
CREATE INDEX `variant_product` ON `variant` (`product_id`);--> statement-breakpoint
CREATE INDEX `variant_parent` ON `variant` (`parent_id`);--> statement-breakpoint
CREATE TABLE `completeness` (
	`product_id` integer NOT NULL,
	`channel` text NOT NULL,
	`locale` text NOT NULL,
	`required` integer NOT NULL,
	`ratio` integer NOT NULL,
	`missing` text NOT NULL,
	PRIMARY KEY(`product_id`, `channel`, `locale`),
	FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `completeness_filter` ON `completeness` (`channel`,`locale`,`ratio`);--> statement-breakpoint
CREATE TABLE `product_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`previous` text,
	`author` text NOT NULL,
	`comment` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_version_product` ON `product_version` (`product_id`,`revision`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`checksum` text NOT NULL,
	`file` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_checksum` ON `media` (`kind`,`checksum`);--> statement-breakpoint
CREATE TABLE `product_media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`variant_id` integer,
	`media_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`alt` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`variant_id`) REFERENCES `variant`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `product_media_product` ON `product_media` (`product_id`);--> statement-breakpoint
CREATE TABLE `review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`rating` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`nickname` text NOT NULL,
	`locale` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reject_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `product`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_product` ON `review` (`product_id`,`status`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`entity_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`available_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`processed_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`processed_at`,`available_at`);--> statement-breakpoint
CREATE INDEX `outbox_entity` ON `outbox` (`topic`,`entity_id`);--> statement-breakpoint
CREATE TABLE `product_search_text` (
	`product_id` integer PRIMARY KEY NOT NULL,
	`names` text NOT NULL,
	`brand` text NOT NULL,
	`skus` text NOT NULL,
	`gtins` text NOT NULL,
	`categories` text NOT NULL,
	`category_ids` text NOT NULL,
	`channels` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kiosk_device` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`name` text NOT NULL,
	`user_agent` text,
	`app_version` text,
	`last_seen_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`store_id`) REFERENCES `store`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosk_device_token_hash_unique` ON `kiosk_device` (`token_hash`);--> statement-breakpoint
CREATE INDEX `kiosk_device_store` ON `kiosk_device` (`store_id`);--> statement-breakpoint
CREATE TABLE `kiosk_setup_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`store_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`label` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`store_id`) REFERENCES `store`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosk_setup_link_token_hash_unique` ON `kiosk_setup_link` (`token_hash`);--> statement-breakpoint
CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inventory` (
	`location_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`on_hand` integer DEFAULT 0 NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	`aisle` text,
	`bay` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`location_id`, `variant_id`),
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`variant_id`) REFERENCES `variant`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "inventory_non_negative" CHECK("inventory"."on_hand" >= 0 AND "inventory"."reserved" >= 0 AND "inventory"."reserved" <= "inventory"."on_hand")
);
--> statement-breakpoint
CREATE INDEX `inventory_variant` ON `inventory` (`variant_id`);--> statement-breakpoint
CREATE TABLE `location` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`store_id` integer,
	`name` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`ships` integer DEFAULT false NOT NULL,
	`safety_stock` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `store`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `location_code_unique` ON `location` (`code`);--> statement-breakpoint
CREATE TABLE `store` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`street` text NOT NULL,
	`city` text NOT NULL,
	`region` text,
	`postal_code` text NOT NULL,
	`country` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`currency` text NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`tax_included` integer DEFAULT false NOT NULL,
	`timezone` text NOT NULL,
	`opening_hours` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `store_code_unique` ON `store` (`code`);