import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { parsePercent, percent } from '../../../lib/money.ts';
import { Panel } from '../../../ui/panel.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import type { MenuView } from '../manager-api.ts';

type TaxRate = MenuView['taxRates'][number];

/** Tax rates items are sold at. A changed rate applies to new lines; sold lines keep theirs. */
export function TaxRatesPanel({ menu }: { menu: MenuView }) {
  const intl = useIntl();
  const [editing, setEditing] = useState<{ rate: TaxRate | null } | null>(null);
  return (
    <Panel
      title={intl.formatMessage({ id: 'manager.taxRates.title', defaultMessage: 'Tax rates' })}
      actions={
        <Button variant="secondary" onPress={() => setEditing({ rate: null })}>
          <Plus aria-hidden className="size-5" />
          <FormattedMessage id="manager.taxRates.addRate" defaultMessage="Add rate" />
        </Button>
      }
    >
      <ul className="flex flex-col divide-y divide-line">
        {menu.taxRates.map((rate) => (
          <li key={rate.id} className="flex items-center justify-between gap-2 py-1">
            <span>
              <FormattedMessage
                id="manager.taxRates.rate"
                defaultMessage="<bold>{name}</bold> · {rate}"
                values={{
                  name: rate.name,
                  rate: percent(rate.rateBps),
                  bold: (chunks) => <span className="font-semibold">{chunks}</span>,
                }}
              />
            </span>
            <Button
              variant="quiet"
              aria-label={intl.formatMessage(
                { id: 'manager.taxRates.editRate', defaultMessage: 'Edit {name}' },
                { name: rate.name },
              )}
              onPress={() => setEditing({ rate })}
            >
              <Pencil aria-hidden className="size-5" />
            </Button>
          </li>
        ))}
      </ul>
      {editing ? <TaxRateDialog rate={editing.rate} onClose={() => setEditing(null)} /> : null}
    </Panel>
  );
}

function TaxRateDialog({ rate, onClose }: { rate: TaxRate | null; onClose: () => void }) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [name, setName] = useState(rate?.name ?? '');
  const [value, setValue] = useState(rate ? String(rate.rateBps / 100) : '');
  const [submitted, setSubmitted] = useState(false);
  const save = useServerMutation(
    {
      mutationFn: (input: { name: string; rateBps: number }) =>
        rate
          ? client.backoffice.menu.updateTaxRate.mutate({ id: rate.id, ...input })
          : client.backoffice.menu.createTaxRate.mutate(input),
    },
    [trpc.backoffice.menu.list.queryFilter()],
    { onSuccess: onClose },
  );
  const rateBps = parsePercent(value);
  const problems = {
    name:
      name.trim() === ''
        ? intl.formatMessage({
            id: 'manager.taxRateDialog.nameMissing',
            defaultMessage: 'Give the rate a name, such as "Food 10%"',
          })
        : null,
    rate:
      rateBps === null
        ? intl.formatMessage({
            id: 'manager.taxRateDialog.rateInvalid',
            defaultMessage: 'A percentage from 0 to 100, such as 10 or 5.5',
          })
        : null,
  };
  return (
    <FormDialog
      title={
        rate
          ? intl.formatMessage(
              { id: 'manager.taxRateDialog.edit', defaultMessage: 'Edit {name}' },
              { name: rate.name },
            )
          : intl.formatMessage({
              id: 'manager.taxRateDialog.add',
              defaultMessage: 'Add a tax rate',
            })
      }
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (rateBps !== null && problems.name === null)
            save.mutate({ name: name.trim(), rateBps });
        }}
      >
        <TextField
          label={intl.formatMessage({ id: 'manager.taxRateDialog.name', defaultMessage: 'Name' })}
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <TextField
          label={intl.formatMessage({
            id: 'manager.taxRateDialog.rate',
            defaultMessage: 'Rate (%)',
          })}
          inputMode="decimal"
          value={value}
          onChange={setValue}
          {...fieldProblem(submitted, problems.rate)}
        />
        <FormError message={save.problem} />
        <DialogButtons
          onClose={onClose}
          pending={save.isPending}
          label={
            rate
              ? intl.formatMessage({ id: 'manager.taxRateDialog.save', defaultMessage: 'Save' })
              : intl.formatMessage({
                  id: 'manager.taxRateDialog.addRate',
                  defaultMessage: 'Add rate',
                })
          }
        />
      </form>
    </FormDialog>
  );
}
