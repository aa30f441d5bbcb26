-- QR pay at the table and QR ordering with pay-now. Both tables are server-only (tablets never
-- sync them): they remember what a customer asked to pay for, keyed by the Stripe PaymentIntent,
-- so the webhook and the customer's page settle the same intent the same way, exactly once.

-- migrate:up

-- One row per PaymentIntent created for (part of) a table's bill. The payment row itself
-- (`payments`, method 'stripe', pending until Stripe says otherwise) is what tablets see.
CREATE TABLE qr_payment_requests (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  -- Set once Stripe has answered: the part of the bill is reserved (pending payment) before
  -- Stripe is called, so no lock is held across the network call.
  payment_intent_id text UNIQUE,
  payment_id uuid NOT NULL,
  order_id uuid NOT NULL,
  table_id uuid NOT NULL,
  -- Hash of (order, selection, tip choice, the page's attempt id): the same attempt sent again
  -- gets the same intent back instead of a second one.
  request_key text NOT NULL,
  -- {kind: all} | {kind: share, parts, share} | {kind: items, lineIds} | {kind: amount, amountMinor}
  selection jsonb NOT NULL,
  -- The lines a "pay for these items" request covers (empty otherwise), so two phones cannot
  -- both pay for the same dish.
  line_ids uuid[] NOT NULL DEFAULT '{}',
  requested_minor bigint NOT NULL CHECK (requested_minor >= 0),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  tip_minor bigint NOT NULL CHECK (tip_minor >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (venue_id, payment_id),
  UNIQUE (venue_id, request_key),
  FOREIGN KEY (venue_id, payment_id) REFERENCES payments (venue_id, id),
  FOREIGN KEY (venue_id, order_id) REFERENCES orders (venue_id, id),
  FOREIGN KEY (venue_id, table_id) REFERENCES tables (venue_id, id)
);
CREATE INDEX qr_payment_requests_by_order ON qr_payment_requests (venue_id, order_id);

-- A QR cart waiting for its payment. The order, its lines and its payment get their ids here,
-- up front, and are created only once the intent has succeeded (createFromPaidIntent): the
-- status flips from awaiting_payment to ordered in the same transaction, exactly once.
CREATE TABLE qr_checkouts (
  venue_id uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
  payment_intent_id text NOT NULL UNIQUE,
  table_id uuid NOT NULL,
  order_id uuid NOT NULL,
  payment_id uuid NOT NULL,
  request_key text NOT NULL,
  -- The priced lines as the server computed them from the menu (S12), with their line ids.
  cart jsonb NOT NULL,
  note text,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  tip_minor bigint NOT NULL CHECK (tip_minor >= 0),
  status text NOT NULL DEFAULT 'awaiting_payment'
    CHECK (status IN ('awaiting_payment', 'ordered', 'canceled')),
  order_number text,
  created_at timestamptz NOT NULL DEFAULT now(),
  ordered_at timestamptz,
  PRIMARY KEY (venue_id, order_id),
  UNIQUE (venue_id, payment_id),
  UNIQUE (venue_id, request_key),
  FOREIGN KEY (venue_id, table_id) REFERENCES tables (venue_id, id)
);

-- Refunds are synced to tablets (S5) like payments: pull reads them by version.
CREATE INDEX refunds_version ON refunds (venue_id, version);
CREATE INDEX refunds_by_payment ON refunds (venue_id, payment_id);

ALTER TABLE qr_payment_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON qr_payment_requests TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

ALTER TABLE qr_checkouts ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_isolation ON qr_checkouts TO servio_app
  USING (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid)
  WITH CHECK (venue_id = NULLIF(current_setting('app.venue_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON qr_payment_requests, qr_checkouts TO servio_app;

-- migrate:down

DROP INDEX refunds_by_payment;
DROP INDEX refunds_version;
DROP TABLE qr_checkouts;
DROP TABLE qr_payment_requests;
