import { trpc } from '../../../api/trpc.ts';
import type { ReportRangeInput, ReportSection } from '../manager-api.ts';

/**
 * One table of the report as a CSV file, made by the server from its own rows (money in major
 * units, formulas escaped) and handed to the browser as a download.
 */
export async function downloadReportCsv(
  range: ReportRangeInput,
  section: ReportSection,
): Promise<string> {
  const file = await trpc.reports.csv.query({ ...range, section });
  // A byte-order mark lets spreadsheet programs read the UTF-8 names (é, ü) correctly.
  const blob = new Blob(['\uFEFF', file.csv], { type: file.contentType });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = file.filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download; free it once the browser has it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return file.filename;
}
