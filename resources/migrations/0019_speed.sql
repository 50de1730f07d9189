DROP INDEX IF EXISTS `reservations_open_item`;--> statement-breakpoint
CREATE INDEX `reservations_open_item` ON `reservations` (`item_id`) WHERE "reservations"."qty_milli" > 0 AND "reservations"."lot_id" IS NULL;--> statement-breakpoint
DROP INDEX IF EXISTS `order_lines_order`;--> statement-breakpoint
CREATE INDEX `order_lines_order` ON `order_lines` (`order_id`,`position`,`item_id`,`qty_milli`,`shipped_milli`);--> statement-breakpoint
CREATE INDEX `customer_orders_open` ON `customer_orders` (`id`,`number`,`customer_id`,`requested_on`,`promised_on`,`state`,`status`) WHERE "customer_orders"."state" = 'confirmed' AND "customer_orders"."status" IN ('waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped');