CREATE TABLE `purchase_order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purchase_order_id` integer NOT NULL,
	`position` integer NOT NULL,
	`item_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`received_milli` integer DEFAULT 0 NOT NULL,
	`open_milli` integer NOT NULL,
	`unit_price_micros` integer,
	`expected_on` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`purchase_order_id`) REFERENCES `purchase_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purchase_order_lines_order` ON `purchase_order_lines` (`purchase_order_id`,`position`);--> statement-breakpoint
CREATE INDEX `purchase_order_lines_open` ON `purchase_order_lines` (`item_id`,`expected_on`) WHERE "purchase_order_lines"."open_milli" > 0;--> statement-breakpoint
CREATE TABLE `purchase_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`supplier_id` integer NOT NULL,
	`status` text NOT NULL,
	`ordered_on` text NOT NULL,
	`expected_on` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	`cancelled_at` text,
	`cancel_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_orders_number` ON `purchase_orders` (`number`);--> statement-breakpoint
CREATE INDEX `purchase_orders_status` ON `purchase_orders` (`status`,`ordered_on`);--> statement-breakpoint
CREATE INDEX `purchase_orders_supplier` ON `purchase_orders` (`supplier_id`);--> statement-breakpoint
CREATE TABLE `purchase_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purchase_order_line_id` integer NOT NULL,
	`stock_document_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`received_on` text NOT NULL,
	FOREIGN KEY (`purchase_order_line_id`) REFERENCES `purchase_order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stock_document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purchase_receipts_line` ON `purchase_receipts` (`purchase_order_line_id`);--> statement-breakpoint
CREATE INDEX `purchase_receipts_document` ON `purchase_receipts` (`stock_document_id`);--> statement-breakpoint
CREATE TABLE `supplier_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`supplier_id` integer NOT NULL,
	`preferred` integer DEFAULT false NOT NULL,
	`supplier_code` text,
	`min_qty_milli` integer DEFAULT 0 NOT NULL,
	`multiple_milli` integer DEFAULT 0 NOT NULL,
	`lead_time_days` integer,
	`price_micros` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_items_item_supplier` ON `supplier_items` (`item_id`,`supplier_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `supplier_items_one_preferred` ON `supplier_items` (`item_id`) WHERE "supplier_items"."preferred" = 1;--> statement-breakpoint
CREATE INDEX `supplier_items_supplier` ON `supplier_items` (`supplier_id`);