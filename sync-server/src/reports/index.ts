// The reports domain's entry: other domains import from here only (sync-server/eslint-domains.js).
export { reportFreshness } from './freshness.ts';
export { openOrders, ordersNeedingRefundAttention } from './live-orders.ts';
export { csvFilename, sectionCsv, type SectionRows } from './report-csv.ts';
export { checkRange, reportRangeFields, ReportRangeInputSchema } from './report-range.ts';
export {
  openReportScope,
  REPORT_SECTION_NAMES,
  REPORT_SECTIONS,
  type ReportSection,
  reportSummary,
} from './report-summary.ts';
