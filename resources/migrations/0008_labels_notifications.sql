CREATE TABLE `item_label_info` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`label_kind` text NOT NULL,
	`expiry_wording` text NOT NULL,
	`pao_months` integer,
	`net_content` text NOT NULL,
	`units_per_case` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`doc_type` text NOT NULL,
	`doc_id` integer NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`outcome` text NOT NULL,
	`error` text,
	`eml_path` text,
	`message_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notifications_doc` ON `notifications` (`doc_type`,`doc_id`);