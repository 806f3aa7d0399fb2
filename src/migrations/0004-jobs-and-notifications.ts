import { type Migration, tenantTable } from './migration.ts';

export const migration: Migration = {
  up: [
    // The queue is shared plumbing, not tenant data: payloads carry ids, never personal data
    // (a message's text waits in the tenant's notifications_outbox), and one worker serves every
    // tenant. See docs/adr/0004-job-queue.md.
    `CREATE TABLE jobs (
       id uuid PRIMARY KEY,
       name text NOT NULL,
       tenant_id uuid REFERENCES tenants (id),
       payload jsonb NOT NULL,
       state text NOT NULL CONSTRAINT jobs_state_known CHECK (state IN ('pending', 'running', 'done', 'dead')),
       attempts integer NOT NULL DEFAULT 0,
       max_attempts integer NOT NULL CONSTRAINT jobs_max_attempts_positive CHECK (max_attempts > 0),
       backoff_seconds integer NOT NULL,
       run_at timestamptz NOT NULL,
       locked_until timestamptz,
       dedupe_key text,
       last_error text,
       created_at timestamptz NOT NULL,
       finished_at timestamptz,
       CONSTRAINT jobs_dedupe_key_unique UNIQUE (dedupe_key)
     )`,
    `CREATE INDEX jobs_due ON jobs (run_at) WHERE state IN ('pending', 'running')`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON jobs TO bridgework_app`,
    `CREATE TABLE job_schedules (
       name text PRIMARY KEY,
       job_name text NOT NULL,
       every_seconds integer NOT NULL CONSTRAINT job_schedules_every_positive CHECK (every_seconds > 0),
       next_run_at timestamptz NOT NULL
     )`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON job_schedules TO bridgework_app`,
    `CREATE TABLE notifications_outbox (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       channel text NOT NULL CONSTRAINT notifications_outbox_channel_known CHECK (channel IN ('email', 'sms')),
       recipient text NOT NULL,
       template text NOT NULL,
       subject text NOT NULL,
       body text NOT NULL,
       language text NOT NULL CONSTRAINT notifications_outbox_language_known CHECK (language IN ('en', 'cy')),
       state text NOT NULL CONSTRAINT notifications_outbox_state_known CHECK (state IN ('queued', 'sent', 'kept')),
       created_at timestamptz NOT NULL,
       delivered_at timestamptz,
       PRIMARY KEY (tenant_id, id)
     )`,
    ...tenantTable('notifications_outbox', 'SELECT, INSERT, UPDATE'),
  ],
  down: ['DROP TABLE notifications_outbox', 'DROP TABLE job_schedules', 'DROP TABLE jobs'],
};
