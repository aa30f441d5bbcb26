import { Download } from 'lucide-react';
import { useState } from 'react';
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
        aria-label={`Download ${label} as CSV`}
        onPress={() => void download()}
      >
        <Download aria-hidden className="size-5" />
        CSV
      </Button>
      {problem ? (
        <p role="alert" className="max-w-xs text-right text-sm font-semibold text-danger">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
