import { Check } from 'lucide-react';
import { ToggleButton } from 'react-aria-components';
import {
  groupRule,
  isGroupFull,
  toggleOption,
  type ModifierGroupChoice,
  type ModifierSelection,
} from '../modifier-choice.ts';
import { usePos } from '../pos-context.tsx';
import { cx } from '../../../ui/class-names.ts';
import { FormattedMessage } from 'react-intl';

/**
 * The options of an item, group by group, as large toggles. The group's rule is stated next to
 * its name ("Choose 1", "Optional, up to 4"), a full group disables its other options, and an
 * unavailable option is shown but cannot be chosen.
 */
export function ModifierGroups({
  choices,
  selection,
  onChange,
  showProblems,
}: {
  choices: readonly ModifierGroupChoice[];
  selection: ModifierSelection;
  onChange: (selection: ModifierSelection) => void;
  showProblems: boolean;
}) {
  const { money } = usePos();
  return (
    <div className="flex flex-col gap-5">
      {choices.map((choice) => {
        const chosen = selection.get(choice.group.id) ?? [];
        const full = isGroupFull(selection, choice);
        const missing = chosen.length < choice.group.minChoices;
        return (
          <fieldset key={choice.group.id} className="flex flex-col gap-2">
            <legend className="mb-2 flex w-full flex-wrap items-baseline gap-x-3">
              <span className="text-lg font-bold">{choice.group.name}</span>
              <span
                className={cx(
                  'text-sm font-semibold',
                  missing && showProblems ? 'text-danger' : 'text-ink-muted',
                )}
              >
                {groupRule(choice.group)}
                {choice.group.maxChoices > 1 ? (
                  <FormattedMessage
                    id="pos.modifierGroups.chosen"
                    defaultMessage=" · {length} chosen"
                    values={{ length: chosen.length }}
                  />
                ) : null}
              </span>
            </legend>
            <div className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-2">
              {choice.options.map((option) => {
                const isSelected = chosen.includes(option.id);
                return (
                  <ToggleButton
                    key={option.id}
                    isSelected={isSelected}
                    isDisabled={!option.available || (!isSelected && full)}
                    onChange={() => onChange(toggleOption(selection, choice, option.id))}
                    className={cx(
                      'flex min-h-touch-lg items-center gap-2 rounded-control border-2 px-3 py-2 text-left',
                      'data-pressed:scale-[0.98] data-disabled:opacity-45',
                      isSelected
                        ? 'border-brand bg-brand-soft text-brand-strong'
                        : 'border-line-strong bg-surface text-ink',
                    )}
                  >
                    <span
                      aria-hidden
                      className={cx(
                        'flex size-6 shrink-0 items-center justify-center border-2',
                        choice.group.maxChoices === 1 ? 'rounded-full' : 'rounded',
                        isSelected ? 'border-brand bg-brand text-white' : 'border-line-strong',
                      )}
                    >
                      {isSelected ? <Check className="size-4" /> : null}
                    </span>
                    <span className="flex min-w-0 flex-1 flex-col leading-tight">
                      <span className="font-semibold">{option.name}</span>
                      {!option.available ? (
                        <span className="text-sm">
                          <FormattedMessage
                            id="pos.modifierGroups.unavailable"
                            defaultMessage="Unavailable"
                          />
                        </span>
                      ) : option.priceDeltaMinor !== 0 ? (
                        <span className="text-sm tabular-nums">
                          {option.priceDeltaMinor > 0 ? (
                            <FormattedMessage id="pos.modifierGroups.text" defaultMessage="+" />
                          ) : (
                            <FormattedMessage id="pos.modifierGroups.text2" defaultMessage="−" />
                          )}
                          {money(Math.abs(option.priceDeltaMinor))}
                        </span>
                      ) : null}
                    </span>
                  </ToggleButton>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
