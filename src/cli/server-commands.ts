import { parseArgs } from 'node:util';
import { databaseTarget, startServer } from '../main.ts';
import { migrations } from '../migrations/index.ts';
import { migrateDown, migrateToLatest, openDatabase } from '../platform/db/index.ts';
import type { CommandContext } from './cli-io.ts';

/** `serve [--seed-if-empty]`: runs until SIGINT or SIGTERM, then stops cleanly and exits. */
export async function serve({ config }: CommandContext, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'seed-if-empty': { type: 'boolean' } } });
  const server = await startServer(config, { seedIfEmpty: values['seed-if-empty'] ?? false });
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return await new Promise<number>(() => {});
}

/** `migrate [--down]`: the schema up to date, or the last migration undone. */
export async function migrate({ config, out }: CommandContext, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { down: { type: 'boolean' } } });
  const db = await openDatabase(databaseTarget(config), { lock: 'cli' });
  try {
    const report = values.down ? await migrateDown(db.owner, migrations) : await migrateToLatest(db.owner, migrations);
    out(report.applied.length > 0 ? `${values.down ? 'Undone' : 'Applied'}: ${report.applied.join(', ')}` : 'The schema is up to date.');
  } finally {
    await db.close();
  }
  return 0;
}
