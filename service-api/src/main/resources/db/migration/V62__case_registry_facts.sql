-- A case names the product as the registry knows it (issue 20; DOMAIN.md "Service case": registration holds the
-- customer and the product, model and serial; seed 000 §4.1): its serial and the owning customer are part of the
-- case, copied from the registry when the case is opened. A case for a product the registry does not hold says so
-- (unregistered): the serial and model then are as the customer told them, and telemetry cases of devices not yet
-- registered are kept (never lost) and marked the same way.
-- customer_id has no foreign key: the purge (V20) deletes a customer after its retention while the case stays.

ALTER TABLE ticket ADD COLUMN serial text;
ALTER TABLE ticket ADD COLUMN customer_id bigint;
ALTER TABLE ticket ADD COLUMN unregistered boolean NOT NULL DEFAULT false;

UPDATE ticket t SET serial = d.serial, customer_id = d.customer_id FROM device d WHERE d.id = t.device_id;
UPDATE ticket t SET unregistered = true WHERE NOT EXISTS (SELECT 1 FROM device d WHERE d.id = t.device_id);
