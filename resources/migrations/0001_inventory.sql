CREATE TABLE `sequences` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locations_code` ON `locations` ("code" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `lot_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`by` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lot_status_changes_lot` ON `lot_status_changes` (`lot_id`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`code` text NOT NULL,
	`origin` text NOT NULL,
	`status` text NOT NULL,
	`supplier_id` integer,
	`supplier_lot_code` text,
	`origin_date` text NOT NULL,
	`expires_on` text,
	`unit_cost_micros` integer,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`on_hand_milli` integer DEFAULT 0 NOT NULL,
	`reserved_milli` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_code` ON `lots` (`code`);--> statement-breakpoint
CREATE INDEX `lots_item_expiry` ON `lots` (`item_id`,`expires_on`,`origin_date`);--> statement-breakpoint
CREATE INDEX `lots_supplier_lot` ON `lots` (`supplier_lot_code`);--> statement-breakpoint
CREATE INDEX `lots_open_item` ON `lots` (`item_id`) WHERE "lots"."on_hand_milli" <> 0;--> statement-breakpoint
CREATE INDEX `lots_status_open` ON `lots` (`status`) WHERE "lots"."status" <> 'released';--> statement-breakpoint
CREATE INDEX `lots_expiry_open` ON `lots` (`expires_on`) WHERE "lots"."on_hand_milli" > 0;--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`lot_id` integer,
	`qty_milli` integer NOT NULL,
	`original_milli` integer NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`doc_line_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reservations_open_item` ON `reservations` (`item_id`) WHERE "reservations"."qty_milli" > 0;--> statement-breakpoint
CREATE INDEX `reservations_open_lot` ON `reservations` (`lot_id`) WHERE "reservations"."qty_milli" > 0;--> statement-breakpoint
CREATE INDEX `reservations_doc` ON `reservations` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE TABLE `stock_balances` (
	`lot_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	PRIMARY KEY(`lot_id`, `location_id`),
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_balances_location` ON `stock_balances` (`location_id`);--> statement-breakpoint
CREATE TABLE `stock_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`supplier_id` integer,
	`supplier_ddt_number` text,
	`supplier_ddt_date` text,
	`date` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_documents_kind_date` ON `stock_documents` (`kind`,`date`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`location_id` integer NOT NULL,
	`kind` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`reverses_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_lot` ON `stock_movements` (`lot_id`,`id`);--> statement-breakpoint
CREATE INDEX `stock_movements_doc` ON `stock_movements` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_item_date` ON `stock_movements` (`item_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_movements_reverses` ON `stock_movements` (`reverses_id`) WHERE "stock_movements"."reverses_id" IS NOT NULL;