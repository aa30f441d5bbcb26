import { useInfiniteQuery } from '@tanstack/react-query';
import { FormattedMessage, defineMessage, useIntl } from 'react-intl';
import { useTRPC } from '../../../api/query.ts';
import { intl } from '../../../i18n/intl.ts';
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
  {
    id: 'all',
    label: intl.formatMessage({ id: 'manager.audit.filterAll', defaultMessage: 'Everything' }),
  },
  {
    id: 'menu.',
    label: intl.formatMessage({ id: 'manager.audit.filterMenu', defaultMessage: 'Menu' }),
  },
  {
    id: 'table.',
    label: intl.formatMessage({ id: 'manager.audit.filterTables', defaultMessage: 'Tables' }),
  },
  {
    id: 'staff.',
    label: intl.formatMessage({ id: 'manager.audit.filterStaff', defaultMessage: 'Staff' }),
  },
  {
    id: 'device.',
    label: intl.formatMessage({ id: 'manager.audit.filterDevices', defaultMessage: 'Devices' }),
  },
  {
    id: 'payment.',
    label: intl.formatMessage({
      id: 'manager.audit.filterPayments',
      defaultMessage: 'Payments and refunds',
    }),
  },
  {
    id: 'venue.',
    label: intl.formatMessage({
      id: 'manager.audit.filterVenue',
      defaultMessage: 'Venue settings',
    }),
  },
] as const;

const TITLE = defineMessage({ id: 'manager.audit.title', defaultMessage: 'Audit log' });

/**
 * "menu.item_updated" → "Menu item updated". The words are the server's action code, not a
 * message of ours, so they stay as the code spells them.
 */
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
  const intl = useIntl();
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
        <ScreenHeader title={intl.formatMessage(TITLE)} />
        <Notice
          tone="info"
          title={intl.formatMessage({
            id: 'manager.audit.ownerOnly',
            defaultMessage: 'Only the owner reads the audit log',
          })}
        />
      </>
    );
  }
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <>
      <ScreenHeader
        title={intl.formatMessage(TITLE)}
        description={intl.formatMessage({
          id: 'manager.audit.description',
          defaultMessage: 'Every back-office change, sign-in and refund: who, what and when.',
        })}
      />
      <Panel
        title={intl.formatMessage({ id: 'manager.audit.entries', defaultMessage: 'Entries' })}
        actions={
          <SelectField
            label={intl.formatMessage({ id: 'manager.audit.show', defaultMessage: 'Show' })}
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
              caption={intl.formatMessage({
                id: 'manager.audit.caption',
                defaultMessage: 'Audit log entries',
              })}
              rows={entries}
              rowKey={(entry) => entry.id}
              empty={intl.formatMessage({
                id: 'manager.audit.empty',
                defaultMessage: 'Nothing recorded yet.',
              })}
              columns={[
                {
                  header: intl.formatMessage({ id: 'manager.audit.when', defaultMessage: 'When' }),
                  cell: (entry) => (
                    <span className="whitespace-nowrap">
                      {formatDateTime(Date.parse(entry.at))}
                    </span>
                  ),
                },
                {
                  header: intl.formatMessage({ id: 'manager.audit.who', defaultMessage: 'Who' }),
                  cell: (entry) => {
                    if (!entry.actor) {
                      return intl.formatMessage({
                        id: 'manager.audit.system',
                        defaultMessage: 'System',
                      });
                    }
                    const name =
                      entry.actor.name ??
                      intl.formatMessage({
                        id: 'manager.audit.formerStaff',
                        defaultMessage: 'Former staff',
                      });
                    const role = entry.actor.role
                      ? (ROLE_LABELS[entry.actor.role as keyof typeof ROLE_LABELS] ??
                        entry.actor.role)
                      : null;
                    return role
                      ? intl.formatMessage(
                          { id: 'manager.audit.actorWithRole', defaultMessage: '{name} ({role})' },
                          { name, role },
                        )
                      : name;
                  },
                },
                {
                  header: intl.formatMessage({ id: 'manager.audit.what', defaultMessage: 'What' }),
                  cell: (entry) => (
                    <span className="font-semibold">{describeAction(entry.action)}</span>
                  ),
                },
                {
                  header: intl.formatMessage({
                    id: 'manager.audit.details',
                    defaultMessage: 'Details',
                  }),
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
                <FormattedMessage
                  id="manager.audit.showOlder"
                  defaultMessage="Show older entries"
                />
              </Button>
            ) : null}
          </>
        ) : log.isError ? (
          <QueryErrorNotice
            query={log}
            what={intl.formatMessage({
              id: 'manager.audit.whatLog',
              defaultMessage: 'the audit log',
            })}
          />
        ) : (
          <LoadingBlock
            label={intl.formatMessage({
              id: 'manager.audit.loading',
              defaultMessage: 'Loading the audit log…',
            })}
          />
        )}
      </Panel>
    </>
  );
}

export default AuditScreen;
