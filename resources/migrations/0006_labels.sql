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
