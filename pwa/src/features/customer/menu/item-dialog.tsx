import { X } from 'lucide-react';
import { useState } from 'react';
import {
  CheckboxGroup,
  Dialog,
  FieldError,
  Heading,
  Label,
  Modal,
  ModalOverlay,
  RadioGroup,
  Text,
} from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MenuItem, ModifierGroup } from '../../../api/table-bill.ts';
import { Button } from '../../../ui/button.tsx';
import { CheckboxTile, RadioTile, Stepper } from '../choice-tiles.tsx';
import { CustomerField } from '../field.tsx';
import { moneyIn } from '../../../lib/money.ts';
import {
  choiceHint,
  choiceProblem,
  makeCartLine,
  MAX_QUANTITY,
  unitPrice,
  type CartLine,
} from './cart.ts';

export interface ItemDialogProps {
  item: MenuItem | null;
  currency: string;
  onClose: () => void;
  onAdd: (line: CartLine) => void;
}

/** An item's options (each group's min/max enforced), quantity and a note, then "Add". */
export function ItemDialog({ item, currency, onClose, onAdd }: ItemDialogProps) {
  return (
    <ModalOverlay
      isOpen={item !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
      className="fixed inset-0 z-40 flex items-end justify-center bg-black/50 sm:items-center sm:p-4"
    >
      <Modal className="flex max-h-[92dvh] w-full max-w-lg">
        <Dialog className="flex w-full flex-col overflow-hidden rounded-t-card bg-canvas shadow-float outline-none sm:rounded-card">
          {item ? (
            <ItemChoices
              key={item.id}
              item={item}
              currency={currency}
              onAdd={onAdd}
              onClose={onClose}
            />
          ) : null}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function ItemChoices({
  item,
  currency,
  onAdd,
  onClose,
}: {
  item: MenuItem;
  currency: string;
  onAdd: (line: CartLine) => void;
  onClose: () => void;
}) {
  const intl = useIntl();
  const money = moneyIn(currency);
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState('');
  const [showProblems, setShowProblems] = useState(false);

  const optionIds = item.modifierGroups.flatMap((group) => chosen[group.id] ?? []);
  const problems = new Map(
    item.modifierGroups.flatMap((group) => {
      const problem = choiceProblem(group, (chosen[group.id] ?? []).length);
      return problem ? [[group.id, problem] as const] : [];
    }),
  );
  const total = unitPrice(item, optionIds) * quantity;

  return (
    <>
      <div className="flex items-start justify-between gap-3 bg-surface px-5 pt-5 pb-4">
        <div className="min-w-0">
          <Heading slot="title" className="text-2xl font-bold">
            {item.name}
          </Heading>
          {item.description ? (
            <p className="mt-1 text-base text-ink-muted">{item.description}</p>
          ) : null}
          <p className="mt-1 text-lg font-semibold tabular-nums">{money(item.priceMinor)}</p>
        </div>
        <Button
          variant="quiet"
          aria-label={intl.formatMessage({ id: 'customer.item.close', defaultMessage: 'Close' })}
          onPress={onClose}
        >
          <X aria-hidden className="size-6" />
        </Button>
      </div>
      <div className="flex flex-col gap-5 overflow-y-auto px-5 py-4">
        {item.modifierGroups.map((group) => (
          <GroupChoice
            key={group.id}
            group={group}
            money={money}
            value={chosen[group.id] ?? []}
            problem={showProblems ? (problems.get(group.id) ?? null) : null}
            onChange={(ids) => setChosen((current) => ({ ...current, [group.id]: ids }))}
          />
        ))}
        <Stepper
          label={intl.formatMessage({ id: 'customer.item.howMany', defaultMessage: 'How many' })}
          value={quantity}
          minValue={1}
          maxValue={MAX_QUANTITY}
          onChange={setQuantity}
        />
        <CustomerField
          label={intl.formatMessage({
            id: 'customer.item.noteLabel',
            defaultMessage: 'Note for the kitchen (optional)',
          })}
          value={note}
          onChange={setNote}
          maxLength={200}
          placeholder={intl.formatMessage({
            id: 'customer.item.notePlaceholder',
            defaultMessage: 'e.g. no onions',
          })}
        />
      </div>
      <div className="border-t border-line bg-surface px-5 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]">
        <Button
          size="lg"
          className="w-full"
          onPress={() => {
            if (problems.size > 0) {
              setShowProblems(true);
              return;
            }
            onAdd(makeCartLine(item, optionIds, quantity, note));
          }}
        >
          <FormattedMessage
            id="customer.item.addToOrder"
            defaultMessage="Add {quantity} to order · {total}"
            values={{ quantity, total: money(total) }}
          />
        </Button>
      </div>
    </>
  );
}

function GroupChoice({
  group,
  money,
  value,
  problem,
  onChange,
}: {
  group: ModifierGroup;
  money: (amount: number) => string;
  value: string[];
  problem: string | null;
  onChange: (ids: string[]) => void;
}) {
  const intl = useIntl();
  const label = (
    <div className="flex items-baseline justify-between gap-2">
      <Label className="text-lg font-bold">{group.name}</Label>
      <Text slot="description" className="text-sm text-ink-muted">
        {choiceHint(group)}
      </Text>
    </div>
  );
  const priceOf = (delta: number) =>
    delta !== 0
      ? intl.formatMessage(
          { id: 'customer.item.priceDelta', defaultMessage: '+{amount}' },
          { amount: money(delta) },
        )
      : undefined;
  if (group.maxChoices === 1) {
    return (
      <RadioGroup
        value={value[0] ?? (group.minChoices === 0 ? '' : null)}
        onChange={(id) => onChange(id ? [id] : [])}
        isInvalid={problem !== null}
        isRequired={group.minChoices > 0}
        className="flex flex-col gap-2"
      >
        {label}
        <div className="grid grid-cols-1 gap-2 min-[360px]:grid-cols-2">
          {group.minChoices === 0 ? (
            <RadioTile
              value=""
              title={intl.formatMessage({ id: 'customer.item.none', defaultMessage: 'None' })}
            />
          ) : null}
          {group.options.map((option) => (
            <RadioTile
              key={option.id}
              value={option.id}
              title={option.name}
              detail={priceOf(option.priceDeltaMinor)}
            />
          ))}
        </div>
        <FieldError className="text-sm font-semibold text-danger">{problem}</FieldError>
      </RadioGroup>
    );
  }
  const full = value.length >= group.maxChoices;
  return (
    <CheckboxGroup
      value={value}
      onChange={onChange}
      isInvalid={problem !== null}
      className="flex flex-col gap-2"
    >
      {label}
      {group.options.map((option) => (
        <CheckboxTile
          key={option.id}
          value={option.id}
          aside={priceOf(option.priceDeltaMinor)}
          // At the maximum, what is not chosen waits until something is unticked.
          isDisabled={full && !value.includes(option.id)}
        >
          {option.name}
        </CheckboxTile>
      ))}
      <FieldError className="text-sm font-semibold text-danger">{problem}</FieldError>
    </CheckboxGroup>
  );
}
