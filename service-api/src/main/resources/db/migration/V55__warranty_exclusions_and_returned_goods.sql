-- Issue 20 part D. Warranty exclusions recorded on a case (seed 002 §2.1, seed 003 "不属于保修范围"): the reason,
-- the evidence, who found it and the category the case had before and has after. One per case; append-only.
CREATE TABLE ticket_warranty_exclusion (
    ticket_id       bigint      PRIMARY KEY REFERENCES ticket (id),
    reason          text        NOT NULL,
    evidence        text        NOT NULL,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    category_before text        NOT NULL,
    category_after  text        NOT NULL,
    CONSTRAINT ticket_warranty_exclusion_reason_ck CHECK (reason IN
        ('WRONG_INSTALLATION', 'WRONG_USE', 'UNSUITABLE_ENVIRONMENT', 'FORCE_MAJEURE', 'TAMPERING')),
    CONSTRAINT ticket_warranty_exclusion_evidence_ck CHECK (length(btrim(evidence)) > 0)
);
CREATE TRIGGER ticket_warranty_exclusion_append_only
    BEFORE UPDATE OR DELETE ON ticket_warranty_exclusion
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();

-- The returned-goods clock (seed 003 "六、不良品退换货的相关要求" 9: 公司在收到退货后5个工作日内处理完毕):
-- started when the company receives the goods of a case, due at the end of the 5th working day after, stopped
-- when they have been dealt with.
CREATE TABLE ticket_returned_goods (
    ticket_id    bigint      PRIMARY KEY REFERENCES ticket (id),
    received_at  timestamptz NOT NULL,
    received_by  text        NOT NULL,
    due_by       timestamptz NOT NULL,
    processed_at timestamptz,
    processed_by text,
    outcome      text,
    CONSTRAINT ticket_returned_goods_processed_ck CHECK ((processed_at IS NULL) = (processed_by IS NULL)
        AND (processed_at IS NULL) = (outcome IS NULL)),
    CONSTRAINT ticket_returned_goods_order_ck CHECK (processed_at IS NULL OR processed_at >= received_at)
);
