CREATE TABLE `customer_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`payment_terms_id` integer,
	`discounts` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`payment_terms_id`) REFERENCES `payment_terms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_groups_name` ON `customer_groups` (`name`);--> statement-breakpoint
CREATE TABLE `customer_price_lists` (
	`customer_id` integer NOT NULL,
	`list_id` integer NOT NULL,
	PRIMARY KEY(`customer_id`, `list_id`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_price_lists_list` ON `customer_price_lists` (`list_id`);--> statement-breakpoint
CREATE TABLE `customer_terms` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`group_id` integer,
	`payment_terms_id` integer,
	`discounts` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `customer_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_terms_id`) REFERENCES `payment_terms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_terms_group` ON `customer_terms` (`group_id`);--> statement-breakpoint
CREATE TABLE `group_price_lists` (
	`group_id` integer NOT NULL,
	`list_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `list_id`),
	FOREIGN KEY (`group_id`) REFERENCES `customer_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_price_lists_list` ON `group_price_lists` (`list_id`);--> statement-breakpoint
CREATE TABLE `payment_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`method` text NOT NULL,
	`days` text NOT NULL,
	`end_of_month` integer DEFAULT false NOT NULL,
	`cash_on_delivery` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `price_list_prices` (
	`list_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`from_milli` integer NOT NULL,
	`price_cents` integer NOT NULL,
	PRIMARY KEY(`list_id`, `item_id`, `from_milli`),
	FOREIGN KEY (`list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `price_list_prices_item` ON `price_list_prices` (`item_id`);--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`vat_included` integer DEFAULT false NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`free_shipping_over_cents` integer,
	`notes` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `customer_orders` ADD `payment_terms_id` integer REFERENCES payment_terms(id);--> statement-breakpoint
ALTER TABLE `customer_orders` ADD `payment_terms` text;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `unit_price` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `price_source` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `discounts` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written: lines older than price lists get their exact price and discount chain from the integer columns (their source stays 'manual': never re-priced).
UPDATE `order_lines` SET `unit_price` = printf('%d.%02d', `unit_price_cents` / 100, `unit_price_cents` % 100),
  `discounts` = CASE WHEN `discount_bp` = 0 THEN '' WHEN `discount_bp` % 100 = 0 THEN printf('%d', `discount_bp` / 100)
    WHEN `discount_bp` % 10 = 0 THEN printf('%d.%d', `discount_bp` / 100, (`discount_bp` % 100) / 10) ELSE printf('%d.%02d', `discount_bp` / 100, `discount_bp` % 100) END;
