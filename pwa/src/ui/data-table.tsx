import type { ReactNode } from 'react';
import { cx } from './class-names.ts';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Numbers and money line up on the right. */
  numeric?: boolean;
  className?: string;
}

export interface DataTableProps<Row> {
  /** Read out as the table's name, and shown above it when `caption` is visible. */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: string;
  footer?: ReactNode;
  captionHidden?: boolean;
}

/**
 * A plain, semantic table (caption, column headers) that scrolls sideways inside its card on a
 * phone instead of pushing the page wider, and prints in full. The scroller is `relative` so
 * visually hidden labels (position: absolute) inside it are clipped with it, not the page.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  captionHidden = true,
}: DataTableProps<Row>) {
  return (
    <div className="relative -mx-1 overflow-x-auto px-1 print:overflow-visible">
      <table className="w-full border-collapse text-base">
        <caption className={captionHidden ? 'sr-only' : 'pb-2 text-left text-lg font-bold'}>
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-line-strong">
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={cx(
                  'whitespace-nowrap px-2 py-2 text-sm font-semibold text-ink-muted',
                  column.numeric ? 'text-right' : 'text-left',
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-4 text-ink-muted">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className="border-b border-line break-inside-avoid">
                {columns.map((column) => (
                  <td
                    key={column.header}
                    className={cx(
                      'px-2 py-2 align-middle',
                      column.numeric ? 'whitespace-nowrap text-right tabular-nums' : 'text-left',
                      column.className,
                    )}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
