import type { Migration } from './migration.ts';

const OPEN = `('requested', 'accepted', 'in-progress', 'on-hold')`;

/**
 * Referral writes and lists that do not grow with the number of referrals: each team keeps its
 * count of open referrals (what routing and capacity read, and what a referral reserves a place
 * against), and the inbox and the service-level check each have an index in their own order.
 */
export const migration: Migration = {
  up: [
    // Kept by the referral service in the transaction that opens, closes or moves a referral.
    `ALTER TABLE teams
       ADD COLUMN open_referrals integer NOT NULL DEFAULT 0,
       ADD COLUMN open_young_people integer NOT NULL DEFAULT 0`,
    `UPDATE teams SET
       open_referrals = (SELECT count(*) FROM referrals r WHERE r.tenant_id = teams.tenant_id AND r.team_id = teams.id AND r.status IN ${OPEN}),
       open_young_people = (SELECT count(*) FROM referrals r WHERE r.tenant_id = teams.tenant_id AND r.team_id = teams.id AND r.status IN ${OPEN} AND r.young_person)`,
    // The team's queue: urgent first, then oldest, read in index order a page at a time.
    `CREATE INDEX referrals_queue ON referrals (tenant_id, team_id, status, (CASE urgency WHEN 'urgent' THEN 0 ELSE 1 END), created_at)
       WHERE status IN ${OPEN}`,
    // The service-level check: referrals still waiting for a first contact attempt, by due date.
    `CREATE INDEX referrals_awaiting_contact ON referrals (tenant_id, first_contact_due)
       WHERE first_contact_at IS NULL AND status IN ('requested', 'accepted')`,
  ],
  down: ['DROP INDEX referrals_awaiting_contact', 'DROP INDEX referrals_queue', 'ALTER TABLE teams DROP COLUMN open_young_people, DROP COLUMN open_referrals'],
};
