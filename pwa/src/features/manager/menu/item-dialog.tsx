import { useQueryClient } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTRPC, useTRPCClient } from '../../../api/query.ts';
import { FormDialog } from '../../../ui/dialog.tsx';
import { fieldProblem, FormError } from '../../../ui/form-error.tsx';
import { amountText, money, parseAmount, percent } from '../../../lib/money.ts';
import { describeError } from '../../../ui/query-state.tsx';
import { SelectField } from '../../../ui/select-field.tsx';
import { SwitchField } from '../../../ui/switch-field.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import type { MenuItem, MenuView } from '../manager-api.ts';

const STATION = /^[a-z][a-z0-9-]{0,29}$/;

/**
 * Add or edit a menu item: name, price, tax rate, kitchen station, category, availability and
 * the modifier groups offered with it. A new price applies to lines added from now on; lines
 * already on orders keep the price they were sold at.
 */
export function ItemDialog({
  menu,
  item,
  categoryId,
  currency,
  onClose,
}: {
  menu: MenuView;
  item: MenuItem | null;
  categoryId: string;
  currency: string;
  onClose: () => void;
}) {
  const intl = useIntl();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const linked = menu.links.filter((link) => link.itemId === item?.id).map((link) => link.groupId);
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [price, setPrice] = useState(item ? amountText(item.priceMinor, currency) : '');
  const [taxRateId, setTaxRateId] = useState(item?.taxRateId ?? menu.taxRates[0]?.id ?? null);
  const [category, setCategory] = useState(item?.categoryId ?? categoryId);
  const [station, setStation] = useState(item?.kitchenStation ?? 'kitchen');
  const [available, setAvailable] = useState(item?.available ?? true);
  const [groups, setGroups] = useState<string[]>(linked);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  const parsedPrice = parseAmount(price, currency);
  const errors = {
    name:
      name.trim() === ''
        ? intl.formatMessage({
            id: 'manager.itemDialog.nameMissing',
            defaultMessage: 'Give the item a name',
          })
        : null,
    price: parsedPrice.ok ? null : parsedPrice.message,
    station: STATION.test(station.trim())
      ? null
      : intl.formatMessage({
          id: 'manager.itemDialog.stationInvalid',
          defaultMessage: 'Lower-case letters, digits and dashes, such as "kitchen" or "bar"',
        }),
    taxRate: taxRateId
      ? null
      : intl.formatMessage({
          id: 'manager.itemDialog.taxRateMissing',
          defaultMessage: 'Add a tax rate first',
        }),
  };
  const valid = Object.values(errors).every((error) => error === null);

  async function save() {
    setSubmitted(true);
    if (!valid || !parsedPrice.ok || !taxRateId) return;
    setSaving(true);
    setProblem(null);
    try {
      const fields = {
        name: name.trim(),
        description: description.trim(),
        priceMinor: parsedPrice.minor,
        taxRateId,
        categoryId: category,
        kitchenStation: station.trim(),
        available,
      };
      const saved = item
        ? await client.backoffice.menu.updateItem.mutate({ id: item.id, ...fields })
        : await client.backoffice.menu.createItem.mutate(fields);
      for (const groupId of groups.filter((id) => !linked.includes(id))) {
        await client.backoffice.menu.linkModifierGroup.mutate({ itemId: saved.id, groupId });
      }
      for (const groupId of linked.filter((id) => !groups.includes(id))) {
        await client.backoffice.menu.unlinkModifierGroup.mutate({ itemId: saved.id, groupId });
      }
      await queryClient.invalidateQueries(trpc.backoffice.menu.list.queryFilter());
      onClose();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog
      title={
        item
          ? intl.formatMessage(
              { id: 'manager.itemDialog.edit', defaultMessage: 'Edit {name}' },
              { name: item.name },
            )
          : intl.formatMessage({ id: 'manager.itemDialog.add', defaultMessage: 'Add an item' })
      }
      isOpen
      onOpenChange={(open) => !open && onClose()}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField
          label={intl.formatMessage({ id: 'manager.itemDialog.name', defaultMessage: 'Name' })}
          value={name}
          onChange={setName}
          isRequired
          {...fieldProblem(submitted, errors.name)}
          autoFocus
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label={intl.formatMessage(
              { id: 'manager.itemDialog.price', defaultMessage: 'Price ({currency})' },
              { currency },
            )}
            value={price}
            onChange={setPrice}
            inputMode="decimal"
            placeholder={intl.formatMessage({
              id: 'manager.itemDialog.pricePlaceholder',
              defaultMessage: '12.50',
            })}
            {...fieldProblem(submitted, errors.price)}
            description={
              item && parsedPrice.ok && parsedPrice.minor !== item.priceMinor
                ? intl.formatMessage(
                    {
                      id: 'manager.itemDialog.priceWas',
                      defaultMessage: 'Was {price}; orders already taken keep it.',
                    },
                    { price: money(item.priceMinor, currency) },
                  )
                : undefined
            }
          />
          <SelectField
            label={intl.formatMessage({
              id: 'manager.itemDialog.taxRate',
              defaultMessage: 'Tax rate',
            })}
            value={taxRateId}
            onChange={setTaxRateId}
            options={menu.taxRates.map((rate) => ({
              id: rate.id,
              label: intl.formatMessage(
                { id: 'manager.itemDialog.taxRateOption', defaultMessage: '{name} ({rate})' },
                { name: rate.name, rate: percent(rate.rateBps) },
              ),
            }))}
          />
          <SelectField
            label={intl.formatMessage({
              id: 'manager.itemDialog.category',
              defaultMessage: 'Category',
            })}
            value={category}
            onChange={setCategory}
            options={menu.categories.map((c) => ({ id: c.id, label: c.name }))}
          />
          <TextField
            label={intl.formatMessage({
              id: 'manager.itemDialog.station',
              defaultMessage: 'Kitchen station',
            })}
            value={station}
            onChange={setStation}
            autoCapitalize="none"
            description={intl.formatMessage({
              id: 'manager.itemDialog.stationHint',
              defaultMessage: 'Where the ticket prints or shows: kitchen, bar…',
            })}
            {...fieldProblem(submitted, errors.station)}
          />
        </div>
        <TextField
          label={intl.formatMessage({
            id: 'manager.itemDialog.description',
            defaultMessage: 'Description (optional)',
          })}
          value={description}
          onChange={setDescription}
        />
        <SwitchField
          label={
            available
              ? intl.formatMessage({
                  id: 'manager.itemDialog.available',
                  defaultMessage: 'Available to order',
                })
              : intl.formatMessage({
                  id: 'manager.itemDialog.unavailable',
                  defaultMessage: "Unavailable (86'd)",
                })
          }
          isSelected={available}
          onChange={setAvailable}
        />
        {menu.modifierGroups.length > 0 ? (
          <CheckboxGroup value={groups} onChange={setGroups} className="flex flex-col gap-2">
            <Label className="text-sm font-semibold">
              <FormattedMessage
                id="manager.itemDialog.modifierGroups"
                defaultMessage="Modifier groups offered"
              />
            </Label>
            <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
              {menu.modifierGroups.map((group) => (
                <Checkbox
                  key={group.id}
                  value={group.id}
                  className="group flex min-h-touch cursor-pointer items-center gap-3 text-base"
                >
                  <span className="flex size-6 shrink-0 items-center justify-center rounded border-2 border-line-strong group-data-selected:border-brand group-data-selected:bg-brand">
                    <Check
                      aria-hidden
                      className="hidden size-4 text-white group-data-selected:block"
                    />
                  </span>
                  {group.name}
                </Checkbox>
              ))}
            </div>
          </CheckboxGroup>
        ) : null}
        <FormError message={problem} />
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onPress={onClose}>
            <FormattedMessage id="manager.itemDialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" isPending={saving}>
            {item ? (
              <FormattedMessage id="manager.itemDialog.save" defaultMessage="Save changes" />
            ) : (
              <FormattedMessage id="manager.itemDialog.addItem" defaultMessage="Add item" />
            )}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}
