-- Amendments are written by one person and approved by another, in two requests (issue 20; seed 000 §3.7.4: a
-- correction names the reason, who changed it and who approved it). The author of an amendment is the account that
-- wrote it; its approval is a row of its own (repair_amendment stays append-only), one per amendment, never by the
-- author. Amendments stored before V61 were written and approved in one request: they keep their approved_by.

ALTER TABLE repair_amendment ALTER COLUMN approved_by DROP NOT NULL;

CREATE TABLE repair_amendment_approval (
    amendment_id bigint      PRIMARY KEY REFERENCES repair_amendment (id),
    -- the amendment's record, so that the purge (V20) finds the approval with the record after its retention
    record_id    bigint      NOT NULL REFERENCES repair_record (id),
    approved_by  text        NOT NULL,
    approved_at  timestamptz NOT NULL
);
CREATE INDEX repair_amendment_approval_record_idx ON repair_amendment_approval (record_id);

-- nobody approves their own correction, and an amendment approved at writing (before V61) is not approved again
CREATE FUNCTION refuse_own_or_repeated_amendment_approval() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    amendment repair_amendment%ROWTYPE;
BEGIN
    SELECT * INTO amendment FROM repair_amendment WHERE id = NEW.amendment_id;
    IF amendment.record_id <> NEW.record_id THEN
        RAISE EXCEPTION 'amendment % is not of record %', NEW.amendment_id, NEW.record_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF amendment.author = NEW.approved_by THEN
        RAISE EXCEPTION 'an amendment is approved by someone other than its author' USING ERRCODE = 'check_violation';
    END IF;
    IF amendment.approved_by IS NOT NULL THEN
        RAISE EXCEPTION 'amendment % was approved when it was written', NEW.amendment_id
            USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER repair_amendment_approval_four_eyes BEFORE INSERT ON repair_amendment_approval
    FOR EACH ROW EXECUTE FUNCTION refuse_own_or_repeated_amendment_approval();
CREATE TRIGGER repair_amendment_approval_append_only BEFORE UPDATE OR DELETE ON repair_amendment_approval
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_repair_record();
