import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { type SigningKey, writeCheckpoints } from './audit-checkpoints.ts';
import { type SealReport, sealAuditChains } from './audit-sealer.ts';

export type AuditSealer = {
  start(): void;
  stop(): Promise<void>;
  /** One round: seal what is sealable, then sign checkpoints if they are due. Tests call this. */
  tick(): Promise<SealReport & { checkpoints: number }>;
};
type Log = { error(obj: object, msg?: string): void };

/**
 * The loop beside the job worker that seals audit rows every `intervalMs` (a fraction of a second:
 * an idle round is one indexed query) and signs each moved chain head every `checkpointEveryMs`.
 * It is not a queued job: a job a second would fill the jobs table with bookkeeping. Every node may
 * run one; they share the work through the head rows' SKIP LOCKED.
 */
export function createAuditSealer(deps: {
  db: Database;
  clock: Clock;
  intervalMs: number;
  signingKey?: SigningKey | undefined;
  checkpointEveryMs: number;
  exportDir?: string | undefined;
  log?: Log;
}): AuditSealer {
  const { db, clock } = deps;
  let lastCheckpoint = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function tick() {
    const report = await sealAuditChains(db);
    let checkpoints = 0;
    const now = clock.now().getTime();
    if (deps.signingKey && now - lastCheckpoint >= deps.checkpointEveryMs) {
      checkpoints = (await writeCheckpoints(db, clock, deps.signingKey, deps.exportDir)).length;
      lastCheckpoint = now;
    }
    return { ...report, checkpoints };
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => deps.log?.error({ err: error }, 'audit sealing failed'))
        .finally(schedule);
    }, deps.intervalMs);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    tick,
  };
}
