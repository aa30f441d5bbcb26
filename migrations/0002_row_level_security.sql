-- Row-level security: the second wall of the tenant fence (ARCHITECTURE: Data).
-- Venue-scoped work runs as the role servio_app with `app.venue_id` set for its transaction
-- (sync-server/src/db/venue-scope.ts); a query that forgets `WHERE venue_id` still sees one venue.
-- Superusers bypass RLS, which is why the server drops to servio_app rather than relying on
-- the connecting user.

-- migrate:up

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'servio_app') THEN
    CREATE ROLE servio_app NOLOGIN;
  END IF;
END
$$;
GRANT servio_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO servio_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO servio_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO servio_app;
-- Tables that belong to no venue stay out of the venue role's reach entirely.
REVOKE ALL ON schema_migrations, stripe_webhook_events FROM servio_app;

ALTER TABLE venues ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON venues TO servio_app
  USING (id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON staff TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON devices TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE pairing_codes ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON pairing_codes TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE staff_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON staff_sessions TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE tables ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON tables TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE tax_rates ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON tax_rates TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE menu_categories ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON menu_categories TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE menu_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON menu_items TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE modifier_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON modifier_groups TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE modifier_options ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON modifier_options TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE menu_item_modifier_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON menu_item_modifier_groups TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON orders TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE order_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON order_lines TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON payments TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON refunds TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON clients TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE mutation_rejections ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON mutation_rejections TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON audit_log TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE venue_clocks ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON venue_clocks TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

-- migrate:down

DROP POLICY venue_isolation ON venues;
ALTER TABLE venues DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON staff;
ALTER TABLE staff DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON devices;
ALTER TABLE devices DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON pairing_codes;
ALTER TABLE pairing_codes DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON staff_sessions;
ALTER TABLE staff_sessions DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON tables;
ALTER TABLE tables DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON tax_rates;
ALTER TABLE tax_rates DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON menu_categories;
ALTER TABLE menu_categories DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON menu_items;
ALTER TABLE menu_items DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON modifier_groups;
ALTER TABLE modifier_groups DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON modifier_options;
ALTER TABLE modifier_options DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON menu_item_modifier_groups;
ALTER TABLE menu_item_modifier_groups DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON orders;
ALTER TABLE orders DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON order_lines;
ALTER TABLE order_lines DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON payments;
ALTER TABLE payments DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON refunds;
ALTER TABLE refunds DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON clients;
ALTER TABLE clients DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON mutation_rejections;
ALTER TABLE mutation_rejections DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON audit_log;
ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY;
DROP POLICY venue_isolation ON venue_clocks;
ALTER TABLE venue_clocks DISABLE ROW LEVEL SECURITY;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM servio_app;
REVOKE SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public FROM servio_app;
REVOKE USAGE ON SCHEMA public FROM servio_app;
-- The role itself is cluster-wide and may serve other databases, so it is left in place.
