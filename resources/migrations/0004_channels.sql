CREATE TABLE `channel_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`columns` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_mappings_name` ON `channel_mappings` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `channel_sku_map` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`external_sku` text NOT NULL,
	`item_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channel_sku_map_key` ON `channel_sku_map` (`channel`,"external_sku" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `channel_sku_map_item` ON `channel_sku_map` (`item_id`);