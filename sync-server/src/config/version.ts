import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './env.ts';

/** The server's release, from its package.json (shown in health and to tablets that need updating). */
export const serverVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, 'sync-server/package.json'), 'utf8')) as {
    version: string;
  }
).version;
