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