import { useQuery } from '@tanstack/react-query';
import { Printer, RefreshCw } from 'lucide-react';
import { lazy, Suspense } from 'react';
import { FormattedMessage, defineMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../../api/query.ts';
import { Panel, ScreenHeader } from '../../../ui/panel.tsx';
import {
  CachedNote,
  LoadingBlock,
  OfflineNotice,
  QueryErrorNotice,
} from '../../../ui/query-state.tsx';
import { Button } from '../../../ui/button.tsx';
import type { RangePreset, ReportRangeInput } from '../manager-api.ts';
import { CsvButton } from './csv-button.tsx';
import { PRESET_LABELS, RangePicker } from './range-picker.tsx';
import { formatDayRange } from './report-dates.ts';
import { FigureGrid, FreshnessNotice } from './report-figures.tsx';
import { ReportTables } from './report-tables.tsx';

// chart.js loads only when a manager opens a report, never with the tablet's screens.
const SalesCharts = lazy(() => import('./sales-charts.tsx'));

const NET_SALES = defineMessage({ id: 'manager.reports.netSales', defaultMessage: 'Net sales' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The range lives in the address (?range=last7Days, ?range=custom&from=…&to=…): shareable, back-button friendly. */
function rangeFromSearch(search: URLSearchParams): ReportRangeInput {
  const preset = search.get('range') ?? 'today';
  if (preset === 'custom') {
    const from = search.get('from') ?? '';
    const to = search.get('to') ?? '';
    if (DATE.test(from) && DATE.test(to)) return { preset: 'custom', from, to };
    return { preset: 'today' };
  }
  return preset in PRESET_LABELS ? { preset: preset as RangePreset } : { preset: 'today' };
}

export function ReportsScreen() {
  const intl = useIntl();
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParams();
  const range = rangeFromSearch(search);
  const summary = useQuery({
    ...trpc.reports.summary.queryOptions(range),
    placeholderData: (previous) => previous,
    // A copy restored from this device's storage is shown at once and replaced when the
    // server answers, however recent it is.
    refetchOnMount: 'always',
  });
  const data = summary.data;

  function changeRange(next: ReportRangeInput) {
    const params = new URLSearchParams({ range: next.preset });
    if (next.preset === 'custom' && next.from && next.to) {
      params.set('from', next.from);
      params.set('to', next.to);
    }
    setSearch(params);
  }

  return (
    <div className="flex flex-col gap-5">
      <ScreenHeader
        title={intl.formatMessage({ id: 'manager.reports.title', defaultMessage: 'Reports' })}
        description={
          data
            ? intl.formatMessage(
                {
                  id: 'manager.reports.period',
                  defaultMessage: '{days} · business days start at {cutoff} ({timezone})',
                },
                {
                  days: formatDayRange(data.range.from, data.range.to),
                  cutoff: data.range.businessDayCutoff,
                  timezone: data.range.timezone,
                },
              )
            : intl.formatMessage({
                id: 'manager.reports.description',
                defaultMessage: 'Sales from everything the tablets have synced.',
              })
        }
        actions={
          <>
            <Button
              variant="secondary"
              isPending={summary.isFetching}
              onPress={() => void summary.refetch()}
            >
              <RefreshCw aria-hidden className="size-5" />
              <FormattedMessage id="manager.reports.refresh" defaultMessage="Refresh" />
            </Button>
            <Button variant="secondary" onPress={() => window.print()} isDisabled={!data}>
              <Printer aria-hidden className="size-5" />
              <FormattedMessage id="manager.reports.print" defaultMessage="Print" />
            </Button>
          </>
        }
      />

      <RangePicker
        key={`${range.preset}-${range.from ?? ''}-${range.to ?? ''}`}
        range={range}
        onChange={changeRange}
        today={data?.range.today}
      />

      {data ? (
        <>
          <CachedNote query={summary} />
          <FreshnessNotice summary={data} />
          <FigureGrid summary={data} />
          <Panel
            title={intl.formatMessage(NET_SALES)}
            actions={
              <CsvButton
                range={range}
                section="figures"
                label={intl.formatMessage({
                  id: 'manager.reports.figuresCsv',
                  defaultMessage: 'the headline figures',
                })}
              />
            }
          >
            <Suspense
              fallback={
                <LoadingBlock
                  label={intl.formatMessage({
                    id: 'manager.reports.loadingCharts',
                    defaultMessage: 'Loading the charts…',
                  })}
                />
              }
            >
              <SalesCharts summary={data} />
            </Suspense>
          </Panel>
          <ReportTables summary={data} range={range} />
          {data.freshness.devicesWithUnsyncedWork.length > 0 ? (
            <Panel
              title={intl.formatMessage({
                id: 'manager.reports.unsyncedDevices',
                defaultMessage: 'Devices with unsynced work',
              })}
              actions={
                <CsvButton
                  range={range}
                  section="unsyncedDevices"
                  label={intl.formatMessage({
                    id: 'manager.reports.unsyncedDevicesCsv',
                    defaultMessage: 'devices with unsynced work',
                  })}
                />
              }
            >
              <p className="text-base text-ink-muted">
                <FormattedMessage
                  id="manager.reports.unsyncedDevicesHint"
                  defaultMessage="Listed above; bring each one online (or import its outbox) for a complete report."
                />
              </p>
            </Panel>
          ) : null}
        </>
      ) : summary.isError ? (
        <QueryErrorNotice
          query={summary}
          what={intl.formatMessage({
            id: 'manager.reports.whatReport',
            defaultMessage: 'the report',
          })}
        />
      ) : summary.fetchStatus === 'paused' ? (
        <OfflineNotice
          what={intl.formatMessage({
            id: 'manager.reports.whatThisReport',
            defaultMessage: 'this report',
          })}
        />
      ) : (
        <LoadingBlock
          label={intl.formatMessage({
            id: 'manager.reports.loading',
            defaultMessage: 'Loading the report…',
          })}
        />
      )}
    </div>
  );
}

export default ReportsScreen;
