import type { Migration } from './migration.ts';

/** The dedupe key of the one-off job this migration queues: the job runs once, whichever node claims it. */
export const RESTATEMENT_JOB_KEY = 'migration:0008-guarantee-restatement';

/**
 * Two corrections of issue 11.
 *
 * - Guarantees made under the ESA 104-week "work or training beneficiary" term, revoked from 1 May 2012
 *   (SI 2012/919), are re-stated under the rules in force by a one-off job this migration queues
 *   (`benefits.guarantee-restatement`): recomputing needs the rules in code and tells each person in
 *   their language, which SQL here cannot do. A re-stated guarantee keeps when and from what date.
 * - Pay is checked in the sustained-work rule: a job's hourly pay may be unknown (it is then "pay not
 *   recorded", never counted as sustained), and a week can record the pay for that week when it changed.
 */
export const migration: Migration = {
  up: [
    'ALTER TABLE bridge_back_guarantees ADD COLUMN restated_at timestamptz',
    `ALTER TABLE bridge_back_guarantees ADD COLUMN restated_from text CONSTRAINT bridge_back_guarantees_restated_from_format CHECK (restated_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')`,
    'ALTER TABLE bridge_back_guarantees ADD CONSTRAINT bridge_back_guarantees_restated_consistent CHECK ((restated_at IS NULL) = (restated_from IS NULL))',
    // The queue holds no personal data: the job finds its guarantees itself, tenant by tenant.
    `INSERT INTO jobs (id, name, tenant_id, payload, state, attempts, max_attempts, backoff_seconds, run_at, dedupe_key, created_at)
     VALUES (gen_random_uuid(), 'benefits.guarantee-restatement', NULL, '{}'::jsonb, 'pending', 0, 10, 60, now(), '${RESTATEMENT_JOB_KEY}', now())
     ON CONFLICT (dedupe_key) DO NOTHING`,
    'ALTER TABLE case_jobs ALTER COLUMN hourly_pay DROP NOT NULL',
    'ALTER TABLE case_job_weeks ADD COLUMN hourly_pay numeric(8, 2) CONSTRAINT case_job_weeks_pay_range CHECK (hourly_pay >= 0 AND hourly_pay <= 1000)',
  ],
  down: [
    'ALTER TABLE case_job_weeks DROP COLUMN hourly_pay',
    // A job recorded without pay cannot go back to a column that needs it: 0 keeps it below any minimum wage.
    'UPDATE case_jobs SET hourly_pay = 0 WHERE hourly_pay IS NULL',
    'ALTER TABLE case_jobs ALTER COLUMN hourly_pay SET NOT NULL',
    `DELETE FROM jobs WHERE dedupe_key = '${RESTATEMENT_JOB_KEY}' AND state = 'pending'`,
    'ALTER TABLE bridge_back_guarantees DROP CONSTRAINT bridge_back_guarantees_restated_consistent',
    'ALTER TABLE bridge_back_guarantees DROP COLUMN restated_from',
    'ALTER TABLE bridge_back_guarantees DROP COLUMN restated_at',
  ],
};
