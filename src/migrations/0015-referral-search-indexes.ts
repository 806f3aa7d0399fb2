import type { Migration } from './migration.ts';

/**
 * The FHIR Task search in `_lastUpdated` order without reading other senders' referrals: one index
 * for each way a system client may see a referral (it sent it, its organisation sent it, its
 * organisation's team runs it), each in the search's order, so each is read as an ordered run that
 * stops at the page's end and the runs are merged (referral-read-repo.ts, ADR 0023).
 */
export const migration: Migration = {
  up: [
    `CREATE INDEX referrals_client_updated ON referrals (tenant_id, referrer_client_id, updated_at, id)`,
    `CREATE INDEX referrals_organisation_updated ON referrals (tenant_id, referrer_organisation_id, updated_at, id)`,
    `CREATE INDEX referrals_team_updated ON referrals (tenant_id, team_id, updated_at, id)`,
  ],
  down: ['DROP INDEX referrals_team_updated', 'DROP INDEX referrals_organisation_updated', 'DROP INDEX referrals_client_updated'],
};
