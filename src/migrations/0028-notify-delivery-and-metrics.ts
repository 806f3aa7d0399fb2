import type { Migration } from './migration.ts';

const RECEIPTS = `('delivered', 'permanent-failure', 'temporary-failure', 'technical-failure')`;
const REFERRAL_EVENT_KINDS = `'created', 'status', 'milestone', 'rerouted', 'contact-attempt', 'service-level'`;

/**
 * GOV.UK Notify delivery receipts and the metrics that read the outbox (ADR 0045). Each message keeps
 * Notify's last word on it (`receipt`, set by the callback) and, for a message to a person, what it
 * was about (a referral or a case), so a permanent failure reaches that timeline. The backlog gauge
 * reads queued messages by their own partial index, which stays small because messages leave it.
 */
export const migration: Migration = {
  up: [
    `ALTER TABLE notifications_outbox
       ADD COLUMN receipt text CONSTRAINT notifications_outbox_receipt_known CHECK (receipt IN ${RECEIPTS}),
       ADD COLUMN receipt_at timestamptz,
       ADD COLUMN about_kind text,
       ADD COLUMN about_id uuid,
       ADD CONSTRAINT notifications_outbox_about_whole CHECK ((about_kind IS NULL) = (about_id IS NULL))`,
    // Refused: GOV.UK Notify would not take the message (an address it cannot use); it never left.
    'ALTER TABLE notifications_outbox DROP CONSTRAINT notifications_outbox_state_known',
    `ALTER TABLE notifications_outbox ADD CONSTRAINT notifications_outbox_state_known CHECK (state IN ('queued', 'sent', 'kept', 'refused'))`,
    `CREATE INDEX notifications_outbox_backlog ON notifications_outbox (tenant_id, created_at) WHERE state = 'queued'`,
    // The metrics' count of dead jobs, which otherwise only a scan of every finished job would give.
    `CREATE INDEX jobs_dead ON jobs (finished_at) WHERE state = 'dead'`,
    // The referral timeline shows a message the person could not be sent.
    'ALTER TABLE referral_events DROP CONSTRAINT referral_events_kind_known',
    `ALTER TABLE referral_events ADD CONSTRAINT referral_events_kind_known CHECK (kind IN (${REFERRAL_EVENT_KINDS}, 'message-failed'))`,
  ],
  down: [
    `DELETE FROM referral_events WHERE kind = 'message-failed'`,
    'ALTER TABLE referral_events DROP CONSTRAINT referral_events_kind_known',
    `ALTER TABLE referral_events ADD CONSTRAINT referral_events_kind_known CHECK (kind IN (${REFERRAL_EVENT_KINDS}))`,
    'DROP INDEX jobs_dead',
    'DROP INDEX notifications_outbox_backlog',
    `UPDATE notifications_outbox SET state = 'sent' WHERE state = 'refused'`,
    'ALTER TABLE notifications_outbox DROP CONSTRAINT notifications_outbox_state_known',
    `ALTER TABLE notifications_outbox ADD CONSTRAINT notifications_outbox_state_known CHECK (state IN ('queued', 'sent', 'kept'))`,
    `ALTER TABLE notifications_outbox DROP CONSTRAINT notifications_outbox_about_whole,
       DROP COLUMN about_id, DROP COLUMN about_kind, DROP COLUMN receipt_at, DROP COLUMN receipt`,
  ],
};
