import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process over one data directory: a second process opening it would corrupt it.
 * A lock file (created exclusively) names the holder; a live holder makes the caller stop with a
 * clear message, a dead one's lock is taken over.
 */
export async function acquireDataDirLock(dataDir: string, holder: 'server' | 'cli'): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'bridgework.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, holder }), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let current: { pid?: number; holder?: string } = {};
      try {
        current = JSON.parse(readFileSync(file, 'utf8')) as typeof current;
      } catch {
        // A half-written lock is treated as stale.
      }
      if (typeof current.pid === 'number' && current.pid !== process.pid && isAlive(current.pid)) {
        const who = current.holder === 'server' ? 'The Bridgework server' : 'Another bridgework command';
        throw new DataDirLockedError(
          `${who} (process ${current.pid}) is using the embedded database in ${dataDir}. ` +
            'PGlite allows one process at a time: stop it first, or run Bridgework on PostgreSQL (set DATABASE_URL), where commands work beside the server.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}`);
}
