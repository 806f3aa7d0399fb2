import type { Migration } from './migration.ts';

/**
 * The FHIR Task search reads each way a client may see a referral from its own index (migration
 * 0015). The older tenant-wide `referrals_updated` index gives the same order, and when one
 * organisation sends most of a tenant's referrals the planner took it and filtered: at 100,000
 * referrals with 10,000 newer ones from other senders, the page read 10,000 rows to keep 20 and
 * the search took 2.4 times as long as at 1,000. Nothing else orders by it, so it goes.
 */
export const migration: Migration = {
  up: ['DROP INDEX referrals_updated'],
  down: ['CREATE INDEX referrals_updated ON referrals (tenant_id, updated_at, id)'],
};
