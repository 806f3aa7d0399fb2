import type { Migration } from './migration.ts';

/**
 * Short leases and a lane for scheduled work (docs/adr/0004-job-queue.md). `locked_until` becomes a
 * lease the worker renews while a job runs; expired leases are found by their own index rather
 * than in the claim, so the claim is one ordered index scan of pending jobs. `priority` 0 (scheduled
 * and maintenance jobs) is claimed before 1 (everything else), so a burst cannot starve them.
 */
export const migration: Migration = {
  up: [
    `ALTER TABLE jobs ADD COLUMN priority smallint NOT NULL DEFAULT 1 CONSTRAINT jobs_priority_known CHECK (priority IN (0, 1))`,
    `DROP INDEX jobs_due`,
    `CREATE INDEX jobs_pending ON jobs (priority, run_at) WHERE state = 'pending'`,
    `CREATE INDEX jobs_leased ON jobs (locked_until) WHERE state = 'running'`,
  ],
  down: [
    `DROP INDEX jobs_leased`,
    `DROP INDEX jobs_pending`,
    `CREATE INDEX jobs_due ON jobs (run_at) WHERE state IN ('pending', 'running')`,
    `ALTER TABLE jobs DROP COLUMN priority`,
  ],
};
