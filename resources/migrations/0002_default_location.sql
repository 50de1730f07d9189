-- The one stock location every workshop has; more can be added from Inventory.
INSERT INTO `locations` (`code`, `name`, `is_default`) VALUES ('MAG', 'Magazzino', 1);
