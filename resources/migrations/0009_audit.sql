CREATE TABLE `audit_docs` (
	`doc` text NOT NULL,
	`audit_id` integer NOT NULL,
	PRIMARY KEY(`doc`, `audit_id`),
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_docs_entry` ON `audit_docs` (`audit_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`door` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor` text NOT NULL,
	`operation` text NOT NULL,
	`input` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_operation` ON `audit_log` (`operation`);--> statement-breakpoint
-- Hand-written (drizzle-kit does not make triggers): the activity log is append-only.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'The activity log cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'The activity log cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_docs_no_update` BEFORE UPDATE ON `audit_docs` BEGIN SELECT RAISE(ABORT, 'The activity log cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_docs_no_delete` BEFORE DELETE ON `audit_docs` BEGIN SELECT RAISE(ABORT, 'The activity log cannot be changed'); END;
