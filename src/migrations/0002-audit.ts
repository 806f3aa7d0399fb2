import { type Migration, tenantTable } from './migration.ts';

export const migration: Migration = {
  up: [
    `CREATE TABLE audit_chain_heads (
       tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
       seq bigint NOT NULL,
       last_hash text NOT NULL
     )`,
    ...tenantTable('audit_chain_heads', 'SELECT, INSERT, UPDATE'),
    `CREATE TABLE audit_events (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       seq bigint NOT NULL,
       occurred_at timestamptz NOT NULL,
       actor_kind text NOT NULL,
       actor_id text NOT NULL,
       action text NOT NULL,
       record_type text NOT NULL,
       record_id text,
       reason text NOT NULL,
       details jsonb NOT NULL,
       prev_hash text NOT NULL,
       hash text NOT NULL,
       PRIMARY KEY (tenant_id, seq)
     )`,
    // Append-only: the app role may add and read, never change or remove.
    ...tenantTable('audit_events', 'SELECT, INSERT'),
    `CREATE INDEX audit_events_record ON audit_events (tenant_id, record_type, record_id)`,
  ],
  down: ['DROP TABLE audit_events', 'DROP TABLE audit_chain_heads'],
};
