-- Failed sign-ins are throttled per username + source, per source and per username with growing delays, in memory of
-- each instance (login.SignInThrottle; docs/security/README.md "Sign-in"), instead of locking a username in this table
-- for everybody (issue 21: an outsider could lock the administrator out). The table is no longer read or written.
DROP TABLE login_guard;
