import { Download } from 'lucide-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../../../ui/query-state.tsx';
import { Button } from '../../../ui/button.tsx';
import type { ReportRangeInput, ReportSection } from '../manager-api.ts';
import { downloadReportCsv } from './csv-download.ts';

/** "CSV" next to a table: downloads that table for the range on screen, or says why not. */
export function CsvButton({
  range,
  section,
  label,
}: {
  range: ReportRangeInput;
  section: ReportSection;
  /** What the table is, for the button's accessible name ("Download by item as CSV"). */
  label: string;
}) {
  const intl = useIntl();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function download() {
    setPending(true);
    setProblem(null);
    try {
      await downloadReportCsv(range, section);
    } catch (error) {
      setProblem(describeError(error, 'reports.csv'));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        isPending={pending}
        aria-label={intl.formatMessage(
          { id: 'manager.csvButton.download', defaultMessage: 'Download {what} as CSV' },
          { what: label },
        )}
        onPress={() => void download()}
      >
        <Download aria-hidden className="size-5" />
        <FormattedMessage id="manager.csvButton.csv" defaultMessage="CSV" />
      </Button>
      {problem ? (
        <p role="alert" className="max-w-xs text-right text-sm font-semibold text-danger">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
