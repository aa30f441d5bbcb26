import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test support: a webhook endpoint that records what arrives (raw body and signature header, as
 * a real endpoint must verify them) and answers with whatever status the test chooses.
 */
export interface ReceivedWebhook {
  rawBody: string;
  signature: string;
  event: { id: string; type: string; created: number; data: { object: Record<string, unknown> } };
  /** Wall-clock arrival time (ms). */
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Decide the HTTP status for each arrival (default 200). `index` counts arrivals from 0. */
  respondWith(status: (webhook: ReceivedWebhook, index: number) => number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let chooseStatus: (webhook: ReceivedWebhook, index: number) => number = () => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const webhook: ReceivedWebhook = {
        rawBody,
        signature: String(req.headers['stripe-signature'] ?? ''),
        event: JSON.parse(rawBody) as ReceivedWebhook['event'],
        receivedAt: Date.now(),
      };
      const index = received.length;
      received.push(webhook);
      res.writeHead(chooseStatus(webhook, index), { 'Content-Type': 'application/json' });
      res.end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    received,
    respondWith: (status) => {
      chooseStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
