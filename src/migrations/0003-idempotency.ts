import { type Migration, tenantTable } from './migration.ts';

export const migration: Migration = {
  up: [
    `CREATE TABLE idempotency_keys (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       principal text NOT NULL,
       key text NOT NULL,
       request_hash text NOT NULL,
       state text NOT NULL CONSTRAINT idempotency_keys_state_known CHECK (state IN ('running', 'done')),
       response_status integer,
       response_body text,
       response_type text,
       locked_until timestamptz NOT NULL,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, principal, key)
     )`,
    ...tenantTable('idempotency_keys'),
    `CREATE INDEX idempotency_keys_created ON idempotency_keys (tenant_id, created_at)`,
  ],
  down: ['DROP TABLE idempotency_keys'],
};
