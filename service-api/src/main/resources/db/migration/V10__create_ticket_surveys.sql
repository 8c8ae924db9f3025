-- Satisfaction survey after each case (issue 5; DOMAIN.md "Records"): the customer's opinion card rates the
-- engineer's attitude, technical skill, punctuality (keeping the appointment) and the result of the service, plus
-- suggestions (seed 002 "客户意见调查卡应包括对服务人员态度、技术能力、赴约时间、服务事项的满意状况以及客户的建议").
-- Scale 1 (very dissatisfied) .. 5 (very satisfied). One survey per ticket (primary key), taken once the customer
-- confirmed the repair; feedback is class-2 data and, like every record, never changed (seed 000 §3.7.4):
-- the trigger refuse_change_of_record (V3) refuses UPDATE and DELETE.
CREATE TABLE ticket_survey (
    ticket_number text        PRIMARY KEY REFERENCES ticket (number),
    attitude      integer     NOT NULL,
    skill         integer     NOT NULL,
    punctuality   integer     NOT NULL,
    result        integer     NOT NULL,
    comment       text,
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    CONSTRAINT ticket_survey_scale_ck CHECK (attitude BETWEEN 1 AND 5 AND skill BETWEEN 1 AND 5
                                             AND punctuality BETWEEN 1 AND 5 AND result BETWEEN 1 AND 5)
);
CREATE INDEX ticket_survey_recorded_idx ON ticket_survey (recorded_at);

CREATE TRIGGER ticket_survey_append_only BEFORE UPDATE OR DELETE ON ticket_survey
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
