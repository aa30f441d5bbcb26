import { ConfigError, loadConfig, type Config } from '../config/index.ts';
import type { Db } from '../db/index.ts';
import { openDb } from '../db/index.ts';

/** Exits with the one-line configuration error the server itself would print. */
export function configOrExit(command: string): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(command, error.problems.join('; '));
    throw error;
  }
}

export function fail(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  process.exit(1);
}

export async function withDb<T>(
  command: string,
  config: Config,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  let db: Db;
  try {
    db = await openDb(config);
  } catch (error) {
    fail(command, error instanceof Error ? error.message : String(error));
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export const hasFlag = (flag: string) => process.argv.includes(flag);
export const positional = () => process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
