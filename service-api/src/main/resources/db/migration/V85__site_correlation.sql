-- Site correlation (issue 16): when many devices of one site go offline within a short window, one site alert
-- and one ticket for the site instead of a ticket per device (service-api README "Site correlation").

-- Which site a device runs at. A site id is an operational code (e.g. a car park or a hotel), not an address:
-- the address stays sealed in device.site_address. No reference to device(id): a site may name a unit the
-- registry does not hold yet, as a ticket may (TicketIntake marks such a case unregistered).
CREATE TABLE site_device (
    device_id    text        PRIMARY KEY,
    site_id      text        NOT NULL,
    assigned_by  text        NOT NULL,
    assigned_at  timestamptz NOT NULL
);
CREATE INDEX site_device_site_idx ON site_device (site_id);

-- A site outage: its alert (a row of alert whose device_id is 'site:' || site_id) and its one ticket.
CREATE TABLE site_incident (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id        text        NOT NULL,
    alert_id       text        NOT NULL UNIQUE,
    ticket_number  text        NOT NULL,
    -- the earliest offline raise (device time) of the devices it took in
    started_at     timestamptz NOT NULL,
    opened_at      timestamptz NOT NULL,
    closed_at      timestamptz,
    peak_offline   integer     NOT NULL,
    CONSTRAINT site_incident_closed_ck CHECK (closed_at IS NULL OR closed_at >= opened_at)
);
CREATE UNIQUE INDEX site_incident_one_open_uk ON site_incident (site_id) WHERE closed_at IS NULL;

-- Every offline alert of a device that belongs to a site or not, and what the correlation decided for it:
-- HELD (waiting up to the window for the rest of its site), SITE (linked to a site incident), OWN (its own
-- ticket), NONE (no ticket: its severity does not warrant one).
CREATE TABLE site_signal (
    alert_id       text        PRIMARY KEY,
    device_id      text        NOT NULL,
    site_id        text,
    raised_at      timestamptz NOT NULL,
    received_at    timestamptz NOT NULL,
    cleared_at     timestamptz,
    decision       text        NOT NULL,
    incident_id    bigint      REFERENCES site_incident (id),
    ticket_number  text,
    CONSTRAINT site_signal_decision_ck CHECK (decision IN ('HELD', 'SITE', 'OWN', 'NONE')),
    CONSTRAINT site_signal_site_ck CHECK (decision <> 'SITE' OR incident_id IS NOT NULL)
);
CREATE INDEX site_signal_held_idx ON site_signal (site_id, received_at) WHERE decision = 'HELD';
CREATE INDEX site_signal_incident_idx ON site_signal (incident_id);
