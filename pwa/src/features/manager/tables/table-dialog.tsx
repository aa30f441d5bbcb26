import { useState } from 'react';
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
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [name, setName] = useState(table?.name ?? '');
  const [area, setArea] = useState(table?.area ?? areas[0] ?? 'Main');
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
        ? 'Give the table a name, such as T14'
        : name.trim().length > 40
          ? 'At most 40 characters'
          : null,
    area: area.trim() === '' ? 'Name the area, such as Terrace' : null,
    seats:
      /^\d{1,3}$/.test(seats) && seatCount >= 1 && seatCount <= 100 ? null : 'From 1 to 100 seats',
  };
  return (
    <FormDialog
      title={table ? `Edit ${table.name}` : 'Add a table'}
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
          label="Table name"
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <TextField
          label="Area"
          value={area}
          onChange={setArea}
          description={
            areas.length > 0
              ? `Existing areas: ${areas.join(', ')}. A new name makes a new area.`
              : undefined
          }
          {...fieldProblem(submitted, problems.area)}
        />
        <TextField
          label="Seats"
          inputMode="numeric"
          value={seats}
          onChange={setSeats}
          {...fieldProblem(submitted, problems.seats)}
        />
        <FormError message={save.problem} />
        <DialogButtons
          onClose={onClose}
          pending={save.isPending}
          label={table ? 'Save' : 'Add table'}
        />
      </form>
    </FormDialog>
  );
}
