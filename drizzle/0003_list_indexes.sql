DROP INDEX `product_family`;--> statement-breakpoint
DROP INDEX `product_status`;--> statement-breakpoint
CREATE INDEX `product_family_status` ON `product` (`family_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `product_status_updated` ON `product` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `product_updated` ON `product` (`updated_at`);--> statement-breakpoint
DROP INDEX `product_category_category`;--> statement-breakpoint
CREATE INDEX `product_category_category_product` ON `product_category` (`category_id`,`product_id`);--> statement-breakpoint
DROP INDEX `completeness_filter`;--> statement-breakpoint
CREATE INDEX `completeness_filter_product` ON `completeness` (`channel`,`locale`,`ratio`,`product_id`);--> statement-breakpoint
CREATE INDEX `product_media_role` ON `product_media` (`role`,`product_id`);