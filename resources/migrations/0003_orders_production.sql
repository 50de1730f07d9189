CREATE TABLE `customer_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`customer_id` integer NOT NULL,
	`channel` text NOT NULL,
	`external_ref` text,
	`state` text NOT NULL,
	`ordered_on` text NOT NULL,
	`requested_on` text,
	`promised_on` text,
	`notes` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_orders_number` ON `customer_orders` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `customer_orders_channel_ref` ON `customer_orders` (`channel`,`external_ref`) WHERE "customer_orders"."external_ref" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `customer_orders_status_date` ON `customer_orders` (`status`,`ordered_on`);--> statement-breakpoint
CREATE INDEX `customer_orders_customer_date` ON `customer_orders` (`customer_id`,`ordered_on`);--> statement-breakpoint
CREATE INDEX `customer_orders_date` ON `customer_orders` (`ordered_on`);--> statement-breakpoint
CREATE INDEX `customer_orders_requested` ON `customer_orders` (`requested_on`) WHERE "customer_orders"."state" = 'confirmed';--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`position` integer NOT NULL,
	`item_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`discount_bp` integer DEFAULT 0 NOT NULL,
	`vat_bp` integer DEFAULT 2200 NOT NULL,
	`shipped_milli` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `customer_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_lines_order` ON `order_lines` (`order_id`,`position`);--> statement-breakpoint
CREATE INDEX `order_lines_item` ON `order_lines` (`item_id`);--> statement-breakpoint
CREATE TABLE `lot_genealogy` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`input_lot_id` integer NOT NULL,
	`materials_short` integer DEFAULT false NOT NULL,
	`output_lot_id` integer NOT NULL,
	`production_order_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	FOREIGN KEY (`input_lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`output_lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`production_order_id`) REFERENCES `production_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lot_genealogy_input` ON `lot_genealogy` (`input_lot_id`);--> statement-breakpoint
CREATE INDEX `lot_genealogy_output` ON `lot_genealogy` (`output_lot_id`);--> statement-breakpoint
CREATE TABLE `production_links` (
	`production_order_id` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	PRIMARY KEY(`production_order_id`, `order_line_id`),
	FOREIGN KEY (`production_order_id`) REFERENCES `production_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `production_links_line` ON `production_links` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `production_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`item_id` integer NOT NULL,
	`recipe_id` integer NOT NULL,
	`batches` integer NOT NULL,
	`planned_qty_milli` integer NOT NULL,
	`planned_on` text NOT NULL,
	`status` text NOT NULL,
	`parent_id` integer,
	`materials_short` integer DEFAULT false NOT NULL,
	`output_lot_id` integer,
	`actual_qty_milli` integer,
	`produced_on` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`released_at` text,
	`started_at` text,
	`completed_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipe_id`) REFERENCES `recipes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`output_lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `production_orders_number` ON `production_orders` (`number`);--> statement-breakpoint
CREATE INDEX `production_orders_status_date` ON `production_orders` (`status`,`planned_on`);--> statement-breakpoint
CREATE INDEX `production_orders_item` ON `production_orders` (`item_id`);--> statement-breakpoint
CREATE INDEX `production_orders_output_lot` ON `production_orders` (`output_lot_id`);--> statement-breakpoint
ALTER TABLE `customers` ADD `sdi_code` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `pec` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `language` text DEFAULT 'it' NOT NULL;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `sdi_code` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `pec` text;--> statement-breakpoint
ALTER TABLE `suppliers` ADD `language` text DEFAULT 'it' NOT NULL;