import { readFile } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { databaseTarget } from '../main.ts';
import { migrations } from '../migrations/index.ts';
import { type Database, migrateToLatest, openDatabase } from '../platform/db/index.ts';
import { UsageError } from './cli-usage.ts';

/** What every command is handed: the deployment's configuration and where its output and errors go. */
export interface CommandContext {
  config: Config;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Opens the database for one command (taking the CLI lock), brings the schema up to date, and closes it after. */
export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseTarget(config), { lock: 'cli' });
  try {
    await migrateToLatest(db.owner, migrations);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The local authority with this GSS code, or bad usage naming it. */
export async function tenantIdFor(db: Database, gssCode: string): Promise<string> {
  const tenant = await db.global((tx) => tx.selectFrom('tenants').select('id').where('gss_code', '=', gssCode).executeTakeFirst());
  if (!tenant) throw new UsageError(`No local authority ${gssCode}`);
  return tenant.id;
}

/** A whole file as text; one that cannot be read is bad usage naming it. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads all of standard input as text; nothing when it is a terminal rather than a pipe or file. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A progress bar on one line of standard error, redrawn in place. */
export function progressBar(done: number, total: number, width = 30, unit = 'services'): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total} ${unit}`;
}

/** Progress on standard error: redrawn in place on a terminal, a line each tenth of the way in a log. */
export function progressReporter(err: (s: string) => void, unit: string): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${progressBar(done, total, 30, unit)}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth !== lastTenth) err(progressBar(done, total, 30, unit));
    lastTenth = tenth;
  };
}
