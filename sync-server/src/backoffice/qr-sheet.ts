import QRCode from 'qrcode';

/**
 * The printable sheet of table QR codes: each code opens that table's pay page. The link is
 * built from PUBLIC_URL when set (what customers' phones can reach), else from the origin the
 * manager's browser used.
 */

export interface QrSheetEntry {
  tableId: string;
  name: string;
  area: string;
  payUrl: string;
  /** A standalone SVG document of the QR code. */
  svg: string;
}

export function payUrl(baseUrl: string, qrToken: string): string {
  return `${baseUrl.replace(/\/$/, '')}/t/${encodeURIComponent(qrToken)}`;
}

export async function qrSheet(
  baseUrl: string,
  tables: readonly { id: string; name: string; area: string; qrToken: string }[],
): Promise<QrSheetEntry[]> {
  return Promise.all(
    tables.map(async (table) => {
      const url = payUrl(baseUrl, table.qrToken);
      // Level M survives a coffee ring on a printed card; a margin of 2 modules is enough on paper.
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { tableId: table.id, name: table.name, area: table.area, payUrl: url, svg };
    }),
  );
}
