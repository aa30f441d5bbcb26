import { useQuery } from '@tanstack/react-query';
import { KeyRound, Pencil, Plus, QrCode, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DataTable } from '../../../ui/data-table.tsx';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { LinkButton } from '../../../ui/link-button.tsx';
import type { TableRow } from '../manager-api.ts';
import { TableDialog } from './table-dialog.tsx';

type Editing =
  | { kind: 'edit'; table: TableRow | null }
  | { kind: 'reissue'; table: TableRow }
  | { kind: 'delete'; table: TableRow }
  | null;

/** Tables by area, their QR codes (printable sheet) and the token behind each code. */
export function TablesScreen() {
  const intl = useIntl();
  const trpc = useTRPC();
  const tables = useQuery(trpc.backoffice.tables.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  const header = (
    <ScreenHeader
      title={intl.formatMessage({ id: 'manager.tables.title', defaultMessage: 'Tables' })}
      description={intl.formatMessage({
        id: 'manager.tables.description',
        defaultMessage: "Each table has a QR code that opens its bill on the customer's phone.",
      })}
      actions={
        <>
          <LinkButton to="/manager/tables/qr" variant="secondary">
            <QrCode aria-hidden className="size-5" />
            <FormattedMessage id="manager.tables.qrSheet" defaultMessage="QR sheet" />
          </LinkButton>
          <Button onPress={() => setEditing({ kind: 'edit', table: null })}>
            <Plus aria-hidden className="size-5" />
            <FormattedMessage id="manager.tables.addTable" defaultMessage="Add table" />
          </Button>
        </>
      }
    />
  );
  if (!tables.data) {
    return (
      <>
        {header}
        {tables.isError ? (
          <QueryErrorNotice
            query={tables}
            what={intl.formatMessage({ id: 'manager.tables.what', defaultMessage: 'the tables' })}
          />
        ) : (
          <LoadingBlock
            label={intl.formatMessage({
              id: 'manager.tables.loading',
              defaultMessage: 'Loading the tables…',
            })}
          />
        )}
      </>
    );
  }
  const areas = [...new Set(tables.data.map((table) => table.area))];

  return (
    <>
      {header}
      {areas.map((area) => {
        const rows = tables.data.filter((table) => table.area === area);
        return (
          <Panel
            key={area}
            title={area}
            description={intl.formatMessage(
              {
                id: 'manager.tables.tableCount',
                defaultMessage: '{count, plural, one {# table} other {# tables}}',
              },
              { count: rows.length },
            )}
          >
            <DataTable
              caption={intl.formatMessage(
                { id: 'manager.tables.caption', defaultMessage: 'Tables in {area}' },
                { area },
              )}
              rows={rows}
              rowKey={(table) => table.id}
              empty={intl.formatMessage({
                id: 'manager.tables.empty',
                defaultMessage: 'No tables.',
              })}
              columns={[
                {
                  header: intl.formatMessage({
                    id: 'manager.tables.column.table',
                    defaultMessage: 'Table',
                  }),
                  cell: (table) => <span className="font-semibold">{table.name}</span>,
                },
                {
                  header: intl.formatMessage({
                    id: 'manager.tables.column.seats',
                    defaultMessage: 'Seats',
                  }),
                  numeric: true,
                  cell: (table) => table.seats,
                },
                {
                  header: intl.formatMessage({
                    id: 'manager.tables.column.actions',
                    defaultMessage: 'Actions',
                  }),
                  cell: (table) => (
                    <div className="flex gap-2">
                      <Button
                        variant="secondary"
                        aria-label={intl.formatMessage(
                          { id: 'manager.tables.editTable', defaultMessage: 'Edit {name}' },
                          { name: table.name },
                        )}
                        onPress={() => setEditing({ kind: 'edit', table })}
                      >
                        <Pencil aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">
                          <FormattedMessage id="manager.tables.edit" defaultMessage="Edit" />
                        </span>
                      </Button>
                      <Button
                        variant="secondary"
                        aria-label={intl.formatMessage(
                          {
                            id: 'manager.tables.newCodeFor',
                            defaultMessage: 'New QR code for {name}',
                          },
                          { name: table.name },
                        )}
                        onPress={() => setEditing({ kind: 'reissue', table })}
                      >
                        <KeyRound aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">
                          <FormattedMessage id="manager.tables.newCode" defaultMessage="New code" />
                        </span>
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={intl.formatMessage(
                          { id: 'manager.tables.removeTable', defaultMessage: 'Remove {name}' },
                          { name: table.name },
                        )}
                        onPress={() => setEditing({ kind: 'delete', table })}
                      >
                        <Trash2 aria-hidden className="size-5" />
                      </Button>
                    </div>
                  ),
                },
              ]}
            />
          </Panel>
        );
      })}
      {editing?.kind === 'edit' ? (
        <TableDialog table={editing.table} areas={areas} onClose={close} />
      ) : null}
      {editing?.kind === 'reissue' ? <ReissueDialog table={editing.table} onClose={close} /> : null}
      {editing?.kind === 'delete' ? <DeleteDialog table={editing.table} onClose={close} /> : null}
    </>
  );
}

function ReissueDialog({ table, onClose }: { table: TableRow; onClose: () => void }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const reissue = useServerMutation(
    { mutationFn: () => client.backoffice.tables.reissueToken.mutate({ id: table.id }) },
    [trpc.backoffice.tables.list.queryFilter(), trpc.backoffice.tables.qrSheet.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'manager.tables.reissue.title', defaultMessage: 'New QR code for {name}?' },
        { name: table.name },
      )}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          reissue.mutate();
        }}
      >
        <p className="text-base">
          <FormattedMessage
            id="manager.tables.reissue.explanation"
            defaultMessage="Codes already printed for {name} stop working at once: a customer scanning one sees that the code is no longer valid. Print the new code from the QR sheet afterwards."
            values={{ name: table.name }}
          />
        </p>
        <FormError message={reissue.problem} />
        <DialogButtons
          onClose={onClose}
          pending={reissue.isPending}
          label={intl.formatMessage({
            id: 'manager.tables.reissue.submit',
            defaultMessage: 'Issue a new code',
          })}
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

function DeleteDialog({ table, onClose }: { table: TableRow; onClose: () => void }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const remove = useServerMutation(
    { mutationFn: () => client.backoffice.tables.delete.mutate({ id: table.id }) },
    [trpc.backoffice.tables.list.queryFilter(), trpc.backoffice.tables.qrSheet.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'manager.tables.remove.title', defaultMessage: 'Remove {name}?' },
        { name: table.name },
      )}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate();
        }}
      >
        <p className="text-base">
          <FormattedMessage
            id="manager.tables.remove.explanation"
            defaultMessage="{name} leaves the floor plan and its QR code stops working. Past orders keep it in the reports. A table with an open order cannot be removed."
            values={{ name: table.name }}
          />
        </p>
        <FormError message={remove.problem} />
        <DialogButtons
          onClose={onClose}
          pending={remove.isPending}
          label={intl.formatMessage({
            id: 'manager.tables.remove.submit',
            defaultMessage: 'Remove table',
          })}
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

export default TablesScreen;
