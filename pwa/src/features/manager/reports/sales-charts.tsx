import { currencyExponent } from '@servio/shared/currency';
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  LinearScale,
  Tooltip,
  type ChartOptions,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { FormattedMessage, useIntl } from 'react-intl';
import { money } from '../../../lib/money.ts';
import type { ReportSummary } from '../manager-api.ts';
import { formatShortDay, hourLabel } from './report-dates.ts';

// Only what a bar chart needs: chart.js is tree-shaken to these, in this lazily loaded chunk.
ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

const BRAND = '#1d4ed8';
const INK_MUTED = '#475569';
const LINE = '#cbd5e1';

function options(currency: string, xTitle: string, yTitle: string): ChartOptions<'bar'> {
  const scale = 10 ** currencyExponent(currency);
  return {
    responsive: true,
    maintainAspectRatio: false,
    // Prints and screenshots show the final bars, not a frame of the animation.
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: { label: (item) => money(Math.round(item.parsed.y! * scale), currency) },
      },
    },
    scales: {
      x: {
        title: { display: true, text: xTitle, color: INK_MUTED },
        ticks: { color: INK_MUTED, autoSkip: true, maxRotation: 0 },
        grid: { display: false },
      },
      y: {
        beginAtZero: true,
        title: { display: true, text: yTitle, color: INK_MUTED },
        ticks: {
          color: INK_MUTED,
          callback: (value) => money(Math.round(Number(value) * scale), currency),
        },
        grid: { color: LINE },
      },
    },
  };
}

/** Net sales by hour of the business day, and by day when the range spans several. */
export function SalesCharts({ summary }: { summary: ReportSummary }) {
  const intl = useIntl();
  const currency = summary.venue.currency;
  const yTitle = intl.formatMessage(
    { id: 'manager.salesCharts.yTitle', defaultMessage: 'Net sales ({currency})' },
    { currency },
  );
  const dataset = intl.formatMessage({
    id: 'manager.salesCharts.netSales',
    defaultMessage: 'Net sales',
  });
  const scale = 10 ** currencyExponent(currency);
  const hours = summary.byHour;
  const days = summary.byDay;
  const busiest = hours.reduce(
    (best, row) => (row.netSalesMinor > best.netSalesMinor ? row : best),
    hours[0]!,
  );

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:grid-cols-1">
      <figure className="flex min-w-0 flex-col gap-2">
        <figcaption className="text-base font-semibold">
          <FormattedMessage id="manager.salesCharts.byHour" defaultMessage="By hour" />
        </figcaption>
        <div className="relative h-64">
          <Bar
            role="img"
            aria-label={
              busiest && busiest.netSalesMinor > 0
                ? intl.formatMessage(
                    {
                      id: 'manager.salesCharts.byHourBusiest',
                      defaultMessage: 'Net sales by hour; busiest {hour} with {amount}',
                    },
                    {
                      hour: hourLabel(busiest.hour),
                      amount: money(busiest.netSalesMinor, currency),
                    },
                  )
                : intl.formatMessage({
                    id: 'manager.salesCharts.byHourEmpty',
                    defaultMessage: 'Net sales by hour: no sales in this period',
                  })
            }
            options={options(
              currency,
              intl.formatMessage({
                id: 'manager.salesCharts.hourAxis',
                defaultMessage: 'Hour (venue time)',
              }),
              yTitle,
            )}
            data={{
              labels: hours.map((row) => hourLabel(row.hour)),
              datasets: [
                {
                  label: dataset,
                  data: hours.map((row) => row.netSalesMinor / scale),
                  backgroundColor: BRAND,
                  borderRadius: 4,
                },
              ],
            }}
          />
        </div>
      </figure>
      <figure className="flex min-w-0 flex-col gap-2">
        <figcaption className="text-base font-semibold">
          <FormattedMessage id="manager.salesCharts.byDay" defaultMessage="By day" />
        </figcaption>
        <div className="relative h-64">
          <Bar
            role="img"
            aria-label={intl.formatMessage(
              {
                id: 'manager.salesCharts.byDayLabel',
                defaultMessage:
                  'Net sales by business day, {count, plural, one {{countText} day} other {{countText} days}}',
              },
              { count: days.length, countText: String(days.length) },
            )}
            options={options(
              currency,
              intl.formatMessage({
                id: 'manager.salesCharts.dayAxis',
                defaultMessage: 'Business day',
              }),
              yTitle,
            )}
            data={{
              labels: days.map((row) => formatShortDay(row.businessDay)),
              datasets: [
                {
                  label: dataset,
                  data: days.map((row) => row.netSalesMinor / scale),
                  backgroundColor: BRAND,
                  borderRadius: 4,
                  maxBarThickness: 64,
                },
              ],
            }}
          />
        </div>
      </figure>
    </div>
  );
}

export default SalesCharts;
