-- Staff deactivated while a tablet was offline: the mutations that waiter made before the
-- deactivation still sync (S11, judged at the mutation's clientTime), so cash they took is never
-- refused. `deactivated_at` records when; NULL while active (and for rows deactivated before this
-- column existed, which stay refused as before).

-- migrate:up

ALTER TABLE staff ADD COLUMN deactivated_at timestamptz;

-- migrate:down

ALTER TABLE staff DROP COLUMN deactivated_at;
