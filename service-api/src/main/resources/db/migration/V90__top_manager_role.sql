-- The top manager (总经理/董事长) approves class-1 access grants, nobody else (seed 000 §3.6.1
-- "须经总经理/董事长批准方可借阅"; issue 21). Grants decided before V90 keep the administrator who decided them.
ALTER TABLE account_role DROP CONSTRAINT account_role_ck;
ALTER TABLE account_role ADD CONSTRAINT account_role_ck
    CHECK (role IN ('NOC_OPERATOR', 'FIELD_ENGINEER', 'SERVICE_MANAGER', 'ADMIN', 'TOP_MANAGER'));
