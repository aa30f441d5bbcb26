import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { DialogButtons, FormDialog } from '../../../ui/dialog.tsx';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { amountText, money } from '../../../lib/money.ts';
import { Panel } from '../../../ui/panel.tsx';
import { SwitchField } from '../../../ui/switch-field.tsx';
import { useServerMutation } from '../use-server-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { parseMajor } from '@servio/shared/currency';
import type { MenuView, ModifierGroup } from '../manager-api.ts';

type Option = ModifierGroup['options'][number];
type Editing =
  | { kind: 'group'; group: ModifierGroup | null }
  | { kind: 'option'; groupId: string; option: Option | null }
  | null;

/** Modifier groups (min/max choices) and their options (price change, availability). */
export function ModifierGroupsPanel({ menu, currency }: { menu: MenuView; currency: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [editing, setEditing] = useState<Editing>(null);
  const toggle = useServerMutation(
    // Typed narrower than the procedure's input: the switch shows `available` while it is sent.
    {
      mutationFn: (input: { id: string; available: boolean }) =>
        client.backoffice.menu.updateModifierOption.mutate(input),
    },
    [trpc.backoffice.menu.list.queryFilter()],
  );
  const close = () => setEditing(null);

  return (
    <Panel
      title="Modifier groups"
      description="Choices offered with items, such as sides or cooking."
      actions={
        <Button variant="secondary" onPress={() => setEditing({ kind: 'group', group: null })}>
          <Plus aria-hidden className="size-5" />
          Add group
        </Button>
      }
    >
      <FormError message={toggle.problem} />
      {menu.modifierGroups.length === 0 ? (
        <p className="text-ink-muted">No modifier groups yet.</p>
      ) : null}
      <ul className="flex flex-col gap-4">
        {menu.modifierGroups.map((group) => (
          <li key={group.id} className="flex flex-col gap-2 rounded-control border border-line p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <p className="font-semibold">{group.name}</p>
                <p className="text-sm text-ink-muted">
                  Choose{' '}
                  {group.minChoices === group.maxChoices
                    ? group.minChoices
                    : `${group.minChoices} to ${group.maxChoices}`}
                </p>
              </div>
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  aria-label={`Edit ${group.name}`}
                  onPress={() => setEditing({ kind: 'group', group })}
                >
                  <Pencil aria-hidden className="size-5" />
                </Button>
                <Button
                  variant="secondary"
                  onPress={() => setEditing({ kind: 'option', groupId: group.id, option: null })}
                >
                  <Plus aria-hidden className="size-5" />
                  Option
                </Button>
              </div>
            </div>
            <ul className="flex flex-col divide-y divide-line">
              {group.options.map((option) => (
                <li
                  key={option.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-1"
                >
                  <span>
                    {option.name}
                    {option.priceDeltaMinor !== 0 ? (
                      <span className="text-ink-muted">
                        {' '}
                        · {option.priceDeltaMinor > 0 ? '+' : ''}
                        {money(option.priceDeltaMinor, currency)}
                      </span>
                    ) : null}
                  </span>
                  <span className="flex items-center gap-2">
                    <SwitchField
                      label={option.available ? 'On' : "86'd"}
                      aria-label={`${group.name}: ${option.name} available`}
                      isSelected={
                        toggle.isPending && toggle.variables?.id === option.id
                          ? toggle.variables.available
                          : option.available
                      }
                      onChange={(available) => toggle.mutate({ id: option.id, available })}
                    />
                    <Button
                      variant="quiet"
                      aria-label={`Edit ${option.name}`}
                      onPress={() => setEditing({ kind: 'option', groupId: group.id, option })}
                    >
                      <Pencil aria-hidden className="size-5" />
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {editing?.kind === 'group' ? <GroupDialog group={editing.group} onClose={close} /> : null}
      {editing?.kind === 'option' ? (
        <OptionDialog
          groupId={editing.groupId}
          option={editing.option}
          currency={currency}
          count={menu.modifierGroups.find((g) => g.id === editing.groupId)?.options.length ?? 0}
          onClose={close}
        />
      ) : null}
    </Panel>
  );
}

function GroupDialog({ group, onClose }: { group: ModifierGroup | null; onClose: () => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [name, setName] = useState(group?.name ?? '');
  const [min, setMin] = useState(String(group?.minChoices ?? 0));
  const [max, setMax] = useState(String(group?.maxChoices ?? 1));
  const [submitted, setSubmitted] = useState(false);
  const save = useServerMutation(
    {
      mutationFn: (input: { name: string; minChoices: number; maxChoices: number }) =>
        group
          ? client.backoffice.menu.updateModifierGroup.mutate({ id: group.id, ...input })
          : client.backoffice.menu.createModifierGroup.mutate(input),
    },
    [trpc.backoffice.menu.list.queryFilter()],
    { onSuccess: onClose },
  );
  const minChoices = Number(min);
  const maxChoices = Number(max);
  const problems = {
    name: name.trim() === '' ? 'Give the group a name' : null,
    min: /^\d{1,2}$/.test(min) ? null : 'A whole number from 0',
    max:
      !/^\d{1,2}$/.test(max) || maxChoices < 1
        ? 'A whole number from 1'
        : maxChoices < minChoices
          ? 'At least the minimum'
          : null,
  };
  return (
    <FormDialog
      title={group ? `Edit ${group.name}` : 'Add a modifier group'}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (Object.values(problems).every((p) => p === null))
            save.mutate({ name: name.trim(), minChoices, maxChoices });
        }}
      >
        <TextField
          label="Group name"
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <div className="grid grid-cols-2 gap-4">
          <TextField
            label="Minimum choices"
            inputMode="numeric"
            value={min}
            onChange={setMin}
            {...fieldProblem(submitted, problems.min)}
          />
          <TextField
            label="Maximum choices"
            inputMode="numeric"
            value={max}
            onChange={setMax}
            {...fieldProblem(submitted, problems.max)}
          />
        </div>
        <FormError message={save.problem} />
        <DialogButtons
          onClose={onClose}
          pending={save.isPending}
          label={group ? 'Save' : 'Add group'}
        />
      </form>
    </FormDialog>
  );
}

function OptionDialog({
  groupId,
  option,
  currency,
  count,
  onClose,
}: {
  groupId: string;
  option: Option | null;
  currency: string;
  count: number;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [name, setName] = useState(option?.name ?? '');
  const [delta, setDelta] = useState(option ? amountText(option.priceDeltaMinor, currency) : '0');
  const [submitted, setSubmitted] = useState(false);
  const save = useServerMutation(
    {
      mutationFn: (input: { name: string; priceDeltaMinor: number }) =>
        option
          ? client.backoffice.menu.updateModifierOption.mutate({ id: option.id, ...input })
          : client.backoffice.menu.createModifierOption.mutate({
              groupId,
              sortOrder: count,
              ...input,
            }),
    },
    [trpc.backoffice.menu.list.queryFilter()],
    { onSuccess: onClose },
  );
  let deltaMinor: number | null = null;
  try {
    deltaMinor = parseMajor(delta, currency);
  } catch {
    // Not an amount: said under the field below.
  }
  const problems = {
    name: name.trim() === '' ? 'Give the option a name' : null,
    delta: deltaMinor === null ? `An amount in ${currency}, such as 1.50 or -0.50` : null,
  };
  return (
    <FormDialog
      title={option ? `Edit ${option.name}` : 'Add an option'}
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
          if (deltaMinor !== null && problems.name === null)
            save.mutate({ name: name.trim(), priceDeltaMinor: deltaMinor });
        }}
      >
        <TextField
          label="Option name"
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <TextField
          label={`Price change (${currency})`}
          inputMode="decimal"
          value={delta}
          onChange={setDelta}
          description="Added to the item's price; 0 for no change."
          {...fieldProblem(submitted, problems.delta)}
        />
        <FormError message={save.problem} />
        <DialogButtons
          onClose={onClose}
          pending={save.isPending}
          label={option ? 'Save' : 'Add option'}
        />
      </form>
    </FormDialog>
  );
}
