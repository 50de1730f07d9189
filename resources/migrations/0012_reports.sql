ALTER TABLE `items` ADD `category` text;--> statement-breakpoint
CREATE INDEX `lots_cost` ON `lots` (`id`,`unit_cost_micros`);--> statement-breakpoint
CREATE INDEX `production_orders_produced` ON `production_orders` (`produced_on`) WHERE "production_orders"."status" = 'completed';--> statement-breakpoint
CREATE INDEX `ddts_shipment_kind_date` ON `ddts` (`shipment_id`,`kind`,`date`);--> statement-breakpoint
CREATE INDEX `ddts_kind_date` ON `ddts` (`kind`,`date`,`shipment_id`);