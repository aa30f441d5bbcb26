-- Core schema: every row belongs to a venue and is keyed by (venue_id, id).
-- Rows a tablet syncs carry `version` (the venue's change clock when last written, S5)
-- and `deleted_at` (a tombstone instead of a delete).

-- migrate:up

CREATE TABLE venues (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  timezone text NOT NULL,
  business_day_cutoff time NOT NULL DEFAULT '04:00',
  tax_mode text NOT NULL DEFAULT 'inclusive' CHECK (tax_mode IN ('inclusive', 'exclusive')),
  service_charge_bps integer NOT NULL DEFAULT 0 CHECK (service_charge_bps BETWEEN 0 AND 10000),
  tip_presets_bps integer[] NOT NULL DEFAULT '{1000,1250,1500}',
  subscription_status text,
  stripe_customer_id text,
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- S5: one change clock per venue, advanced once per writing transaction.
CREATE TABLE venue_clocks (
  venue_id uuid PRIMARY KEY REFERENCES venues (id) ON DELETE CASCADE,
  clock bigint NOT NULL DEFAULT 0
);

CREATE TABLE staff (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  role text NOT NULL CHECK (role IN ('waiter', 'cashier', 'kitchen', 'manager', 'owner')),
  pin_hash text NOT NULL,
  failed_pin_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id)
);

CREATE TABLE devices (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  -- Order numbers are `<letter><counter>`, so two tablets offline never collide.
  letter text NOT NULL CHECK (letter ~ '^[A-Z]{1,2}$'),
  token_hash text NOT NULL UNIQUE,
  paired_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  UNIQUE (venue_id, letter)
);

CREATE TABLE pairing_codes (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  code_hash text NOT NULL UNIQUE,
  device_name text,
  created_by uuid,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by_device uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id)
);

-- Browser sessions of staff on the manager screens (a device token is not needed there).
CREATE TABLE staff_sessions (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  staff_id uuid NOT NULL,
  device_id uuid,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  FOREIGN KEY (venue_id, staff_id) REFERENCES staff (venue_id, id)
);

CREATE TABLE tables (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  area text NOT NULL DEFAULT 'Main',
  seats integer NOT NULL DEFAULT 4 CHECK (seats BETWEEN 1 AND 100),
  sort_order integer NOT NULL DEFAULT 0,
  -- Printed in the table's QR code; unguessable and reissuable.
  qr_token text NOT NULL UNIQUE,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id)
);

CREATE TABLE tax_rates (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  rate_bps integer NOT NULL CHECK (rate_bps BETWEEN 0 AND 10000),
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id)
);

CREATE TABLE menu_categories (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  sort_order integer NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id)
);

CREATE TABLE menu_items (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  category_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  description text NOT NULL DEFAULT '',
  price_minor bigint NOT NULL CHECK (price_minor >= 0),
  tax_rate_id uuid NOT NULL,
  kitchen_station text NOT NULL DEFAULT 'kitchen',
  available boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  FOREIGN KEY (venue_id, category_id) REFERENCES menu_categories (venue_id, id),
  FOREIGN KEY (venue_id, tax_rate_id) REFERENCES tax_rates (venue_id, id)
);

CREATE TABLE modifier_groups (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  name text NOT NULL,
  min_choices integer NOT NULL DEFAULT 0 CHECK (min_choices >= 0),
  max_choices integer NOT NULL DEFAULT 1 CHECK (max_choices >= 1),
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  CHECK (min_choices <= max_choices)
);

CREATE TABLE modifier_options (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  group_id uuid NOT NULL,
  name text NOT NULL,
  price_delta_minor bigint NOT NULL DEFAULT 0,
  available boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  FOREIGN KEY (venue_id, group_id) REFERENCES modifier_groups (venue_id, id)
);

CREATE TABLE menu_item_modifier_groups (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  item_id uuid NOT NULL,
  group_id uuid NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  PRIMARY KEY (venue_id, item_id, group_id),
  FOREIGN KEY (venue_id, item_id) REFERENCES menu_items (venue_id, id),
  FOREIGN KEY (venue_id, group_id) REFERENCES modifier_groups (venue_id, id)
);

CREATE TABLE orders (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  -- Human number, assigned on the tablet (device letter + counter), never renumbered.
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('table', 'takeaway', 'qr')),
  table_id uuid,
  covers integer NOT NULL DEFAULT 1 CHECK (covers BETWEEN 0 AND 500),
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'sent', 'part_paid', 'paid', 'closed', 'void')),
  device_id uuid,
  opened_by uuid,
  -- S11: the tablet's own clock decides the business day, even when synced late.
  opened_at timestamptz NOT NULL,
  business_day date NOT NULL,
  closed_at timestamptz,
  discount_kind text CHECK (discount_kind IN ('percent', 'amount')),
  discount_value bigint,
  discount_reason text,
  service_charge_bps integer NOT NULL DEFAULT 0,
  -- Totals are always recomputed by the server from its own rows (S12).
  subtotal_minor bigint NOT NULL DEFAULT 0,
  discount_minor bigint NOT NULL DEFAULT 0,
  service_charge_minor bigint NOT NULL DEFAULT 0,
  tax_minor bigint NOT NULL DEFAULT 0,
  total_minor bigint NOT NULL DEFAULT 0,
  paid_minor bigint NOT NULL DEFAULT 0,
  tip_minor bigint NOT NULL DEFAULT 0,
  overpaid_minor bigint NOT NULL DEFAULT 0,
  merged_into uuid,
  void_reason text,
  note text,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  UNIQUE (venue_id, number),
  FOREIGN KEY (venue_id, table_id) REFERENCES tables (venue_id, id)
);
CREATE INDEX orders_open_by_table ON orders (venue_id, table_id) WHERE status NOT IN ('closed', 'void');
CREATE INDEX orders_business_day ON orders (venue_id, business_day);

