import { type Migration, tenantTable } from './migration.ts';

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * FHIR subscriptions to referral Task changes (ADR 0046): a partner system's subscription, and the
 * notifications waiting for (or already given to) its endpoint, numbered in the order they are sent.
 * A Task change adds its notification rows in the change's own transaction.
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE fhir_subscriptions (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       client_id uuid NOT NULL,
       -- The client's organisation when it subscribed: what it may see is decided by it, as for reads.
       organisation_id uuid,
       topic text NOT NULL,
       status text NOT NULL CONSTRAINT fhir_subscriptions_status_known CHECK (status = ANY (${list(['requested', 'active', 'error', 'off'])})),
       reason text NOT NULL DEFAULT '',
       endpoint text NOT NULL CONSTRAINT fhir_subscriptions_endpoint_url CHECK (endpoint ~ '^https?://[^[:space:]]+$' AND length(endpoint) <= 500),
       content text NOT NULL CONSTRAINT fhir_subscriptions_content_known CHECK (content = ANY (${list(['empty', 'id-only'])})),
       headers jsonb NOT NULL DEFAULT '[]',
       heartbeat_seconds integer CONSTRAINT fhir_subscriptions_heartbeat_positive CHECK (heartbeat_seconds IS NULL OR heartbeat_seconds > 0),
       timeout_seconds integer NOT NULL CONSTRAINT fhir_subscriptions_timeout_positive CHECK (timeout_seconds > 0),
       end_at timestamptz,
       events_since_start bigint NOT NULL DEFAULT 0,
       last_seq bigint NOT NULL DEFAULT 0,
       failures integer NOT NULL DEFAULT 0,
       last_error text,
       next_attempt_at timestamptz,
       sending_until timestamptz,
       last_sent_at timestamptz,
       version integer NOT NULL DEFAULT 1,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT fhir_subscriptions_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES oauth_clients (tenant_id, id) ON DELETE CASCADE
     )`,
    ...tenantTable('fhir_subscriptions'),
    "CREATE INDEX fhir_subscriptions_live ON fhir_subscriptions (tenant_id, client_id) WHERE status <> 'off'",
    `CREATE TABLE fhir_subscription_notifications (
       tenant_id uuid NOT NULL,
       subscription_id uuid NOT NULL,
       seq bigint NOT NULL,
       kind text NOT NULL CONSTRAINT fhir_subscription_notifications_kind_known CHECK (kind = ANY (${list(['handshake', 'heartbeat', 'event-notification'])})),
       -- For an event its number; for a handshake or heartbeat the events so far.
       events_count bigint NOT NULL,
       focus_id uuid,
       created_at timestamptz NOT NULL,
       sent_at timestamptz,
       PRIMARY KEY (tenant_id, subscription_id, seq),
       CONSTRAINT fhir_subscription_notifications_subscription_fk FOREIGN KEY (tenant_id, subscription_id) REFERENCES fhir_subscriptions (tenant_id, id) ON DELETE CASCADE
     )`,
    ...tenantTable('fhir_subscription_notifications'),
    'CREATE INDEX fhir_subscription_notifications_waiting ON fhir_subscription_notifications (tenant_id, subscription_id, seq) WHERE sent_at IS NULL',
  ],
  down: ['DROP TABLE fhir_subscription_notifications', 'DROP TABLE fhir_subscriptions'],
};
