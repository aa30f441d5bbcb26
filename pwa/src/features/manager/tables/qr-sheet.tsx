import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Printer } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTRPC } from '../../../api/query.ts';
import { ScreenHeader } from '../../../ui/panel.tsx';
import { LoadingBlock, QueryErrorNotice } from '../../../ui/query-state.tsx';
import { Button } from '../../../ui/button.tsx';
import { LinkButton } from '../../../ui/link-button.tsx';
import { useManager } from '../manager-context.ts';

/**
 * One card per table, ready to print and cut: the table's name, its QR code and the link the
 * code holds. The codes are made by the server (each holds the table's current token).
 */
export function QrSheet() {
  const intl = useIntl();
  const trpc = useTRPC();
  const { venueName } = useManager();
  const sheet = useQuery(trpc.backoffice.tables.qrSheet.queryOptions());

  return (
    <>
      <ScreenHeader
        title={intl.formatMessage({
          id: 'manager.qrSheet.title',
          defaultMessage: 'Table QR codes',
        })}
        description={intl.formatMessage({
          id: 'manager.qrSheet.description',
          defaultMessage:
            "Print, cut and place each card on its table. Scanning it opens that table's bill.",
        })}
        actions={
          <>
            <LinkButton to="/manager/tables" variant="secondary">
              <ArrowLeft aria-hidden className="size-5" />
              <FormattedMessage id="manager.qrSheet.backToTables" defaultMessage="Tables" />
            </LinkButton>
            <Button onPress={() => window.print()} isDisabled={!sheet.data}>
              <Printer aria-hidden className="size-5" />
              <FormattedMessage id="manager.qrSheet.print" defaultMessage="Print" />
            </Button>
          </>
        }
      />
      {sheet.data ? (
        <ul
          aria-label={intl.formatMessage({
            id: 'manager.qrSheet.codes',
            defaultMessage: 'QR codes',
          })}
          className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-2"
        >
          {sheet.data.tables.map((table) => (
            <li
              key={table.tableId}
              data-table={table.name}
              className="flex flex-col items-center gap-2 rounded-card border-2 border-dashed border-line-strong bg-surface p-5 text-center break-inside-avoid"
            >
              <p className="text-sm text-ink-muted">{venueName}</p>
              <h2 className="text-2xl font-bold">{table.name}</h2>
              <img
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(table.svg)}`}
                alt={intl.formatMessage(
                  { id: 'manager.qrSheet.codeAlt', defaultMessage: 'QR code for {table}: {url}' },
                  { table: table.name, url: table.payUrl },
                )}
                className="size-48 print:size-40"
              />
              <p className="text-base font-semibold">
                <FormattedMessage
                  id="manager.qrSheet.scanToPay"
                  defaultMessage="Scan to see your bill and pay"
                />
              </p>
              <a
                href={table.payUrl}
                className="inline-flex min-h-touch max-w-full items-center break-all font-mono text-sm text-brand underline"
              >
                {table.payUrl}
              </a>
            </li>
          ))}
        </ul>
      ) : sheet.isError ? (
        <QueryErrorNotice
          query={sheet}
          what={intl.formatMessage({ id: 'manager.qrSheet.what', defaultMessage: 'the QR codes' })}
        />
      ) : (
        <LoadingBlock
          label={intl.formatMessage({
            id: 'manager.qrSheet.loading',
            defaultMessage: 'Making the QR codes…',
          })}
        />
      )}
    </>
  );
}

export default QrSheet;
