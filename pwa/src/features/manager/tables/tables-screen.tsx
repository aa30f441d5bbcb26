import { useQuery } from '@tanstack/react-query';
import { KeyRound, Pencil, Plus, QrCode, Trash2 } from 'lucide-react';
import { useState } from 'react';
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
  const trpc = useTRPC();
  const tables = useQuery(trpc.backoffice.tables.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);

  const header = (
    <ScreenHeader
      title="Tables"
      description="Each table has a QR code that opens its bill on the customer's phone."
      actions={
        <>
          <LinkButton to="/manager/tables/qr" variant="secondary">
            <QrCode aria-hidden className="size-5" />
            QR sheet
          </LinkButton>
          <Button onPress={() => setEditing({ kind: 'edit', table: null })}>
            <Plus aria-hidden className="size-5" />
            Add table
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
          <QueryErrorNotice query={tables} what="the tables" />
        ) : (
          <LoadingBlock label="Loading the tables…" />
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
            description={`${rows.length} ${rows.length === 1 ? 'table' : 'tables'}`}
          >
            <DataTable
              caption={`Tables in ${area}`}
              rows={rows}
              rowKey={(table) => table.id}
              empty="No tables."
              columns={[
                {
                  header: 'Table',
                  cell: (table) => <span className="font-semibold">{table.name}</span>,
                },
                { header: 'Seats', numeric: true, cell: (table) => table.seats },
                {
                  header: 'Actions',
                  cell: (table) => (
                    <div className="flex gap-2">
                      <Button
                        variant="secondary"
                        aria-label={`Edit ${table.name}`}
                        onPress={() => setEditing({ kind: 'edit', table })}
                      >
                        <Pencil aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">Edit</span>
                      </Button>
                      <Button
                        variant="secondary"
                        aria-label={`New QR code for ${table.name}`}
                        onPress={() => setEditing({ kind: 'reissue', table })}
                      >
                        <KeyRound aria-hidden className="size-5" />
                        <span className="max-sm:sr-only">New code</span>
                      </Button>
                      <Button
                        variant="quiet"
                        aria-label={`Remove ${table.name}`}
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
  const trpc = useTRPC();
  const client = useTRPCClient();
  const reissue = useServerMutation(
    { mutationFn: () => client.backoffice.tables.reissueToken.mutate({ id: table.id }) },
    [trpc.backoffice.tables.list.queryFilter(), trpc.backoffice.tables.qrSheet.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog
      title={`New QR code for ${table.name}?`}
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
          Codes already printed for {table.name} stop working at once: a customer scanning one sees
          that the code is no longer valid. Print the new code from the QR sheet afterwards.
        </p>
        <FormError message={reissue.problem} />
        <DialogButtons
          onClose={onClose}
          pending={reissue.isPending}
          label="Issue a new code"
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

function DeleteDialog({ table, onClose }: { table: TableRow; onClose: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const remove = useServerMutation(
    { mutationFn: () => client.backoffice.tables.delete.mutate({ id: table.id }) },
    [trpc.backoffice.tables.list.queryFilter(), trpc.backoffice.tables.qrSheet.queryFilter()],
    { onSuccess: onClose },
  );
  return (
    <FormDialog title={`Remove ${table.name}?`} isOpen onOpenChange={(open) => !open && onClose()}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate();
        }}
      >
        <p className="text-base">
          {table.name} leaves the floor plan and its QR code stops working. Past orders keep it in
          the reports. A table with an open order cannot be removed.
        </p>
        <FormError message={remove.problem} />
        <DialogButtons
          onClose={onClose}
          pending={remove.isPending}
          label="Remove table"
          variant="danger"
        />
      </form>
    </FormDialog>
  );
}

export default TablesScreen;
