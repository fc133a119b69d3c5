CREATE TABLE `cart` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`store_id` integer,
	`associate_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `store`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`associate_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cart_token_hash_unique` ON `cart` (`token_hash`);--> statement-breakpoint
CREATE INDEX `cart_updated` ON `cart` (`updated_at`);--> statement-breakpoint
CREATE TABLE `cart_line` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cart_id` integer NOT NULL,
	`variant_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`added_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`cart_id`) REFERENCES `cart`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`variant_id`) REFERENCES `variant`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "cart_line_quantity" CHECK("cart_line"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `cart_line_cart` ON `cart_line` (`cart_id`);--> statement-breakpoint
CREATE TABLE `customer_order` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`status_token_hash` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`store_id` integer NOT NULL,
	`channel` text NOT NULL,
	`associate_id` integer,
	`status` text DEFAULT 'placed' NOT NULL,
	`fulfilment` text NOT NULL,
	`currency` text NOT NULL,
	`subtotal` integer NOT NULL,
	`shipping_fee` integer NOT NULL,
	`tax` integer NOT NULL,
	`total` integer NOT NULL,
	`customer_name` text,
	`customer_email` text,
	`customer_phone` text,
	`address` text,
	`locale` text NOT NULL,
	`pos_reference` text,
	`expires_at` text NOT NULL,
	`erased_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `store`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`associate_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_order_code_unique` ON `customer_order` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `customer_order_status_token_hash_unique` ON `customer_order` (`status_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `customer_order_idempotency_key_unique` ON `customer_order` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `order_store_status` ON `customer_order` (`store_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `order_status_expires` ON `customer_order` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `order_email` ON `customer_order` (`customer_email`);--> statement-breakpoint
CREATE INDEX `order_phone` ON `customer_order` (`customer_phone`);--> statement-breakpoint
CREATE TABLE `order_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`reason` text,
	`data` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `customer_order`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `order_event_order` ON `order_event` (`order_id`);--> statement-breakpoint
CREATE TABLE `order_line` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`shipment_id` integer,
	`variant_id` integer,
	`location_id` integer NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`returned_quantity` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `customer_order`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipment`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`variant_id`) REFERENCES `variant`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "order_line_quantity" CHECK("order_line"."quantity" > 0 AND "order_line"."returned_quantity" <= "order_line"."quantity")
);
--> statement-breakpoint
CREATE INDEX `order_line_order` ON `order_line` (`order_id`);--> statement-breakpoint
CREATE TABLE `order_return` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`store_id` integer NOT NULL,
	`reason` text NOT NULL,
	`refund` integer NOT NULL,
	`refund_reference` text,
	`lines` text NOT NULL,
	`actor` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `customer_order`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`store_id`) REFERENCES `store`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `order_return_order` ON `order_return` (`order_id`);--> statement-breakpoint
CREATE TABLE `outgoing_message` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer,
	`kind` text NOT NULL,
	`recipient` text,
	`subject` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `customer_order`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outgoing_message_status` ON `outgoing_message` (`status`);--> statement-breakpoint
CREATE TABLE `shipment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`fee` integer NOT NULL,
	`estimated_date` text NOT NULL,
	`carrier` text,
	`tracking_number` text,
	`shipped_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `customer_order`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `location`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `shipment_order` ON `shipment` (`order_id`);