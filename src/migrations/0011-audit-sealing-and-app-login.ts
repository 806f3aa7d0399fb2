import type { Migration } from './migration.ts';

/**
 * Audit rows are written with the change but chained later by one sealer (ADR 0008), and the app
 * logs in as its own role rather than borrowing the owner's session (ADR 0007).
 *
 * Roles are cluster-wide and many databases (parallel test runs) migrate at once on one server:
 * every role change checks first and, if it loses a race, accepts the winner's identical result.
 */
export const migration: Migration = {
  up: [
    // The app logs in as itself: its session user is then no superuser, so SET SESSION AUTHORIZATION
    // and SET ROLE cannot take it out of row-level security.
    `DO $$ BEGIN
       IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'bridgework_app') THEN
         ALTER ROLE bridgework_app LOGIN;
       END IF;
     EXCEPTION WHEN OTHERS THEN
       IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'bridgework_app') THEN RAISE; END IF;
     END $$`,
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO bridgework_app', current_database()); END $$`,
    // The sealer: no login; the owner's connection takes it for the sealing transaction only.
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bridgework_sealer') THEN
         CREATE ROLE bridgework_sealer NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
       END IF;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
     END $$`,
    `DO $$ BEGIN
       IF NOT pg_has_role(current_user, 'bridgework_sealer', 'MEMBER') THEN
         EXECUTE format('GRANT bridgework_sealer TO %I', current_user);
       END IF;
     EXCEPTION WHEN OTHERS THEN
       IF NOT pg_has_role(current_user, 'bridgework_sealer', 'MEMBER') THEN RAISE; END IF;
     END $$`,
    `GRANT USAGE ON SCHEMA public TO bridgework_sealer`,
    `GRANT SELECT ON tenants TO bridgework_sealer`,

    // Unsealed rows carry no sequence or hash yet; their transaction id and insertion order fix
    // their place in the chain once the transaction is over.
    `ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey`,
    `ALTER TABLE audit_events ADD COLUMN pos bigint GENERATED ALWAYS AS IDENTITY`,
    `ALTER TABLE audit_events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    `ALTER TABLE audit_events ADD PRIMARY KEY (tenant_id, pos)`,
    `ALTER TABLE audit_events ALTER COLUMN seq DROP NOT NULL`,
    `ALTER TABLE audit_events ALTER COLUMN prev_hash DROP NOT NULL`,
    `ALTER TABLE audit_events ALTER COLUMN hash DROP NOT NULL`,
    `ALTER TABLE audit_events ADD CONSTRAINT audit_events_seq_unique UNIQUE (tenant_id, seq)`,
    `ALTER TABLE audit_events ADD CONSTRAINT audit_events_sealed_whole CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL))`,
    // The sealer's only search: small, since rows leave it within moments (autovacuum keeps it so).
    `CREATE INDEX audit_events_unsealed ON audit_events (txid, pos) INCLUDE (tenant_id) WHERE seq IS NULL`,
    // The app names only what happened; it cannot choose a place in the chain, a hash or a txid.
    `REVOKE INSERT ON audit_events FROM bridgework_app`,
    `GRANT INSERT (tenant_id, occurred_at, actor_kind, actor_id, action, record_type, record_id, reason, details) ON audit_events TO bridgework_app`,
    `GRANT SELECT, UPDATE (seq, prev_hash, hash) ON audit_events TO bridgework_sealer`,
    `CREATE POLICY audit_events_sealer ON audit_events TO bridgework_sealer USING (true) WITH CHECK (true)`,
    // The sealer fills in unsealed rows only: a sealed row is never rewritten, not even by it.
    `CREATE POLICY audit_events_sealer_unsealed_only ON audit_events AS RESTRICTIVE FOR UPDATE TO bridgework_sealer USING (seq IS NULL) WITH CHECK (true)`,

    // Only the sealer moves a chain head; the app reads it (verification).
    `REVOKE INSERT, UPDATE, DELETE ON audit_chain_heads FROM bridgework_app`,
    `GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO bridgework_sealer`,
    `CREATE POLICY audit_chain_heads_sealer ON audit_chain_heads TO bridgework_sealer USING (true) WITH CHECK (true)`,

    // Signed statements of a chain head, made with a key the database never sees.
    `CREATE TABLE audit_checkpoints (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       seq bigint NOT NULL,
       hash text NOT NULL,
       signed_at timestamptz NOT NULL,
       key_id text NOT NULL,
       signature text NOT NULL,
       PRIMARY KEY (tenant_id, seq)
     )`,
    `ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE audit_checkpoints FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY audit_checkpoints_tenant_isolation ON audit_checkpoints USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    `GRANT SELECT ON audit_checkpoints TO bridgework_app`,
    `GRANT SELECT, INSERT ON audit_checkpoints TO bridgework_sealer`,
    `CREATE POLICY audit_checkpoints_sealer ON audit_checkpoints TO bridgework_sealer USING (true) WITH CHECK (true)`,
  ],
  down: [
    `DROP TABLE audit_checkpoints`,
    `DROP POLICY audit_chain_heads_sealer ON audit_chain_heads`,
    `REVOKE ALL ON audit_chain_heads FROM bridgework_sealer`,
    `GRANT INSERT, UPDATE ON audit_chain_heads TO bridgework_app`,
    `DROP POLICY audit_events_sealer_unsealed_only ON audit_events`,
    `DROP POLICY audit_events_sealer ON audit_events`,
    `REVOKE ALL ON audit_events FROM bridgework_sealer`,
    `GRANT INSERT ON audit_events TO bridgework_app`,
    `DROP INDEX audit_events_unsealed`,
    `ALTER TABLE audit_events DROP CONSTRAINT audit_events_sealed_whole`,
    `ALTER TABLE audit_events DROP CONSTRAINT audit_events_seq_unique`,
    // Rows still unsealed have no place in the old shape.
    `DELETE FROM audit_events WHERE seq IS NULL`,
    `ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey`,
    `ALTER TABLE audit_events DROP COLUMN txid`,
    `ALTER TABLE audit_events DROP COLUMN pos`,
    `ALTER TABLE audit_events ALTER COLUMN seq SET NOT NULL`,
    `ALTER TABLE audit_events ALTER COLUMN prev_hash SET NOT NULL`,
    `ALTER TABLE audit_events ALTER COLUMN hash SET NOT NULL`,
    `ALTER TABLE audit_events ADD PRIMARY KEY (tenant_id, seq)`,
    `REVOKE ALL ON tenants FROM bridgework_sealer`,
    `REVOKE ALL ON SCHEMA public FROM bridgework_sealer`,
    `DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM bridgework_app', current_database()); END $$`,
    // The roles stay: other databases on the server may use them.
  ],
};
