import type { ColumnType } from 'kysely';

/** Timestamps come back as Date and may be written as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json = ColumnType<unknown, string, string>;
/** A timestamp the database fills in by default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint columns: drivers return them as string (pg) or number/bigint (PGlite); read with Number(). */
export type BigIntColumn = ColumnType<string | number | bigint, number, number>;

export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';
export type Role = 'referrer' | 'specialist' | 'team-lead' | 'tenant-admin' | 'national-analyst' | 'ig-lead' | 'commissioner' | 'employer';
export type Language = 'en' | 'cy';
export type DeliveryReceiptStatus = 'delivered' | 'permanent-failure' | 'temporary-failure' | 'technical-failure';

/** Tables the platform itself owns. Domains add theirs with `tx.withTables<…>()`. */
export type PlatformTables = {
  tenants: {
    id: string;
    gss_code: string;
    name: string;
    name_cy: string;
    nation: Nation;
    created_at: CreatedAt;
  };
  tenant_settings: {
    tenant_id: string;
    require_mfa: boolean;
    first_contact_working_days: ColumnType<number, number | undefined, number>;
    contact_attempt_limit: ColumnType<number, number | undefined, number>;
    youth_first_contact_working_days: ColumnType<number, number | undefined, number>;
    directory_stale_days: ColumnType<number, number | undefined, number>;
    onward_response_days: ColumnType<number, number | undefined, number>;
    /** The authority's own pages the footer links to (ADR 0039); null: Bridgework's own. */
    privacy_notice_url: ColumnType<string | null, string | null | undefined, string | null>;
    accessibility_statement_url: ColumnType<string | null, string | null | undefined, string | null>;
    /** Whether staff may sign in with a local password as well as the tenant's identity providers (ADR 0044). */
    local_sign_in: ColumnType<boolean, boolean | undefined, boolean>;
    updated_at: CreatedAt;
  };
  principal_index: {
    lookup_hash: string;
    kind: 'email' | 'client' | 'oidc-provider';
    tenant_id: string;
  };
  users: {
    tenant_id: string;
    id: string;
    organisation_id: string;
    email: string;
    display_name: string;
    password_hash: string;
    roles: Role[];
    preferred_language: Language;
    totp_secret: string | null;
    totp_enabled_at: Timestamp | null;
    totp_last_step: ColumnType<string | number | bigint | null, number | null, number | null>;
    disabled_at: Timestamp | null;
    created_at: CreatedAt;
  };
  user_invitations: {
    tenant_id: string;
    token_hash: string;
    user_id: string;
    created_at: Timestamp;
    expires_at: Timestamp;
  };
  sessions: {
    tenant_id: string;
    id_hash: string;
    user_id: string;
    mfa_passed: boolean;
    created_at: Timestamp;
    last_seen_at: Timestamp;
    expires_at: Timestamp;
    /** The identity provider the session came from, and its session id (`sid`), for back-channel logout. */
    provider_id: ColumnType<string | null, string | null | undefined, string | null>;
    provider_sid: ColumnType<string | null, string | null | undefined, string | null>;
  };
  identity_providers: {
    tenant_id: string;
    id: string;
    kind: 'entra-id' | 'nhs-cis2';
    name: string;
    issuer: string;
    client_id: string;
    role_map: ColumnType<{ external: string; role: Role }[], string, string>;
    min_id_assurance: number | null;
    min_auth_assurance: number | null;
    enabled: boolean;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  oidc_login_states: {
    tenant_id: string;
    state_hash: string;
    provider_id: string;
    nonce: string;
    code_verifier: string;
    return_to: string;
    created_at: Timestamp;
    expires_at: Timestamp;
  };
  user_identities: {
    tenant_id: string;
    issuer: string;
    subject: string;
    provider_id: string;
    user_id: string;
    created_at: Timestamp;
    last_sign_in_at: Timestamp | null;
  };
  oidc_signing_keys: {
    kid: string;
    public_jwk: ColumnType<JsonWebKey, string, string>;
    private_jwk_sealed: string;
    created_at: Timestamp;
    signs_from: Timestamp;
    retired_at: Timestamp | null;
  };
  auth_throttle: {
    key_hash: string;
    /** When this burst of failures began. */
    window_start: Timestamp;
    failures: number;
    last_failure_at: Timestamp;
    /** When the account holder was told about this burst; null if not yet. */
    notified_at: Timestamp | null;
  };
  oauth_clients: {
    tenant_id: string;
    id: string;
    client_id: string;
    name: string;
    secret_hash: string;
    scopes: string[];
    created_at: CreatedAt;
    revoked_at: Timestamp | null;
    organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  };
  access_tokens: {
    tenant_id: string;
    token_hash: string;
    client_id: string;
    scopes: string[];
    expires_at: Timestamp;
  };
  audit_chain_heads: {
    tenant_id: string;
    seq: BigIntColumn;
    last_hash: string;
  };
  audit_checkpoints: {
    tenant_id: string;
    seq: BigIntColumn;
    hash: string;
    signed_at: Timestamp;
    key_id: string;
    signature: string;
  };
  audit_events: {
    tenant_id: string;
    /** Insertion order, across tenants; with txid it fixes a row's place in its chain. */
    pos: ColumnType<string, never, never>;
    /** The writing transaction's id (xid8, as text); set by the database. */
    txid: ColumnType<string, never, never>;
    /** Null until the sealer chains the row (as are prev_hash and hash). */
    seq: ColumnType<string | number | bigint | null, never, number>;
    occurred_at: Timestamp;
    actor_kind: string;
    actor_id: string;
    action: string;
    record_type: string;
    record_id: string | null;
    reason: string;
    details: Json;
    prev_hash: ColumnType<string | null, never, string>;
    hash: ColumnType<string | null, never, string>;
  };
  idempotency_keys: {
    tenant_id: string;
    principal: string;
    key: string;
    request_hash: string;
    state: 'running' | 'done';
    response_status: number | null;
    response_body: string | null;
    response_type: string | null;
    locked_until: Timestamp;
    created_at: Timestamp;
  };
  jobs: {
    id: string;
    name: string;
    tenant_id: string | null;
    payload: Json;
    state: 'pending' | 'running' | 'done' | 'dead';
    attempts: number;
    max_attempts: number;
    backoff_seconds: number;
    run_at: Timestamp;
    locked_until: Timestamp | null;
    dedupe_key: string | null;
    last_error: string | null;
    created_at: Timestamp;
    finished_at: Timestamp | null;
    /** 0: scheduled and maintenance jobs, claimed first; 1: everything else. */
    priority: ColumnType<number, number | undefined, number>;
  };
  job_schedules: {
    name: string;
    job_name: string;
    every_seconds: number;
    next_run_at: Timestamp;
  };
  notifications_outbox: {
    tenant_id: string;
    id: string;
    channel: 'email' | 'sms';
    recipient: string;
    template: string;
    subject: string;
    body: string;
    language: Language;
    /** `refused`: GOV.UK Notify would not take it (a bad address); it never left. */
    state: 'queued' | 'sent' | 'kept' | 'refused';
    created_at: Timestamp;
    delivered_at: Timestamp | null;
    /** GOV.UK Notify's delivery receipt, from its callback; null until one arrives (ADR 0045). */
    receipt: ColumnType<DeliveryReceiptStatus | null, DeliveryReceiptStatus | null | undefined, DeliveryReceiptStatus | null>;
    receipt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    /** What a message to a person was about (`referral`, `case`): where a permanent failure is shown. */
    about_kind: ColumnType<string | null, string | null | undefined, string | null>;
    about_id: ColumnType<string | null, string | null | undefined, string | null>;
  };
};
