import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { TextField } from '../../../ui/text-field.tsx';
import type { TableRow } from '../manager-api.ts';

/** Add a table, or rename it, move it to another area, change its seats. */
export function TableDialog({
  table,
  areas,
  onClose,
}: {
  table: TableRow | null;
  areas: readonly string[];
  onClose: () => void;
}) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [name, setName] = useState(table?.name ?? '');
  // The first table's area, suggested in the manager's language (the name is the venue's to keep).
  const [area, setArea] = useState(
    () =>
      table?.area ??
      areas[0] ??
      intl.formatMessage({ id: 'manager.tableDialog.defaultArea', defaultMessage: 'Main' }),
  );
  const [seats, setSeats] = useState(String(table?.seats ?? 4));
  const [submitted, setSubmitted] = useState(false);
  const save = useServerMutation(
    {
      mutationFn: (input: { name: string; area: string; seats: number }) =>
        table
          ? client.backoffice.tables.update.mutate({ id: table.id, ...input })
          : client.backoffice.tables.create.mutate(input),
    },
    [trpc.backoffice.tables.list.queryFilter(), trpc.backoffice.tables.qrSheet.queryFilter()],
    { onSuccess: onClose },
  );
  const seatCount = Number(seats);
  const problems = {
    name:
      name.trim() === ''
        ? intl.formatMessage({
            id: 'manager.tableDialog.nameMissing',
            defaultMessage: 'Give the table a name, such as T14',
          })
        : name.trim().length > 40
          ? intl.formatMessage({
              id: 'manager.tableDialog.nameTooLong',
              defaultMessage: 'At most 40 characters',
            })
          : null,
    area:
      area.trim() === ''
        ? intl.formatMessage({
            id: 'manager.tableDialog.areaMissing',
            defaultMessage: 'Name the area, such as Terrace',
          })
        : null,
    seats:
      /^\d{1,3}$/.test(seats) && seatCount >= 1 && seatCount <= 100
        ? null
        : intl.formatMessage({
            id: 'manager.tableDialog.seatsInvalid',
            defaultMessage: 'From 1 to 100 seats',
          }),
  };
  return (
    <FormDialog
      title={
        table
          ? intl.formatMessage(
              { id: 'manager.tableDialog.edit', defaultMessage: 'Edit {name}' },
              { name: table.name },
            )
          : intl.formatMessage({ id: 'manager.tableDialog.add', defaultMessage: 'Add a table' })
      }
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (Object.values(problems).every((p) => p === null)) {
            save.mutate({ name: name.trim(), area: area.trim(), seats: seatCount });
          }
        }}
      >
        <TextField
          label={intl.formatMessage({
            id: 'manager.tableDialog.name',
            defaultMessage: 'Table name',
          })}
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <TextField
          label={intl.formatMessage({ id: 'manager.tableDialog.area', defaultMessage: 'Area' })}
          value={area}
          onChange={setArea}
          description={
            areas.length > 0
              ? intl.formatMessage(
                  {
                    id: 'manager.tableDialog.existingAreas',
                    defaultMessage: 'Existing areas: {areas}. A new name makes a new area.',
                  },
                  { areas: areas.join(', ') },
                )
              : undefined
          }
          {...fieldProblem(submitted, problems.area)}
        />
        <TextField
          label={intl.formatMessage({ id: 'manager.tableDialog.seats', defaultMessage: 'Seats' })}
          inputMode="numeric"
          value={seats}
          onChange={setSeats}
          {...fieldProblem(submitted, problems.seats)}
        />
        <FormError message={save.problem} />
        <DialogButtons
          onClose={onClose}
          pending={save.isPending}
          label={
            table
              ? intl.formatMessage({ id: 'manager.tableDialog.save', defaultMessage: 'Save' })
              : intl.formatMessage({
                  id: 'manager.tableDialog.submitAdd',
                  defaultMessage: 'Add table',
                })
          }
        />
      </form>
    </FormDialog>
  );
}
