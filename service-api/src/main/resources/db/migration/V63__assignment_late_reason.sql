-- An appointment window that ends after the case's on-site deadline (seed 004 §3.2.2 "24 小时内到达现场处理") is
-- accepted only with the reason the manager acknowledges it will be late (issue 20); the reason stays with the
-- assignment it was given for. Windows in the past are refused by the service.
ALTER TABLE ticket_assignment ADD COLUMN late_reason text;
