import { CalendarRange } from 'lucide-react';
import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import type { RangePreset, ReportRangeInput } from '../manager-api.ts';

export const PRESET_LABELS: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  thisWeek: 'This week',
  last7Days: 'Last 7 days',
  thisMonth: 'This month',
  custom: 'Custom',
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
  const [showCustom, setShowCustom] = useState(range.preset === 'custom');
  const [from, setFrom] = useState(range.from ?? today ?? '');
  const [to, setTo] = useState(range.to ?? today ?? '');
  const customProblem =
    from === '' || to === ''
      ? 'Choose both days'
      : to < from
        ? 'The last day must not be before the first'
        : null;

  return (
    <div className="flex flex-col gap-3 print:hidden">
      <ToggleButtonGroup
        aria-label="Report period"
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
            label="First business day"
            type="date"
            value={from}
            onChange={setFrom}
            className="w-48"
          />
          <TextField
            label="Last business day"
            type="date"
            value={to}
            onChange={setTo}
            className="w-48"
          />
          <Button type="submit" size="lg" isDisabled={customProblem !== null}>
            Show report
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
