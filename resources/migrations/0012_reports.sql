ALTER TABLE `items` ADD `category` text;--> statement-breakpoint
CREATE INDEX `lots_cost` ON `lots` (`id`,`unit_cost_micros`);--> statement-breakpoint
CREATE INDEX `order_lines_kpi` ON `order_lines` (`order_id`,`item_id`,`id`,`qty_milli`,`unit_price_cents`,`discount_bp`);--> statement-breakpoint
CREATE INDEX `production_orders_produced` ON `production_orders` (`produced_on`) WHERE "production_orders"."status" = 'completed';--> statement-breakpoint
CREATE INDEX `ddts_shipment_kind_date` ON `ddts` (`shipment_id`,`kind`,`date`);--> statement-breakpoint
CREATE INDEX `ddts_kind_date` ON `ddts` (`kind`,`date`,`shipment_id`);--> statement-breakpoint
CREATE INDEX `shipment_lines_kpi` ON `shipment_lines` (`order_line_id`,`shipment_id`,`lot_id`,`qty_milli`);