CREATE TABLE `customer_invoicing` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`wants_invoice` integer,
	`default_natura` text,
	`intent_declaration` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invoice_ddts` (
	`invoice_id` integer NOT NULL,
	`ddt_id` integer NOT NULL,
	PRIMARY KEY(`invoice_id`, `ddt_id`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ddt_id`) REFERENCES `ddts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_ddts_ddt` ON `invoice_ddts` (`ddt_id`);--> statement-breakpoint
CREATE TABLE `invoice_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`progressivo` text NOT NULL,
	`file_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_files_progressivo` ON `invoice_files` (`progressivo`);--> statement-breakpoint
CREATE INDEX `invoice_files_invoice` ON `invoice_files` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `invoice_instalments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`due_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text NOT NULL,
	`paid_cents` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_instalments_invoice` ON `invoice_instalments` (`invoice_id`,`position`);--> statement-breakpoint
CREATE INDEX `invoice_instalments_open_due` ON `invoice_instalments` (`due_date`) WHERE state = 'open';--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`position` integer NOT NULL,
	`ddt_id` integer,
	`order_line_id` integer,
	`item_id` integer,
	`code` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`qty_milli` integer NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_price` text NOT NULL,
	`discounts` text DEFAULT '' NOT NULL,
	`discount_bp` integer DEFAULT 0 NOT NULL,
	`line_total_cents` integer NOT NULL,
	`vat_bp` integer NOT NULL,
	`natura` text,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ddt_id`) REFERENCES `ddts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE INDEX `invoice_lines_order_line` ON `invoice_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `invoice_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instalment_id` integer NOT NULL,
	`invoice_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`instalment_id`) REFERENCES `invoice_instalments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_payments_instalment` ON `invoice_payments` (`instalment_id`);--> statement-breakpoint
CREATE INDEX `invoice_payments_date` ON `invoice_payments` (`date`);--> statement-breakpoint
CREATE TABLE `invoice_vat_rows` (
	`invoice_id` integer NOT NULL,
	`vat_bp` integer NOT NULL,
	`natura` text DEFAULT '' NOT NULL,
	`taxable_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	PRIMARY KEY(`invoice_id`, `vat_bp`, `natura`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`customer_id` integer NOT NULL,
	`year` integer,
	`sezionale` text DEFAULT '' NOT NULL,
	`seq` integer,
	`number` text,
	`date` text NOT NULL,
	`period_month` text,
	`order_id` integer,
	`corrects_invoice_id` integer,
	`return_id` integer,
	`language` text DEFAULT 'it' NOT NULL,
	`taxable_cents` integer DEFAULT 0 NOT NULL,
	`vat_cents` integer DEFAULT 0 NOT NULL,
	`bollo_cents` integer DEFAULT 0 NOT NULL,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`payment_terms` text,
	`notes` text DEFAULT '' NOT NULL,
	`snapshot` text,
	`rejected_reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`issued_at` text,
	`sent_at` text,
	`delivered_at` text,
	`rejected_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `customer_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `shipment_returns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number` ON `invoices` (`year`,`sezionale`,`seq`);--> statement-breakpoint
CREATE INDEX `invoices_customer` ON `invoices` (`customer_id`,`date`);--> statement-breakpoint
CREATE INDEX `invoices_date` ON `invoices` (`date`);--> statement-breakpoint
CREATE INDEX `invoices_corrects` ON `invoices` (`corrects_invoice_id`);--> statement-breakpoint
CREATE INDEX `ddts_date` ON `ddts` (`date`);