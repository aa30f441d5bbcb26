import type { OrderId, OrderLineRow } from '@servio/shared';
import { ChefHat, CircleCheck, StickyNote, Undo2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Elapsed,
  minutesSince,
  modifiersText,
  permissionFor,
  runMutation,
  StaffMenu,
  usePos,
} from '../pos/index.ts';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/class-names.ts';
import { Notice } from '../../ui/notice.tsx';
import { db } from '../../data/db.ts';
import { useNow } from '../../lib/clock.ts';
import { formatClock } from '../../lib/format.ts';
import {
  activeTickets,
  doneTickets,
  linesToBump,
  linesToRecall,
  stationsOf,
  type KitchenTicket,
} from './tickets.ts';
import { FormattedMessage, useIntl } from 'react-intl';

const RECENT_DONE = 8;

/** "kitchen" → "Kitchen": stations are free text set in the back office. */
const stationName = (station: string) => station.charAt(0).toUpperCase() + station.slice(1);
// Tickets turn amber, then red, as they wait: the kitchen sees what is late from across the room.
const LATE_MINUTES = 10;
const VERY_LATE_MINUTES = 20;

/** Everything the board needs, read live from the tablet database the sync keeps current. */
function useKitchenRows() {
  return useLiveQuery(async () => {
    const [cooking, ready] = await Promise.all([
      db.orderLines.where('status').equals('sent').toArray(),
      db.orderLines.where('status').equals('ready').toArray(),
    ]);
    const recentReady = ready
      .filter((line) => line.deletedAt === null && line.readyAt !== null)
      .sort((a, b) => ((a.readyAt ?? '') < (b.readyAt ?? '') ? 1 : -1))
      .slice(0, 60);
    const orderIds = [...new Set([...cooking, ...recentReady].map((line) => line.orderId))];
    const [lines, orders, tables] = await Promise.all([
      db.orderLines.where('orderId').anyOf(orderIds).toArray(),
      db.orders.bulkGet(orderIds as OrderId[]),
      db.diningTables.toArray(),
    ]);
    return {
      lines: lines.filter((line) => line.deletedAt === null),
      orders: new Map(
        orders.flatMap((order) =>
          order && order.deletedAt === null ? [[order.id as string, order]] : [],
        ),
      ),
      tables: new Map(tables.map((table) => [table.id as string, table])),
    };
  }, []);
}

/**
 * `/kitchen`: the kitchen display. Tickets in order of arrival with how long they have waited,
 * their dishes, options and notes; "Bump" marks a ticket ready (kitchen.bump), and the recently
 * bumped ones can be recalled (kitchen.recall) when one went out too soon.
 */
