DROP INDEX `stock_movements_lot`;--> statement-breakpoint
DROP INDEX `production_orders_item`;--> statement-breakpoint
DROP INDEX `lots_free_item`;--> statement-breakpoint
CREATE INDEX `lots_free_item` ON `lots` (`item_id`,`status`,`expires_on`,`origin_date`,`on_hand_milli`,`reserved_milli`,`code`) WHERE "lots"."on_hand_milli" > "lots"."reserved_milli";