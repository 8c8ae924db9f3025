-- Service category of a case (issue 5: free / contract / paid derived from warranty per component; seed 002 §2.1,
-- seed 004 §4), decided when the ticket is registered and kept: the component named on the ticket, else the one
-- category all of the device's components share that day; NULL when it cannot be told (the device is not
-- registered, has no components, or its components differ) — then each replaced part is billed on the repair record.
ALTER TABLE ticket ADD COLUMN service_category text;
ALTER TABLE ticket ADD COLUMN service_component_id bigint REFERENCES device_component (id);
ALTER TABLE ticket ADD CONSTRAINT ticket_service_category_ck
    CHECK (service_category IS NULL OR service_category IN ('FREE', 'CONTRACT', 'PAID'));
ALTER TABLE ticket ADD CONSTRAINT ticket_service_component_ck
    CHECK (service_component_id IS NULL OR service_category IS NOT NULL);
