import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../api/query.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS, type AuditEntry } from '../manager-api.ts';
import { useManager } from '../manager-context.ts';

const FILTERS = [
  { id: 'all', label: 'Everything' },
  { id: 'menu.', label: 'Menu' },
  { id: 'table.', label: 'Tables' },
  { id: 'staff.', label: 'Staff' },
  { id: 'device.', label: 'Devices' },
  { id: 'payment.', label: 'Payments and refunds' },
  { id: 'venue.', label: 'Venue settings' },
] as const;

/** "menu.item_updated" → "Menu item updated". */
function describeAction(action: string): string {
  const text = action.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(' · ');
}

/** Who did what and when, newest first (owner only, as on the server). */
export function AuditScreen() {
  const trpc = useTRPC();
  const { staff } = useManager();
  const [search, setSearch] = useSearchParams();
  const action = search.get('action') ?? 'all';
  const log = useInfiniteQuery(
    trpc.backoffice.audit.list.infiniteQueryOptions(
      { limit: 50, ...(action !== 'all' ? { action } : {}) },
      { getNextPageParam: (page) => page.nextCursor, enabled: staff.role === 'owner' },
    ),
  );

  if (staff.role !== 'owner') {
    return (
      <>
        <ScreenHeader title="Audit log" />
        <Notice tone="info" title="Only the owner reads the audit log" />
      </>
    );
  }
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <>
      <ScreenHeader
        title="Audit log"
        description="Every back-office change, sign-in and refund: who, what and when."
      />
      <Panel
        title="Entries"
        actions={
          <SelectField
            label="Show"
            value={action}
            onChange={(value) => setSearch(value === 'all' ? {} : { action: value })}
            options={FILTERS}
            className="w-64"
          />
        }
      >
        {log.data ? (
          <>
            <DataTable<AuditEntry>
              caption="Audit log entries"
              rows={entries}
              rowKey={(entry) => entry.id}
              empty="Nothing recorded yet."
              columns={[
                {
                  header: 'When',
                  cell: (entry) => (
                    <span className="whitespace-nowrap">
                      {formatDateTime(Date.parse(entry.at))}
                    </span>
                  ),
                },
                {
                  header: 'Who',
                  cell: (entry) =>
                    entry.actor
                      ? `${entry.actor.name ?? 'Former staff'}${entry.actor.role ? ` (${ROLE_LABELS[entry.actor.role as keyof typeof ROLE_LABELS] ?? entry.actor.role})` : ''}`
                      : 'System',
                },
                {
                  header: 'What',
                  cell: (entry) => (
                    <span className="font-semibold">{describeAction(entry.action)}</span>
                  ),
                },
                {
                  header: 'Details',
                  cell: (entry) => (
                    <span className="break-all text-sm text-ink-muted">
                      {describeDetails(entry.details)}
                    </span>
                  ),
                },
              ]}
            />
            {log.hasNextPage ? (
              <Button
                variant="secondary"
                isPending={log.isFetchingNextPage}
                onPress={() => void log.fetchNextPage()}
                className="self-start"
              >
                Show older entries
              </Button>
            ) : null}
          </>
        ) : log.isError ? (
          <QueryErrorNotice query={log} what="the audit log" />
        ) : (
          <LoadingBlock label="Loading the audit log…" />
        )}
      </Panel>
    </>
  );
}

export default AuditScreen;