export function KitchenDisplay() {
  const intl = useIntl();
  const { staff } = usePos();
  const rows = useKitchenRows();
  const [station, setStation] = useState<string>('all');
  const mayBump = permissionFor(staff.role, 'kitchen.bump') === 'allowed';

  const board = useMemo(() => {
    if (!rows) return null;
    const sources = { ...rows, station: station === 'all' ? null : station };
    return {
      active: activeTickets(sources),
      done: doneTickets(sources, RECENT_DONE),
      stations: stationsOf(rows.lines),
    };
  }, [rows, station]);

  return (
    <div className="flex flex-1 flex-col gap-4 p-3 sm:p-4 lg:p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto flex items-center gap-2 text-2xl font-bold sm:text-3xl">
          <ChefHat aria-hidden className="size-8" />
          <FormattedMessage
            id="kitchen.kitchenDisplay.kitchenDisplay"
            defaultMessage="Kitchen display"
          />
        </h1>
        {board && board.stations.length > 1 ? (
          <ToggleButtonGroup
            aria-label={intl.formatMessage({
              id: 'kitchen.kitchenDisplay.station',
              defaultMessage: 'Station',
            })}
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[station]}
            onSelectionChange={(keys) => {
              const [first] = [...keys];
              if (typeof first === 'string') setStation(first);
            }}
            className="flex gap-1 rounded-control bg-sunken p-1"
          >
            {['all', ...board.stations].map((entry) => (
              <ToggleButton
                key={entry}
                id={entry}
                className="min-h-touch rounded-control px-4 font-semibold data-selected:bg-ink data-selected:text-white"
              >
                {entry === 'all' ? (
                  <FormattedMessage
                    id="kitchen.kitchenDisplay.allStations"
                    defaultMessage="All stations"
                  />
                ) : (
                  stationName(entry)
                )}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        ) : null}
        <StaffMenu />
      </div>

      {!mayBump ? (
        <Notice
          tone="info"
          title={intl.formatMessage(
            {
              id: 'kitchen.kitchenDisplay.canWatchTheBoard',
              defaultMessage: '{name} can watch the board but not bump tickets',
            },
            { name: staff.name },
          )}
        >
          <FormattedMessage
            id="kitchen.kitchenDisplay.kitchenStaffAndManagers"
            defaultMessage="Kitchen staff and managers bump tickets."
          />
        </Notice>
      ) : null}

      {board === null ? (
        <p role="status" className="rounded-card bg-surface p-5 text-ink-muted shadow-card">
          <FormattedMessage
            id="kitchen.kitchenDisplay.loadingTickets"
            defaultMessage="Loading tickets…"
          />
        </p>
      ) : board.active.length === 0 ? (
        <section
          aria-label={intl.formatMessage({
            id: 'kitchen.kitchenDisplay.tickets',
            defaultMessage: 'Tickets',
          })}
          className="flex flex-col items-center justify-center gap-2 rounded-card border-2 border-dashed border-line-strong bg-surface p-10 text-center"
        >
          <CircleCheck aria-hidden className="size-12 text-ok" />
          <h2 className="text-xl font-bold">
            <FormattedMessage
              id="kitchen.kitchenDisplay.allCaughtUp"
              defaultMessage="All caught up"
            />
          </h2>
          <p className="text-base text-ink-muted">
            <FormattedMessage
              id="kitchen.kitchenDisplay.newTicketsAppearHere"
              defaultMessage="New tickets appear here as soon as a tablet sends them."
            />
          </p>
        </section>
      ) : (
        <section
          aria-label={intl.formatMessage({
            id: 'kitchen.kitchenDisplay.tickets',
            defaultMessage: 'Tickets',
          })}
        >
          <ol className="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] items-start gap-3">
            {board.active.map((ticket) => (
              <li key={ticket.key}>
                <TicketCard ticket={ticket} mayBump={mayBump} />
              </li>
            ))}
          </ol>
        </section>
      )}

      {board && board.done.length > 0 ? (
        <section aria-labelledby="done-title" className="flex flex-col gap-2">
          <h2 id="done-title" className="text-lg font-bold text-ink-muted">
            <FormattedMessage
              id="kitchen.kitchenDisplay.recentlyBumped"
              defaultMessage="Recently bumped"
            />
          </h2>
          <ol className="grid grid-cols-[repeat(auto-fill,minmax(18rem,1fr))] gap-2">
            {board.done.map((ticket) => (
              <li key={ticket.key}>
                <DoneCard ticket={ticket} mayRecall={mayBump} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function TicketCard({ ticket, mayBump }: { ticket: KitchenTicket; mayBump: boolean }) {
  const intl = useIntl();
  const now = useNow();
  const [bumping, setBumping] = useState(false);
  const waited = minutesSince(ticket.sentAt, now);
  const tone =
    waited >= VERY_LATE_MINUTES
      ? 'bg-danger text-white'
      : waited >= LATE_MINUTES
        ? 'bg-warn text-white'
        : 'bg-ink text-white';

  async function bump() {
    setBumping(true);
    await runMutation(
      'kitchen.bump',
      { orderId: ticket.orderId, lineIds: linesToBump(ticket), to: 'ready' },
      {
        done: intl.formatMessage(
          { id: 'kitchen.kitchenDisplay.ready2', defaultMessage: '{where} · {number} ready' },
          { where: ticket.where, number: ticket.number },
        ),
        refused: intl.formatMessage({
          id: 'kitchen.kitchenDisplay.ticketNotBumped',
          defaultMessage: 'Ticket not bumped',
        }),
      },
    );
    setBumping(false);
  }

  return (
    <article
      aria-label={intl.formatMessage(
        {
          id: 'kitchen.kitchenDisplay.ticketOrder',
          defaultMessage: 'Ticket {where}, order {number}',
        },
        { where: ticket.where, number: ticket.number },
      )}
      className="flex flex-col overflow-hidden rounded-card bg-surface shadow-card"
    >
      <div className={cx('flex items-center justify-between gap-2 px-4 py-2', tone)}>
        <span className="flex items-baseline gap-2">
          <span className="text-2xl font-bold">{ticket.where}</span>
          <span className="text-base opacity-90">{ticket.number}</span>
        </span>
        <Elapsed since={ticket.sentAt} className="text-xl font-bold" />
      </div>
      <ul className="flex flex-col divide-y divide-line">
        {ticket.lines.map((line) => (
          <TicketLine key={line.id} line={line} />
        ))}
      </ul>
      {mayBump ? (
        <div className="p-3">
          <Button size="lg" className="w-full" isPending={bumping} onPress={() => void bump()}>
            <CircleCheck aria-hidden className="size-6" />
            <FormattedMessage id="kitchen.kitchenDisplay.bumpReady" defaultMessage="Bump · ready" />
          </Button>
        </div>
      ) : null}
    </article>
  );
}

function TicketLine({ line }: { line: OrderLineRow }) {
  const voided = line.status === 'voided';
  const ready = line.status === 'ready' || line.status === 'served';
  return (
    <li className={cx('flex gap-3 px-4 py-2', voided && 'bg-danger-soft')}>
      <span
        className={cx(
          'text-xl font-bold tabular-nums',
          (voided || ready) && 'line-through opacity-60',
        )}
      >
        <FormattedMessage
          id="kitchen.kitchenDisplay.text"
          defaultMessage="{quantity}×"
          values={{ quantity: line.quantity }}
        />
      </span>
      <span className="flex min-w-0 flex-1 flex-col">
        <span
          className={cx('text-lg font-semibold', (voided || ready) && 'line-through opacity-60')}
        >
          {line.name}
        </span>
        {line.modifiers.length > 0 ? (
          <span className="text-base">{modifiersText(line)}</span>
        ) : null}
        {line.note ? (
          <span className="mt-0.5 flex items-start gap-1 rounded bg-warn-soft px-1.5 py-0.5 text-base font-semibold text-warn-ink">
            <StickyNote aria-hidden className="mt-0.5 size-4 shrink-0" />
            {line.note}
          </span>
        ) : null}
        {voided ? (
          <span className="text-base font-bold text-danger">
            <FormattedMessage
              id="kitchen.kitchenDisplay.voidDoNotMake"
              defaultMessage="VOID — do not make"
            />
          </span>
        ) : null}
        {ready ? (
          <span className="text-sm font-semibold text-ok-ink">
            <FormattedMessage id="kitchen.kitchenDisplay.ready" defaultMessage="Ready" />
          </span>
        ) : null}
      </span>
    </li>
  );
}

function DoneCard({ ticket, mayRecall }: { ticket: KitchenTicket; mayRecall: boolean }) {
  const intl = useIntl();
  const [recalling, setRecalling] = useState(false);
  const count = ticket.lines
    .filter((line) => line.status !== 'voided')
    .reduce((sum, line) => sum + line.quantity, 0);

  async function recall() {
    setRecalling(true);
    await runMutation(
      'kitchen.recall',
      { orderId: ticket.orderId, lineIds: linesToRecall(ticket) },
      {
        done: intl.formatMessage(
          {
            id: 'kitchen.kitchenDisplay.backOnTheBoard',
            defaultMessage: '{where} · {number} back on the board',
          },
          { where: ticket.where, number: ticket.number },
        ),
        refused: intl.formatMessage({
          id: 'kitchen.kitchenDisplay.ticketNotRecalled',
          defaultMessage: 'Ticket not recalled',
        }),
      },
    );
    setRecalling(false);
  }

  return (
    <article
      aria-label={intl.formatMessage(
        {
          id: 'kitchen.kitchenDisplay.bumpedTicketOrder',
          defaultMessage: 'Bumped ticket {where}, order {number}',
        },
        { where: ticket.where, number: ticket.number },
      )}
      className="flex items-center gap-3 rounded-card bg-surface p-2 pl-4 shadow-card"
    >
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="font-bold whitespace-nowrap">
          <FormattedMessage
            id="kitchen.kitchenDisplay.text2"
            defaultMessage="{where} · {number}"
            values={{ where: ticket.where, number: ticket.number }}
          />
        </span>
        <span className="text-sm text-ink-muted">
          <FormattedMessage
            id="kitchen.kitchenDisplay.itemCount"
            defaultMessage="{count, plural, one {# item} other {# items}}"
            values={{ count }}
          />
          {ticket.readyAt ? (
            <FormattedMessage
              id="kitchen.kitchenDisplay.readyAt"
              defaultMessage=" · ready at {readyAt}"
              values={{ readyAt: formatClock(Date.parse(ticket.readyAt)) }}
            />
          ) : null}
        </span>
      </span>
      {mayRecall ? (
        <Button variant="secondary" isPending={recalling} onPress={() => void recall()}>
          <Undo2 aria-hidden className="size-5" />
          <FormattedMessage id="kitchen.kitchenDisplay.recall" defaultMessage="Recall" />
        </Button>
      ) : null}
    </article>
  );
}
