import { CalendarRange } from 'lucide-react';
import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { intl } from '../../../i18n/intl.ts';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import type { RangePreset, ReportRangeInput } from '../manager-api.ts';

export const PRESET_LABELS: Record<RangePreset, string> = {
  today: intl.formatMessage({ id: 'manager.rangePicker.today', defaultMessage: 'Today' }),
  yesterday: intl.formatMessage({
    id: 'manager.rangePicker.yesterday',
    defaultMessage: 'Yesterday',
  }),
  thisWeek: intl.formatMessage({ id: 'manager.rangePicker.thisWeek', defaultMessage: 'This week' }),
  last7Days: intl.formatMessage({
    id: 'manager.rangePicker.last7Days',
    defaultMessage: 'Last 7 days',
  }),
  thisMonth: intl.formatMessage({
    id: 'manager.rangePicker.thisMonth',
    defaultMessage: 'This month',
  }),
  custom: intl.formatMessage({ id: 'manager.rangePicker.custom', defaultMessage: 'Custom' }),
};

const PRESETS = Object.keys(PRESET_LABELS) as RangePreset[];

/** Presets are resolved by the server in the venue's timezone and business day (cut-off). */
export function RangePicker({
  range,
  onChange,
  today,
}: {
  range: ReportRangeInput;
  onChange: (range: ReportRangeInput) => void;
  /** The venue's current business day, once known, to start a custom range from. */
  today: string | undefined;
}) {
  const intl = useIntl();
  const [showCustom, setShowCustom] = useState(range.preset === 'custom');
  const [from, setFrom] = useState(range.from ?? today ?? '');
  const [to, setTo] = useState(range.to ?? today ?? '');
  const customProblem =
    from === '' || to === ''
      ? intl.formatMessage({
          id: 'manager.rangePicker.chooseBothDays',
          defaultMessage: 'Choose both days',
        })
      : to < from
        ? intl.formatMessage({
            id: 'manager.rangePicker.lastBeforeFirst',
            defaultMessage: 'The last day must not be before the first',
          })
        : null;

  return (
    <div className="flex flex-col gap-3 print:hidden">
      <ToggleButtonGroup
        aria-label={intl.formatMessage({
          id: 'manager.rangePicker.period',
          defaultMessage: 'Report period',
        })}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[showCustom ? 'custom' : range.preset]}
        onSelectionChange={(keys) => {
          const [key] = [...keys];
          if (key === undefined) return;
          const preset = String(key) as RangePreset;
          if (preset === 'custom') {
            setShowCustom(true);
            setFrom((value) => value || today || '');
            setTo((value) => value || today || '');
            return;
          }
          setShowCustom(false);
          onChange({ preset });
        }}
        className="flex flex-wrap gap-2"
      >
        {PRESETS.map((preset) => (
          <ToggleButton
            key={preset}
            id={preset}
            className="inline-flex min-h-touch items-center gap-2 rounded-full border-2 border-line-strong bg-surface px-4 text-base font-semibold text-ink data-pressed:scale-[0.98] data-selected:border-brand data-selected:bg-brand data-selected:text-white"
          >
            {preset === 'custom' ? <CalendarRange aria-hidden className="size-5" /> : null}
            {PRESET_LABELS[preset]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>

      {showCustom ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (customProblem === null) onChange({ preset: 'custom', from, to });
          }}
        >
          <TextField
            label={intl.formatMessage({
              id: 'manager.rangePicker.firstDay',
              defaultMessage: 'First business day',
            })}
            type="date"
            value={from}
            onChange={setFrom}
            className="w-48"
          />
          <TextField
            label={intl.formatMessage({
              id: 'manager.rangePicker.lastDay',
              defaultMessage: 'Last business day',
            })}
            type="date"
            value={to}
            onChange={setTo}
            className="w-48"
          />
          <Button type="submit" size="lg" isDisabled={customProblem !== null}>
            <FormattedMessage id="manager.rangePicker.showReport" defaultMessage="Show report" />
          </Button>
          {customProblem && from !== '' && to !== '' ? (
            <p role="alert" className="w-full text-sm font-semibold text-danger">
              {customProblem}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
