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
import { money } from '../../../lib/money.ts';
import type { ReportSummary } from '../manager-api.ts';
import { formatShortDay, hourLabel } from './report-dates.ts';

// Only what a bar chart needs: chart.js is tree-shaken to these, in this lazily loaded chunk.
ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

const BRAND = '#1d4ed8';
const INK_MUTED = '#475569';
const LINE = '#cbd5e1';

function options(currency: string, xTitle: string): ChartOptions<'bar'> {
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
        title: { display: true, text: `Net sales (${currency})`, color: INK_MUTED },
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
  const currency = summary.venue.currency;
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
        <figcaption className="text-base font-semibold">By hour</figcaption>
        <div className="relative h-64">
          <Bar
            role="img"
            aria-label={
              busiest && busiest.netSalesMinor > 0
                ? `Net sales by hour; busiest ${hourLabel(busiest.hour)} with ${money(busiest.netSalesMinor, currency)}`
                : 'Net sales by hour: no sales in this period'
            }
            options={options(currency, 'Hour (venue time)')}
            data={{
              labels: hours.map((row) => hourLabel(row.hour)),
              datasets: [
                {
                  label: 'Net sales',
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
        <figcaption className="text-base font-semibold">By day</figcaption>
        <div className="relative h-64">
          <Bar
            role="img"
            aria-label={`Net sales by business day, ${days.length} ${days.length === 1 ? 'day' : 'days'}`}
            options={options(currency, 'Business day')}
            data={{
              labels: days.map((row) => formatShortDay(row.businessDay)),
              datasets: [
                {
                  label: 'Net sales',
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
