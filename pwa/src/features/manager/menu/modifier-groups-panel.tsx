import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
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
      title={intl.formatMessage({
        id: 'manager.modifierGroups.title',
        defaultMessage: 'Modifier groups',
      })}
      description={intl.formatMessage({
        id: 'manager.modifierGroups.description',
        defaultMessage: 'Choices offered with items, such as sides or cooking.',
      })}
      actions={
        <Button variant="secondary" onPress={() => setEditing({ kind: 'group', group: null })}>
          <Plus aria-hidden className="size-5" />
          <FormattedMessage id="manager.modifierGroups.addGroup" defaultMessage="Add group" />
        </Button>
      }
    >
      <FormError message={toggle.problem} />
      {menu.modifierGroups.length === 0 ? (
        <p className="text-ink-muted">
          <FormattedMessage
            id="manager.modifierGroups.none"
            defaultMessage="No modifier groups yet."
          />
        </p>
      ) : null}
      <ul className="flex flex-col gap-4">
        {menu.modifierGroups.map((group) => (
          <li key={group.id} className="flex flex-col gap-2 rounded-control border border-line p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <p className="font-semibold">{group.name}</p>
                <p className="text-sm text-ink-muted">
                  {group.minChoices === group.maxChoices ? (
                    <FormattedMessage
                      id="manager.modifierGroups.chooseExactly"
                      defaultMessage="Choose {count}"
                      values={{ count: group.minChoices }}
                    />
                  ) : (
                    <FormattedMessage
                      id="manager.modifierGroups.chooseBetween"
                      defaultMessage="Choose {min} to {max}"
                      values={{ min: group.minChoices, max: group.maxChoices }}
                    />
                  )}
                </p>
              </div>
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  aria-label={intl.formatMessage(
                    { id: 'manager.modifierGroups.editGroup', defaultMessage: 'Edit {name}' },
                    { name: group.name },
                  )}
                  onPress={() => setEditing({ kind: 'group', group })}
                >
                  <Pencil aria-hidden className="size-5" />
                </Button>
                <Button
                  variant="secondary"
                  onPress={() => setEditing({ kind: 'option', groupId: group.id, option: null })}
                >
                  <Plus aria-hidden className="size-5" />
                  <FormattedMessage id="manager.modifierGroups.addOption" defaultMessage="Option" />
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
                        {option.priceDeltaMinor > 0 ? (
                          <FormattedMessage
                            id="manager.modifierGroups.priceUp"
                            defaultMessage=" · +{amount}"
                            values={{ amount: money(option.priceDeltaMinor, currency) }}
                          />
                        ) : (
                          <FormattedMessage
                            id="manager.modifierGroups.priceDown"
                            defaultMessage=" · {amount}"
                            values={{ amount: money(option.priceDeltaMinor, currency) }}
                          />
                        )}
                      </span>
                    ) : null}
                  </span>
                  <span className="flex items-center gap-2">
                    <SwitchField
                      label={
                        option.available
                          ? intl.formatMessage({
                              id: 'manager.modifierGroups.on',
                              defaultMessage: 'On',
                            })
                          : intl.formatMessage({
                              id: 'manager.modifierGroups.off',
                              defaultMessage: "86'd",
                            })
                      }
                      aria-label={intl.formatMessage(
                        {
                          id: 'manager.modifierGroups.optionAvailable',
                          defaultMessage: '{group}: {option} available',
                        },
                        { group: group.name, option: option.name },
                      )}
                      isSelected={
                        toggle.isPending && toggle.variables?.id === option.id
                          ? toggle.variables.available
                          : option.available
                      }
                      onChange={(available) => toggle.mutate({ id: option.id, available })}
                    />
                    <Button
                      variant="quiet"
                      aria-label={intl.formatMessage(
                        { id: 'manager.modifierGroups.editOption', defaultMessage: 'Edit {name}' },
                        { name: option.name },
                      )}
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
  const intl = useIntl();
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
    name:
      name.trim() === ''
        ? intl.formatMessage({
            id: 'manager.groupDialog.nameMissing',
            defaultMessage: 'Give the group a name',
          })
        : null,
    min: /^\d{1,2}$/.test(min)
      ? null
      : intl.formatMessage({
          id: 'manager.groupDialog.minInvalid',
          defaultMessage: 'A whole number from 0',
        }),
    max:
      !/^\d{1,2}$/.test(max) || maxChoices < 1
        ? intl.formatMessage({
            id: 'manager.groupDialog.maxInvalid',
            defaultMessage: 'A whole number from 1',
          })
        : maxChoices < minChoices
          ? intl.formatMessage({
              id: 'manager.groupDialog.maxBelowMin',
              defaultMessage: 'At least the minimum',
            })
          : null,
  };
  return (
    <FormDialog
      title={
        group
          ? intl.formatMessage(
              { id: 'manager.groupDialog.edit', defaultMessage: 'Edit {name}' },
              { name: group.name },
            )
          : intl.formatMessage({
              id: 'manager.groupDialog.add',
              defaultMessage: 'Add a modifier group',
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
          if (Object.values(problems).every((p) => p === null))
            save.mutate({ name: name.trim(), minChoices, maxChoices });
        }}
      >
        <TextField
          label={intl.formatMessage({
            id: 'manager.groupDialog.name',
            defaultMessage: 'Group name',
          })}
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <div className="grid grid-cols-2 gap-4">
          <TextField
            label={intl.formatMessage({
              id: 'manager.groupDialog.min',
              defaultMessage: 'Minimum choices',
            })}
            inputMode="numeric"
            value={min}
            onChange={setMin}
            {...fieldProblem(submitted, problems.min)}
          />
          <TextField
            label={intl.formatMessage({
              id: 'manager.groupDialog.max',
              defaultMessage: 'Maximum choices',
            })}
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
          label={
            group
              ? intl.formatMessage({ id: 'manager.groupDialog.save', defaultMessage: 'Save' })
              : intl.formatMessage({
                  id: 'manager.groupDialog.addGroup',
                  defaultMessage: 'Add group',
                })
          }
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
  const intl = useIntl();
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
    name:
      name.trim() === ''
        ? intl.formatMessage({
            id: 'manager.optionDialog.nameMissing',
            defaultMessage: 'Give the option a name',
          })
        : null,
    delta:
      deltaMinor === null
        ? intl.formatMessage(
            {
              id: 'manager.optionDialog.deltaInvalid',
              defaultMessage: 'An amount in {currency}, such as 1.50 or -0.50',
            },
            { currency },
          )
        : null,
  };
  return (
    <FormDialog
      title={
        option
          ? intl.formatMessage(
              { id: 'manager.optionDialog.edit', defaultMessage: 'Edit {name}' },
              { name: option.name },
            )
          : intl.formatMessage({ id: 'manager.optionDialog.add', defaultMessage: 'Add an option' })
      }
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
          label={intl.formatMessage({
            id: 'manager.optionDialog.name',
            defaultMessage: 'Option name',
          })}
          value={name}
          onChange={setName}
          autoFocus
          {...fieldProblem(submitted, problems.name)}
        />
        <TextField
          label={intl.formatMessage(
            { id: 'manager.optionDialog.delta', defaultMessage: 'Price change ({currency})' },
            { currency },
          )}
          inputMode="decimal"
          value={delta}
          onChange={setDelta}
          description={intl.formatMessage({
            id: 'manager.optionDialog.deltaHint',
            defaultMessage: "Added to the item's price; 0 for no change.",
          })}
          {...fieldProblem(submitted, problems.delta)}
        />
        <FormError message={save.problem} />
        <DialogButtons
          onClose={onClose}
          pending={save.isPending}
          label={
            option
              ? intl.formatMessage({ id: 'manager.optionDialog.save', defaultMessage: 'Save' })
              : intl.formatMessage({
                  id: 'manager.optionDialog.addOption',
                  defaultMessage: 'Add option',
                })
          }
        />
      </form>
    </FormDialog>
  );
}
