CREATE TABLE `company_logos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`content_type` text NOT NULL,
	`data` text NOT NULL,
	`byte_size` integer NOT NULL,
	`created_at` text NOT NULL,
	`removed_at` text
);
--> statement-breakpoint
CREATE TABLE `ddts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`shipment_id` integer NOT NULL,
	`return_id` integer,
	`snapshot` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ddts_year_seq` ON `ddts` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `ddts_shipment` ON `ddts` (`shipment_id`);--> statement-breakpoint
CREATE TABLE `shipment_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`position` integer NOT NULL,
	`order_line_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `customer_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipment_lines_shipment` ON `shipment_lines` (`shipment_id`,`position`);--> statement-breakpoint
CREATE INDEX `shipment_lines_lot` ON `shipment_lines` (`lot_id`);--> statement-breakpoint
CREATE INDEX `shipment_lines_order` ON `shipment_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `shipment_lines_order_line` ON `shipment_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `shipment_packages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`position` integer NOT NULL,
	`count` integer NOT NULL,
	`appearance` text DEFAULT '' NOT NULL,
	`tare_g` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipment_packages_shipment` ON `shipment_packages` (`shipment_id`,`position`);--> statement-breakpoint
CREATE TABLE `shipment_return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`shipment_line_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`qty_milli` integer NOT NULL,
	`disposition` text NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `shipment_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shipment_line_id`) REFERENCES `shipment_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipment_return_lines_return` ON `shipment_return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `shipment_return_lines_line` ON `shipment_return_lines` (`shipment_line_id`);--> statement-breakpoint
CREATE TABLE `shipment_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`collected` integer DEFAULT false NOT NULL,
	`ddt_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipment_returns_shipment` ON `shipment_returns` (`shipment_id`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`state` text NOT NULL,
	`causale` text DEFAULT 'vendita' NOT NULL,
	`transport_by` text NOT NULL,
	`carrier` text,
	`carrier_service` text,
	`tracking_number` text,
	`transport_start` text,
	`destination` text,
	`gross_weight_g` integer,
	`notes` text DEFAULT '' NOT NULL,
	`ddt_id` integer,
	`cancel_reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipments_state_created` ON `shipments` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `shipments_customer` ON `shipments` (`customer_id`);--> statement-breakpoint
CREATE INDEX `shipments_created` ON `shipments` (`created_at`);