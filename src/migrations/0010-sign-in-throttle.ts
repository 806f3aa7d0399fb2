import type { Migration } from './migration.ts';

/**
 * Sign-in throttling by growing delays instead of a lock-out (see the sign-in throttling ADR): each throttle key keeps
 * when it last failed (a delay runs from there; a long quiet spell starts a new burst) and when
 * the account holder was told about the burst, so they are told once.
 */
export const migration: Migration = {
  up: [
    'ALTER TABLE auth_throttle ADD COLUMN last_failure_at timestamptz',
    'UPDATE auth_throttle SET last_failure_at = window_start',
    'ALTER TABLE auth_throttle ALTER COLUMN last_failure_at SET NOT NULL',
    'ALTER TABLE auth_throttle ADD COLUMN notified_at timestamptz',
  ],
  down: ['ALTER TABLE auth_throttle DROP COLUMN notified_at', 'ALTER TABLE auth_throttle DROP COLUMN last_failure_at'],
};
