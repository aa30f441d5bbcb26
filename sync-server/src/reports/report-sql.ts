/**
 * What every report figure means. One rule decides what a range covers: **a report of
 * business days X..Y is the story of the orders whose business day is in X..Y** — what was
 * sold on them, taken for them, tipped on them and refunded on them. The business day is the
 * one the tablet's own clock gave the order when it was opened (S11), so an order synced late
 * lands on the night it happened, and a sale at 01:30 before a 04:00 cut-off lands on the
 * evening before. Refunds follow their order too, so the figures of a range always reconcile
 * (taken − refunded is what those orders kept).
 *
 * The money columns of `orders` and `order_lines` are the ones `shared/totals.ts` computed
 * (S12: the server recomputes them from its own rows), so report figures are sums of them:
 *
 *   report orders   = the venue's orders (not tombstoned) with business_day in X..Y
 *   sales orders    = report orders whose status is not 'void' (open ones included: a report
 *                     of today shows tables still eating; `openOrders` lists them)
 *   order count     = number of sales orders; covers = sum of their covers
 *   gross sales     = Σ subtotal       (line gross before any discount; voided lines are 0)
 *   discounts       = Σ discount       (line discounts + order discounts)
 *   net sales       = gross − discounts (tax included when the venue's prices include it)
 *   net ex tax      = net − tax when prices include tax, else net
 *   service charge  = Σ service charge (on top of net, not taxed)
 *   tax             = Σ tax            (per rate per order, as on the receipt)
 *   total billed    = Σ total          (= net + service charge (+ tax when exclusive))
 *   average ticket  = net ÷ order count, per cover = net ÷ covers (rounded half away from zero)
 *   voids           = lines with status 'voided' on report orders (voided orders included):
 *                     their count, quantity, and value = quantity × (unit price + modifier
 *                     deltas), the gross they would have sold for. A voided order adds its lines
 *                     here and nothing to sales; an order merged into another (void, merged_into
 *                     set) carried its lines away and is not a voided order.
 *   payments        = succeeded payments on report orders, by method: amount (against the bill)
 *                     and tip (on top); failed, pending and cancelled payments count nothing
 *   tips            = Σ tip of those payments
 *   refunds         = succeeded refunds of those payments; pending ones are listed, not summed
 *   item net        = line total − its share of the order discount, shared by largest
 *                     remainder in line-id order exactly as `computeOrderTotals` does, so the
 *                     items (and categories) add up to the net sales to the minor unit
 *
 * Queries take `$1` venue id, `$2` first and `$3` last business day, and run inside `inVenue`
 * (row-level security is the second wall; every query still says `venue_id = $1`).
 */

/** The report orders (see above). */
export const REPORT_ORDERS_CTE = `report_orders AS (
  SELECT o.* FROM orders o
   WHERE o.venue_id = $1 AND o.deleted_at IS NULL
     AND o.business_day BETWEEN $2::date AND $3::date
)`;

/**
 * Lines of report orders with their gross: quantity × (unit price + modifier deltas), clamped at
 * zero like `lineAmounts` (a negative modifier never makes a line pay the guest). Unlike
 * `line_total_minor` this is kept for voided lines too: it is what a void threw away.
 */
export const REPORT_LINES_CTE = `report_lines AS (
  SELECT l.id, l.order_id, l.item_id, l.name, l.quantity, l.status, l.line_total_minor,
         o.status AS order_status, o.subtotal_minor - o.discount_minor AS order_net_minor,
         GREATEST(l.unit_price_minor + COALESCE(
           (SELECT sum((m ->> 'priceDeltaMinor')::bigint) FROM jsonb_array_elements(l.modifiers) m),
           0), 0)::bigint * l.quantity AS gross_minor
    FROM order_lines l
    JOIN report_orders o ON o.id = l.order_id
   WHERE l.venue_id = $1 AND l.deleted_at IS NULL
)`;

/**
 * Sold lines with their net: the order discount (what the order's net lacks against the sum of
 * its line totals) is shared by largest remainder: each line gets the floor of its exact share,
 * and the units left over go one each to the largest remainders, the earlier line id on ties.
 * UUIDs compare byte-wise in Postgres, which is the order their lower-case text sorts in JS.
 */
export const SOLD_LINES_CTE = `${REPORT_LINES_CTE},
sold AS (
  SELECT l.*, l.weight_sum - l.order_net_minor AS order_discount_minor
    FROM (SELECT rl.*,
                 -- A window sum is numeric: cast it back so the divisions below stay integer ones.
                 (sum(rl.line_total_minor) OVER (PARTITION BY rl.order_id))::bigint AS weight_sum
            FROM report_lines rl
           WHERE rl.status <> 'voided' AND rl.order_status <> 'void') l
),
shared_out AS (
  SELECT s.*,
         COALESCE(s.order_discount_minor * s.line_total_minor / NULLIF(s.weight_sum, 0), 0)
           AS floor_share,
         COALESCE(s.order_discount_minor * s.line_total_minor % NULLIF(s.weight_sum, 0), 0)
           AS share_remainder
    FROM sold s
),
ranked AS (
  SELECT r.*,
         row_number() OVER (PARTITION BY r.order_id ORDER BY r.share_remainder DESC, r.id)
           AS remainder_rank,
         r.order_discount_minor - (sum(r.floor_share) OVER (PARTITION BY r.order_id))::bigint
           AS left_over
    FROM shared_out r
),
sold_lines AS (
  SELECT r.id, r.order_id, r.item_id, r.name, r.quantity, r.gross_minor,
         r.gross_minor - r.line_total_minor
           + r.floor_share + CASE WHEN r.remainder_rank <= r.left_over THEN 1 ELSE 0 END
           AS discount_minor,
         r.line_total_minor
           - r.floor_share - CASE WHEN r.remainder_rank <= r.left_over THEN 1 ELSE 0 END
           AS net_minor
    FROM ranked r
)`;

/** Succeeded payments of report orders, with what was refunded on each (succeeded refunds). */
export const REPORT_PAYMENTS_CTE = `report_payments AS (
  SELECT p.id, p.order_id, p.method, p.amount_minor, p.tip_minor, p.recorded_by,
         COALESCE((SELECT sum(r.amount_minor) FROM refunds r
                    WHERE r.venue_id = p.venue_id AND r.payment_id = p.id
                      AND r.status = 'succeeded'), 0) AS refunded_minor,
         (SELECT count(*) FROM refunds r
           WHERE r.venue_id = p.venue_id AND r.payment_id = p.id AND r.status = 'succeeded')
           AS refunds_count
    FROM payments p
    JOIN report_orders o ON o.id = p.order_id
   WHERE p.venue_id = $1 AND p.deleted_at IS NULL AND p.status = 'succeeded'
)`;