CREATE TABLE order_lines (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  item_id uuid NOT NULL,
  -- Snapshots taken when the line is added: later menu changes never alter them.
  name text NOT NULL,
  unit_price_minor bigint NOT NULL,
  tax_rate_bps integer NOT NULL,
  modifiers jsonb NOT NULL DEFAULT '[]',
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  note text,
  seat integer,
  course integer,
  kitchen_station text NOT NULL DEFAULT 'kitchen',
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'sent', 'ready', 'served', 'voided')),
  discount_kind text CHECK (discount_kind IN ('percent', 'amount')),
  discount_value bigint,
  line_total_minor bigint NOT NULL DEFAULT 0,
  void_reason text,
  voided_by uuid,
  added_by uuid,
  added_at timestamptz NOT NULL,
  sent_at timestamptz,
  ready_at timestamptz,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  FOREIGN KEY (venue_id, order_id) REFERENCES orders (venue_id, id)
);
CREATE INDEX order_lines_by_order ON order_lines (venue_id, order_id);

CREATE TABLE payments (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('cash', 'card', 'stripe')),
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'canceled')),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  tip_minor bigint NOT NULL DEFAULT 0 CHECK (tip_minor >= 0),
  tendered_minor bigint,
  change_minor bigint,
  refunded_minor bigint NOT NULL DEFAULT 0,
  stripe_payment_intent_id text UNIQUE,
  idempotency_key text,
  recorded_by uuid,
  device_id uuid,
  client_time timestamptz,
  version bigint NOT NULL DEFAULT 0,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  FOREIGN KEY (venue_id, order_id) REFERENCES orders (venue_id, id)
);
CREATE INDEX payments_by_order ON payments (venue_id, order_id);

CREATE TABLE refunds (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  payment_id uuid NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  stripe_refund_id text UNIQUE,
  created_by uuid,
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  FOREIGN KEY (venue_id, payment_id) REFERENCES payments (venue_id, id)
);

-- S1/S2: one row per tablet browser database; last_mutation_id advances in the same
-- transaction as each mutation's effects.
CREATE TABLE clients (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  device_id uuid NOT NULL,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  pending_mutations integer NOT NULL DEFAULT 0,
  last_push_at timestamptz,
  last_pull_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id),
  FOREIGN KEY (venue_id, device_id) REFERENCES devices (venue_id, id)
);

-- S4: why a mutation was rejected, returned to its client on the next pull.
CREATE TABLE mutation_rejections (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  mutation_id bigint NOT NULL,
  name text NOT NULL,
  reason text NOT NULL,
  message text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, client_id, mutation_id),
  FOREIGN KEY (venue_id, client_id) REFERENCES clients (venue_id, id)
);

-- Every verified Stripe event is stored before it is acted on (unique event id).
CREATE TABLE stripe_webhook_events (
  id text PRIMARY KEY,
  venue_id uuid REFERENCES venues (id) ON DELETE SET NULL,
  type text NOT NULL,
  livemode boolean NOT NULL DEFAULT false,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed', 'failed', 'ignored')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  stripe_created_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stripe_webhook_events_status ON stripe_webhook_events (status, received_at);

CREATE TABLE audit_log (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  actor_staff_id uuid,
  actor_device_id uuid,
  action text NOT NULL,
  target text,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, id)
);

-- Pull (S5) reads "rows of this venue newer than the cursor" from each synced table.
CREATE INDEX staff_version ON staff (venue_id, version);
CREATE INDEX tables_version ON tables (venue_id, version);
CREATE INDEX tax_rates_version ON tax_rates (venue_id, version);
CREATE INDEX menu_categories_version ON menu_categories (venue_id, version);
CREATE INDEX menu_items_version ON menu_items (venue_id, version);
CREATE INDEX modifier_groups_version ON modifier_groups (venue_id, version);
CREATE INDEX modifier_options_version ON modifier_options (venue_id, version);
CREATE INDEX menu_item_modifier_groups_version ON menu_item_modifier_groups (venue_id, version);
CREATE INDEX orders_version ON orders (venue_id, version);
CREATE INDEX order_lines_version ON order_lines (venue_id, version);
CREATE INDEX payments_version ON payments (venue_id, version);

-- migrate:down

DROP TABLE audit_log;
DROP TABLE stripe_webhook_events;
DROP TABLE mutation_rejections;
DROP TABLE clients;
DROP TABLE refunds;
DROP TABLE payments;
DROP TABLE order_lines;
DROP TABLE orders;
DROP TABLE menu_item_modifier_groups;
DROP TABLE modifier_options;
DROP TABLE modifier_groups;
DROP TABLE menu_items;
DROP TABLE menu_categories;
DROP TABLE tax_rates;
DROP TABLE tables;
DROP TABLE staff_sessions;
DROP TABLE pairing_codes;
DROP TABLE devices;
DROP TABLE staff;
DROP TABLE venue_clocks;
DROP TABLE venues;
