-- Class-1 rules on every endpoint (issue 20 part C). See docs/security/README.md "Who sees class 1".

-- Whether a customer is a private person (HOME: name, address and the sites of their units are a person's home,
-- class 1) or an organisation (BUSINESS: the name and a site's address are operational, needed to dispatch).
-- Entries written before V65 are HOME: nothing recorded says they are organisations, and the archive is never
-- changed, so the reading that can only mask too much (never too little) is the one kept. ADD COLUMN with a
-- default rewrites no row, so the archive's no-UPDATE trigger is not involved.
ALTER TABLE customer ADD COLUMN kind text NOT NULL DEFAULT 'HOME';
ALTER TABLE customer ADD CONSTRAINT customer_kind_ck CHECK (kind IN ('HOME', 'BUSINESS'));

-- A grant is either requested by a person and decided by an administrator (REQUEST), or implied by the
-- assignment of a field engineer to an open case (ASSIGNMENT): decided by whoever assigned, for that case's
-- device, ending when the case closes, is cancelled or is assigned to somebody else.
ALTER TABLE access_grant ADD COLUMN kind text NOT NULL DEFAULT 'REQUEST';
ALTER TABLE access_grant ADD CONSTRAINT access_grant_kind_ck CHECK (kind IN ('REQUEST', 'ASSIGNMENT'));
-- What the request was made through, when not the customer id: the device or the case the caller looked at.
ALTER TABLE access_grant ADD COLUMN device_id text;
ALTER TABLE access_grant ADD COLUMN ticket_number text;
ALTER TABLE access_grant ADD CONSTRAINT access_grant_assignment_ck
    CHECK (kind = 'REQUEST' OR (ticket_number IS NOT NULL AND device_id IS NOT NULL));
-- An implied grant holds while its case is open; the duration is only an upper bound (90 days).
ALTER TABLE access_grant DROP CONSTRAINT access_grant_duration_ck;
ALTER TABLE access_grant ADD CONSTRAINT access_grant_duration_ck
    CHECK (duration_minutes BETWEEN 1 AND (CASE kind WHEN 'REQUEST' THEN 10080 ELSE 129600 END));
CREATE INDEX access_grant_ticket_idx ON access_grant (ticket_number) WHERE kind = 'ASSIGNMENT';

-- The early end of a grant: revoked by an administrator, or an implied grant ended by a reassignment. The grant
-- row itself stays as decided (trigger refuse_change_of_access_grant); an end is written once, never changed.
CREATE TABLE access_grant_end (
    grant_id bigint      PRIMARY KEY REFERENCES access_grant (id),
    -- REVOKED by an administrator, or ENDED by the reassignment of the case that implied it
    kind     text        NOT NULL CHECK (kind IN ('REVOKED', 'ENDED')),
    ended_at timestamptz NOT NULL,
    ended_by text        NOT NULL,
    reason   text        NOT NULL
);

CREATE FUNCTION refuse_change_of_access_grant_end() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the end of an access grant is written once; % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER access_grant_end_written_once BEFORE UPDATE OR DELETE ON access_grant_end
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_access_grant_end();

-- The audit actions of grant revocations, implied grants and their ends (AuditAction).
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_ck;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_ck CHECK (action IN ('READ', 'WRITE', 'LOGIN',
    'LOGIN_FAILED', 'LOGIN_LOCKED', 'GRANT_REQUESTED', 'GRANT_APPROVED', 'GRANT_REFUSED', 'GRANT_REVOKED',
    'GRANT_IMPLIED', 'GRANT_ENDED', 'PURGE'));
