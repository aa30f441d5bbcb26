import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config/env.ts';
import type { Db } from '../../src/db/db.ts';
import type { Clock } from '../../src/deps.ts';
import type { RateLimits } from '../../src/http/rate-limit.ts';
import { startServer, type RunningServer } from '../../src/server.ts';

export function testConfig(env: Record<string, string> = {}): Config {
  // Tests make many calls from one address: limits are lifted unless a test sets its own.
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    RATE_LIMIT_DEFAULT: '100000',
    RATE_LIMIT_AUTH: '100000',
    ...env,
  });
}

export interface TestServer extends RunningServer {
  /** Every JSON log line the server wrote. */
  logs: Record<string, unknown>[];
}

/** A real server on an ephemeral port, over the given database, with its logs captured. */
export async function startTestServer(
  db: Db,
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    pwaDir?: string;
    rateLimits?: RateLimits;
  } = {},
): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  let pending = '';
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
        newline = pending.indexOf('\n');
      }
      done();
    },
  });
  const server = await startServer(testConfig(options.env), {
    db,
    migrate: false,
    logStream,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.pwaDir ? { pwaDir: options.pwaDir } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  return Object.assign(server, { logs });
}
