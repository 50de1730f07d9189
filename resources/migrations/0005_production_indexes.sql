CREATE INDEX `lot_genealogy_production` ON `lot_genealogy` (`production_order_id`);--> statement-breakpoint
CREATE INDEX `production_orders_parent` ON `production_orders` (`parent_id`);