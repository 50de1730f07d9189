DROP INDEX `lots_expiry_open`;--> statement-breakpoint
DROP INDEX `lots_supplier_lot`;--> statement-breakpoint
DROP INDEX `lots_open_item`;--> statement-breakpoint
CREATE INDEX `lots_supplier_lot` ON `lots` (`supplier_lot_code`) WHERE "lots"."supplier_lot_code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `lots_open_item` ON `lots` (`item_id`,`expires_on`,`on_hand_milli`) WHERE "lots"."on_hand_milli" <> 0;--> statement-breakpoint
DROP INDEX `stock_balances_location`;--> statement-breakpoint
DROP INDEX `stock_movements_item_date`;--> statement-breakpoint
DROP INDEX `stock_movements_lot_location`;--> statement-breakpoint
CREATE INDEX `stock_movements_date` ON `stock_movements` (`date`);--> statement-breakpoint
CREATE INDEX `stock_movements_lot_location` ON `stock_movements` (`lot_id`,`location_id`,`qty_milli`,`item_id`);--> statement-breakpoint
DROP INDEX `production_orders_output_lot`;--> statement-breakpoint
DROP INDEX `production_orders_parent`;--> statement-breakpoint
CREATE INDEX `production_orders_parent` ON `production_orders` (`parent_id`) WHERE "production_orders"."parent_id" IS NOT NULL;