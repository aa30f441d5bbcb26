import type { OrderRow, TableRow } from '@servio/shared';
import { ChefHat, LayoutDashboard } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { floorStatusOfTable, type FloorStatus } from '../floor-status.ts';
import { permissionFor } from '../manager-approval.tsx';
import { usePos } from '../pos-context.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { LinkButton } from '../../../ui/link-button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { useFloor } from '../pos-queries.ts';
import { OpenTableDialog, TableOrdersDialog } from './open-table-dialog.tsx';
import { StaffMenu } from './staff-menu.tsx';
import { TableTile } from './table-tile.tsx';
import { TakeawayPanel } from './takeaway-panel.tsx';
import { FormattedMessage, useIntl } from 'react-intl';

const LEGEND: readonly FloorStatus[] = ['free', 'open', 'sent', 'waiting', 'paid'];

type Chosen =
  { kind: 'open'; table: TableRow } | { kind: 'choose'; table: TableRow; orders: OrderRow[] };

/**
 * The tablet's home: every table by area with what is happening there (status, time since it
 * was opened, the bill so far), and the takeaway and counter orders beside them. A tap on a
 * free table opens an order there; on a busy one, its order.
 */
export function FloorPlan() {
  const intl = useIntl();
  const { staff } = usePos();
  const floor = useFloor();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const mayOpen = permissionFor(staff.role, 'order.open') === 'allowed';

  const areas = useMemo(() => {
    if (!floor) return [];
    const byArea = new Map<string, TableRow[]>();
    for (const table of floor.tables) {
      const area =
        table.area.trim() ||
        intl.formatMessage({ id: 'pos.floorPlan.tables', defaultMessage: 'Tables' });
      byArea.set(area, [...(byArea.get(area) ?? []), table]);
    }
    return [...byArea.entries()];
  }, [floor, intl]);

  const ordersByTable = useMemo(() => {
    const map = new Map<string, OrderRow[]>();
    for (const order of floor?.orders ?? []) {
      if (!order.tableId) continue;
      map.set(order.tableId, [...(map.get(order.tableId) ?? []), order]);
    }
    return map;
  }, [floor]);

  const counts = useMemo(() => {
    const result: Record<FloorStatus, number> = { free: 0, open: 0, sent: 0, waiting: 0, paid: 0 };
    for (const table of floor?.tables ?? []) {
      result[floorStatusOfTable(ordersByTable.get(table.id) ?? [])] += 1;
    }
    return result;
  }, [floor, ordersByTable]);

  const pressTable = (table: TableRow) => {
    const orders = ordersByTable.get(table.id) ?? [];
    if (orders.length === 1 && orders[0]) {
      void navigate(`/orders/${orders[0].id}`);
    } else if (orders.length > 1) {
      setChosen({ kind: 'choose', table, orders });
    } else if (mayOpen) {
      setChosen({ kind: 'open', table });
    }
  };

  const takeaway = (floor?.orders ?? []).filter((order) => !order.tableId);

  return (
    <div className="mx-auto flex w-full max-w-[96rem] flex-1 flex-col gap-4 p-3 sm:p-4 lg:flex-row lg:items-start lg:gap-5 lg:p-5">
      <section aria-labelledby="floor-title" className="flex min-w-0 flex-1 flex-col gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="floor-title" className="mr-auto flex items-center gap-2 text-2xl font-bold">
            <LayoutDashboard aria-hidden className="size-7" />
            <FormattedMessage id="pos.floorPlan.floor" defaultMessage="Floor" />
          </h1>
          <LinkButton to="/kitchen" variant="secondary">
            <ChefHat aria-hidden className="size-5" />
            <FormattedMessage id="pos.floorPlan.kitchen" defaultMessage="Kitchen" />
          </LinkButton>
          <StaffMenu />
        </div>

        <ul
          aria-label={intl.formatMessage({
            id: 'pos.floorPlan.tableStatus',
            defaultMessage: 'Table status',
          })}
          className="flex flex-wrap gap-2"
        >
          {LEGEND.map((status) => (
            <li key={status} className="flex items-center gap-1.5 text-sm text-ink-muted">
              <StatusBadge status={status} />
              <span className="tabular-nums">{counts[status]}</span>
            </li>
          ))}
        </ul>

        {!mayOpen ? (
          <Notice
            tone="info"
            title={intl.formatMessage(
              { id: 'pos.floorPlan.signedInAs', defaultMessage: 'Signed in as {name} ({role})' },
              { name: staff.name, role: staff.role },
            )}
          >
            <FormattedMessage
              id="pos.floorPlan.yourRoleCannotTake"
              defaultMessage="Your role cannot take orders on this screen. "
            />
            {staff.role === 'kitchen' ? (
              <FormattedMessage
                id="pos.floorPlan.theKitchenDisplayShows"
                defaultMessage="The kitchen display shows the tickets."
              />
            ) : null}
          </Notice>
        ) : null}

        {floor === undefined ? (
          <p role="status" className="rounded-card bg-surface p-5 text-ink-muted shadow-card">
            <FormattedMessage
              id="pos.floorPlan.loadingTheFloor"
              defaultMessage="Loading the floor…"
            />
          </p>
        ) : floor.tables.length === 0 ? (
          <Notice
            tone="info"
            title={intl.formatMessage({
              id: 'pos.floorPlan.noTablesYet',
              defaultMessage: 'No tables yet',
            })}
          >
            <FormattedMessage
              id="pos.floorPlan.aManagerAddsTables"
              defaultMessage="A manager adds tables in the back office. Takeaway orders work without them."
            />
          </Notice>
        ) : (
          areas.map(([area, tables]) => (
            <section key={area} aria-label={area} className="flex flex-col gap-2">
              <h2 className="text-lg font-semibold text-ink-muted">{area}</h2>
              <ul className="grid grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-3">
                {tables.map((table) => (
                  <li key={table.id} className="flex">
                    <TableTile
                      table={table}
                      orders={ordersByTable.get(table.id) ?? []}
                      isDisabled={!mayOpen && !ordersByTable.has(table.id)}
                      onPress={() => pressTable(table)}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </section>

      <TakeawayPanel orders={takeaway} mayOpen={mayOpen} />

      {chosen?.kind === 'open' ? (
        <OpenTableDialog table={chosen.table} onClose={() => setChosen(null)} />
      ) : null}
      {chosen?.kind === 'choose' ? (
        <TableOrdersDialog
          table={chosen.table}
          orders={chosen.orders}
          mayOpen={mayOpen}
          onClose={() => setChosen(null)}
        />
      ) : null}
    </div>
  );
}
