import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is one process's database: a second process opening the same data folder would corrupt it.
 * The server holds `<dataDir>.lock` while it runs; CLIs read it to refuse, or to talk to the server instead.
 */
export interface DataDirOwner {
  pid: number;
  url?: string;
  startedAt: string;
}

const lockPath = (dataDir: string) => `${dataDir}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function dataDirOwner(dataDir: string): DataDirOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as DataDirOwner;
    return owner.pid !== process.pid && alive(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by a running server (pid ${owner.pid}${owner.url ? `, ${owner.url}` : ''}); stop it first`,
    );
    this.name = 'DataDirBusyError';
  }
}

export function lockDataDir(
  dataDir: string,
  info: Omit<DataDirOwner, 'pid' | 'startedAt'> = {},
): () => void {
  const owner = dataDirOwner(dataDir);
  if (owner) throw new DataDirBusyError(dataDir, owner);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const write = (extra: Omit<DataDirOwner, 'pid' | 'startedAt'>) =>
    writeFileSync(
      lockPath(dataDir),
      JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), ...extra }),
    );
  write(info);
  return () => rmSync(lockPath(dataDir), { force: true });
}

export function updateDataDirLock(
  dataDir: string,
  info: Omit<DataDirOwner, 'pid' | 'startedAt'>,
): void {
  writeFileSync(
    lockPath(dataDir),
    JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), ...info }),
  );
}
