import { z } from 'zod';
import { assertCan } from '../backoffice/index.ts';
import { inVenue } from '../db/index.ts';
import {
  reportFreshness,
  openOrders,
  ordersNeedingRefundAttention,
  csvFilename,
  sectionCsv,
  type SectionRows,
  checkRange,
  ReportRangeInputSchema,
  reportRangeFields,
  openReportScope,
  REPORT_SECTION_NAMES,
  REPORT_SECTIONS,
  reportSummary,
  type ReportSection,
} from '../reports/index.ts';
import { router } from './init.ts';
import { managerProcedure } from './procedures.ts';

/** Managers and owners (the shared permission table's `reports.view`). */
const reportsProcedure = managerProcedure.use(({ ctx, next }) => {
  assertCan(ctx.staff, 'reports.view');
  return next();
});

const CsvInputSchema = z
  .object({ ...reportRangeFields, section: z.enum(REPORT_SECTION_NAMES) })
  .superRefine(checkRange);

export const reportsRouter = router({
  resolveRange: reportsProcedure
    .meta({ summary: 'The business days (and UTC instants) a preset or custom range covers.' })
    .input(ReportRangeInputSchema)
    .query(({ ctx, input }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, async (tx) => {
        const scope = await openReportScope(
          tx,
          ctx.staff.venueId,
          input,
          new Date(ctx.deps.clock.now()),
        );
        return scope.range;
      }),
    ),

  summary: reportsProcedure
    .meta({
      summary: 'The whole report for a range of business days: figures, every table, freshness.',
    })
    .input(ReportRangeInputSchema)
    .query(({ ctx, input }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, async (tx) =>
        reportSummary(
          await openReportScope(tx, ctx.staff.venueId, input, new Date(ctx.deps.clock.now())),
        ),
      ),
    ),

  openOrders: reportsProcedure
    .meta({ summary: 'Orders open on the floor right now (any business day).' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, (tx) => openOrders(tx, ctx.staff.venueId)),
    ),

  attention: reportsProcedure
    .meta({ summary: 'Orders paid more than their total, or with a refund still pending.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, (tx) =>
        ordersNeedingRefundAttention(tx, ctx.staff.venueId),
      ),
    ),

  freshness: reportsProcedure
    .meta({ summary: 'When the last change reached the server, and devices with unsynced work.' })
    .input(z.void())
    .query(({ ctx }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, (tx) =>
        reportFreshness(tx, ctx.staff.venueId, new Date(ctx.deps.clock.now())),
      ),
    ),

  csv: reportsProcedure
    .meta({ summary: 'One table of the report as CSV text (money in major units).' })
    .input(CsvInputSchema)
    .query(({ ctx, input }) =>
      inVenue(ctx.deps.db, ctx.staff.venueId, async (tx) => {
        const { section, ...range } = input;
        const scope = await openReportScope(
          tx,
          ctx.staff.venueId,
          range,
          new Date(ctx.deps.clock.now()),
        );
        const rows = (await REPORT_SECTIONS[section](scope)) as SectionRows[ReportSection];
        return {
          section,
          filename: csvFilename(section, scope.range),
          contentType: 'text/csv; charset=utf-8',
          csv: sectionCsv(section, rows, scope.venue.currency),
        };
      }),
    ),
});
