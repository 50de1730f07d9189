CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`unit` text NOT NULL,
	`lot_tracked` integer DEFAULT true NOT NULL,
	`quarantine_on_receipt` integer DEFAULT false NOT NULL,
	`shelf_life_days` integer,
	`reorder_point_milli` integer,
	`lead_time_days` integer,
	`net_weight_mg` integer,
	`gtin` text,
	`unit_cost_micros` integer,
	`sale_price_cents` integer,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_sku_unique` ON `items` ("sku" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `items_kind_name` ON `items` (`kind`,`name`);--> statement-breakpoint
CREATE INDEX `items_gtin` ON `items` (`gtin`);--> statement-breakpoint
CREATE TABLE `recipe_components` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipe_id` integer NOT NULL,
	`position` integer NOT NULL,
	`item_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`entered_unit` text NOT NULL,
	`scrap_bp` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`recipe_id`) REFERENCES `recipes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recipe_components_recipe` ON `recipe_components` (`recipe_id`,`position`);--> statement-breakpoint
CREATE INDEX `recipe_components_item` ON `recipe_components` (`item_id`);--> statement-breakpoint
CREATE TABLE `recipes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`version` integer NOT NULL,
	`active` integer NOT NULL,
	`yield_milli` integer NOT NULL,
	`batch_minutes` integer NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recipes_item_version` ON `recipes` (`item_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `recipes_one_active` ON `recipes` (`item_id`) WHERE "recipes"."active" = 1;--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`vat_number` text,
	`fiscal_code` text,
	`email` text,
	`phone` text,
	`street` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`country` text DEFAULT 'IT' NOT NULL,
	`ship_street` text DEFAULT '' NOT NULL,
	`ship_postcode` text DEFAULT '' NOT NULL,
	`ship_city` text DEFAULT '' NOT NULL,
	`ship_province` text DEFAULT '' NOT NULL,
	`ship_country` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_email` ON `customers` (`email`);--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`vat_number` text,
	`fiscal_code` text,
	`email` text,
	`phone` text,
	`street` text DEFAULT '' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`country` text DEFAULT 'IT' NOT NULL,
	`ship_street` text DEFAULT '' NOT NULL,
	`ship_postcode` text DEFAULT '' NOT NULL,
	`ship_city` text DEFAULT '' NOT NULL,
	`ship_province` text DEFAULT '' NOT NULL,
	`ship_country` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `suppliers_name` ON `suppliers` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
