-- A takeaway or a tab carries the customer's name (`order.setCustomerName`), so the floor can call
-- it out and find the order. NULL when the order has no name; the mutation trims the text and
-- keeps it to 1–80 characters, and the check holds the same line for anything else that writes.

-- migrate:up

ALTER TABLE orders ADD COLUMN customer_name text
  CHECK (char_length(customer_name) BETWEEN 1 AND 80);

-- migrate:down

ALTER TABLE orders DROP COLUMN customer_name;
