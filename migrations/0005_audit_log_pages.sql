-- The owner reads the audit log newest first, a page at a time (backoffice/audit-log.ts): keyset
-- pagination on (created_at, id) within a venue needs this index to stay fast as the log grows.

-- migrate:up

CREATE INDEX audit_log_newest ON audit_log (venue_id, created_at DESC, id DESC);

-- migrate:down

DROP INDEX audit_log_newest;
