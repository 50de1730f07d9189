CREATE TABLE `recall_lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recall_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`on_hand_milli` integer NOT NULL,
	`blocked` integer NOT NULL,
	FOREIGN KEY (`recall_id`) REFERENCES `recalls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recall_lots_recall` ON `recall_lots` (`recall_id`);--> statement-breakpoint
CREATE INDEX `recall_lots_lot` ON `recall_lots` (`lot_id`);--> statement-breakpoint
CREATE TABLE `recall_reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recall_id` integer NOT NULL,
	`reservation_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`doc_line_id` integer,
	`qty_milli` integer NOT NULL,
	FOREIGN KEY (`recall_id`) REFERENCES `recalls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reservation_id`) REFERENCES `reservations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recall_reservations_recall` ON `recall_reservations` (`recall_id`);--> statement-breakpoint
CREATE INDEX `recall_reservations_doc` ON `recall_reservations` (`doc_type`,`doc_id`);--> statement-breakpoint
CREATE TABLE `recalls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`reason` text NOT NULL,
	`date` text NOT NULL,
	`by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recalls_lot` ON `recalls` (`lot_id`);