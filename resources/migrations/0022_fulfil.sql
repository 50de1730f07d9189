DROP INDEX `stock_movements_lot`;--> statement-breakpoint
DROP INDEX `production_orders_item`;