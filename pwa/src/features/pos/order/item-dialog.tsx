import type { LineId, MenuItemRow, ModifierOptionId, OrderId } from '@servio/shared';
import { useState } from 'react';
import { Label, TextArea, TextField } from 'react-aria-components';
import {
  EMPTY_SELECTION,
  selectedOptionIds,
  selectionFromOptionIds,
  selectionProblems,
  unitPriceWith,
  type ModifierGroupChoice,
  type ModifierSelection,
} from '../modifier-choice.ts';
import { PosDialog } from '../pos-dialog.tsx';
import { usePos } from '../pos-context.tsx';
import { QuantityStepper } from '../quantity-stepper.tsx';
import { runMutation } from '../run-mutation.ts';
import { Button } from '../../../ui/button.tsx';
import { Notice } from '../../../ui/notice.tsx';
import { newRecordId } from '../../../data/mutate.ts';
import { ModifierGroups } from './modifier-groups.tsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';

const QUICK_NOTES = [
  intl.formatMessage({ id: 'pos.itemDialog.noOnions', defaultMessage: 'No onions' }),
  intl.formatMessage({ id: 'pos.itemDialog.noSalt', defaultMessage: 'No salt' }),
  intl.formatMessage({ id: 'pos.itemDialog.glutenFree', defaultMessage: 'Gluten free' }),
  intl.formatMessage({ id: 'pos.itemDialog.nutAllergy', defaultMessage: 'Nut allergy' }),
  intl.formatMessage({ id: 'pos.itemDialog.sauceOnTheSide', defaultMessage: 'Sauce on the side' }),
];
const NOTE_MAX = 200;

export interface LineDraft {
  lineId: LineId;
  quantity: number;
  note: string | null;
  modifierOptionIds: readonly ModifierOptionId[];
}

/**
 * Choose an item's options, quantity and note, then add it to the order — or, with `editing`,
 * change a line that has not gone to the kitchen yet. The options follow the item's modifier
 * groups (min/max), and the price shown is what the line will cost.
 */
export function ItemDialog({
  item,
  choices,
  orderId,
  editing,
  onClose,
}: {
  item: Pick<MenuItemRow, 'id' | 'name' | 'priceMinor' | 'description'>;
  choices: readonly ModifierGroupChoice[];
  orderId: OrderId;
  editing?: LineDraft;
  onClose: () => void;
}) {
  const intl = useIntl();
  const { money } = usePos();
  const [selection, setSelection] = useState<ModifierSelection>(() =>
    editing ? selectionFromOptionIds(editing.modifierOptionIds, choices) : EMPTY_SELECTION,
  );
  const [quantity, setQuantity] = useState(editing?.quantity ?? 1);
  const [note, setNote] = useState(editing?.note ?? '');
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);

  const problems = selectionProblems(selection, choices);
  const unit = unitPriceWith(item.priceMinor, selection, choices);
  const trimmedNote = note.trim();

  async function save() {
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    setSaving(true);
    const modifierOptionIds = selectedOptionIds(selection, choices);
    const saved = editing
      ? await runMutation(
          'order.updateLine',
          {
            lineId: editing.lineId,
            quantity,
            note: trimmedNote || null,
            ...(choices.length > 0 ? { modifierOptionIds } : {}),
          },
          {
            done: intl.formatMessage(
              { id: 'pos.itemDialog.updated', defaultMessage: '{name} updated' },
              { name: item.name },
            ),
            refused: intl.formatMessage(
              { id: 'pos.itemDialog.notChanged', defaultMessage: '{name} not changed' },
              { name: item.name },
            ),
          },
        )
      : await runMutation(
          'order.addLine',
          {
            orderId,
            lineId: newRecordId<LineId>(),
            itemId: item.id,
            quantity,
            modifierOptionIds,
            note: trimmedNote || null,
          },
          {
            done: intl.formatMessage(
              { id: 'pos.itemDialog.added', defaultMessage: '{quantity} × {name} added' },
              { quantity, name: item.name },
            ),
            refused: intl.formatMessage(
              { id: 'pos.itemDialog.notAdded', defaultMessage: '{name} not added' },
              { name: item.name },
            ),
          },
        );
    setSaving(false);
    if (saved) onClose();
  }

  return (
    <PosDialog
      title={item.name}
      subtitle={
        item.description ||
        intl.formatMessage(
          { id: 'pos.itemDialog.each', defaultMessage: '{priceMinor} each' },
          { priceMinor: money(item.priceMinor) },
        )
      }
      size="lg"
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      footer={
        <div className="flex w-full flex-wrap items-end justify-between gap-3">
          <QuantityStepper
            label={intl.formatMessage({
              id: 'pos.itemDialog.quantity',
              defaultMessage: 'Quantity',
            })}
            value={quantity}
            onChange={setQuantity}
          />
          <Button size="lg" isPending={saving} onPress={() => void save()}>
            {editing ? (
              <FormattedMessage id="pos.itemDialog.save" defaultMessage="Save" />
            ) : (
              <FormattedMessage
                id="pos.itemDialog.add"
                defaultMessage="Add {quantity}"
                values={{ quantity }}
              />
            )}
            <FormattedMessage
              id="pos.itemDialog.text"
              defaultMessage=" · {value}"
              values={{ value: money(unit * quantity) }}
            />
          </Button>
        </div>
      }
    >
      {showProblems && problems.length > 0 ? (
        <Notice
          tone="danger"
          title={intl.formatMessage({
            id: 'pos.itemDialog.chooseTheOptionsFirst',
            defaultMessage: 'Choose the options first',
          })}
        >
          <FormattedMessage
            id="pos.itemDialog.text2"
            defaultMessage="{value}."
            values={{ value: problems.join('. ') }}
          />
        </Notice>
      ) : null}
      {choices.length > 0 ? (
        <ModifierGroups
          choices={choices}
          selection={selection}
          onChange={(next) => {
            setSelection(next);
          }}
          showProblems={showProblems}
        />
      ) : null}
      <TextField
        value={note}
        onChange={(next) => setNote(next.slice(0, NOTE_MAX))}
        className="flex flex-col gap-1.5"
      >
        <Label className="text-lg font-bold">
          <FormattedMessage
            id="pos.itemDialog.noteForTheKitchen"
            defaultMessage="Note for the kitchen"
          />
        </Label>
        <TextArea
          rows={2}
          placeholder={intl.formatMessage({
            id: 'pos.itemDialog.eGNoOnions',
            defaultMessage: 'e.g. no onions, allergy',
          })}
          className="min-h-touch-lg w-full rounded-control border-2 border-line-strong bg-surface px-3 py-2 text-lg"
        />
      </TextField>
      <div
        className="flex flex-wrap gap-2"
        role="group"
        aria-label={intl.formatMessage({
          id: 'pos.itemDialog.quickNotes',
          defaultMessage: 'Quick notes',
        })}
      >
        {QUICK_NOTES.map((quick) => (
          <Button
            key={quick}
            variant="secondary"
            onPress={() =>
              setNote((current) =>
                (current.trim() ? `${current.trim()}, ${quick}` : quick).slice(0, NOTE_MAX),
              )
            }
          >
            {quick}
          </Button>
        ))}
      </div>
    </PosDialog>
  );
}
