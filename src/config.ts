import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { PasswordCost } from './platform/auth/index.ts';
import { appLoginUrl } from './platform/db/index.ts';

/** An address, a range (`10.0.0.0/8`), or one of proxy-addr's names for private ranges. */
const isProxyAddress = (value: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address = '', bits, ...rest] = value.split('/');
  return rest.length === 0 && isIP(address) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
};

/** Every setting Bridgework reads from the environment, parsed once. See docs/runbooks/configuration.md. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BRIDGEWORK_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  DATABASE_APP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_APP_URL must start with postgres://')
    .optional(),
  DATABASE_APP_PASSWORD: z.string().min(1).optional(),
  AUDIT_SIGNING_KEY_PATH: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(200),
  /** The app's PostgreSQL connection pool; unset: sized for the machine (docs/runbooks/operations.md). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).optional(),
  BRIDGEWORK_SECRET: z.string().min(32, 'BRIDGEWORK_SECRET must be at least 32 characters').optional(),
  BRIDGEWORK_BASE_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  /** How long a verified session or token is trusted before the database is asked again; 0: every request. */
  AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  ACCESS_TOKEN_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** The terminal's log level; unset: `warn` in development (the terminal stays readable), `info` elsewhere. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** A file that gets every log line at `info` and above, as JSON; unset: <data dir>/logs/bridgework.log in development, none elsewhere. */
  LOG_FILE: z.string().min(1).optional(),
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  JOBS_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  // Behind a load balancer: the addresses or ranges of the proxies in front, comma-separated.
  TRUST_PROXY: z
    .string()
    .refine((v) => v.split(',').every((p) => isProxyAddress(p.trim())), 'TRUST_PROXY is a comma-separated list of proxy addresses or ranges')
    .optional(),
  NOTIFY_API_KEY: z.string().min(1).optional(),
  NOTIFY_EMAIL_TEMPLATE_ID: z.uuid().optional(),
  NOTIFY_SMS_TEMPLATE_ID: z.uuid().optional(),
  /** GOV.UK Notify's API address; unset: the client's default (Notify's production API). Tests point it at a local stub. */
  NOTIFY_BASE_URL: z.url().optional(),
  /** The bearer token GOV.UK Notify sends with delivery receipts (set on Notify's API integration page); unset: no callback. */
  NOTIFY_CALLBACK_TOKEN: z.string().min(32, 'NOTIFY_CALLBACK_TOKEN must be at least 32 characters').optional(),
  /** The bearer token Prometheus sends to /metrics; unset: no /metrics. */
  METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional(),
  /** OpenTelemetry: traces are sent (OTLP over HTTP) only when an endpoint is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('bridgework'),
  /** What a new password hash costs: `standard` (argon2id, OWASP's baseline); `test-only` for test runs, refused in production (ADR 0069). */
  PASSWORD_HASH_COST: z.enum(['standard', 'test-only']).default('standard'),
});

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; appUrl: string | undefined; poolSize: number | undefined };
  /** Audit sealing and signed checkpoints (ADR 0008). `generateKey`: development makes the key if absent. */
  audit: { signingKeyPath: string; generateKey: boolean; checkpointDir: string | undefined; checkpointMinutes: number; sealIntervalMs: number };
  secret: string;
  baseUrl: string;
  session: { idleMinutes: number; absoluteHours: number };
  accessTokenSeconds: number;
  authCacheSeconds: number;
  /** What the terminal (standard output) gets. */
  logLevel: LogLevel;
  /** Where JSON logs at `info` and above also go, if anywhere. */
  logFile: string | undefined;
  jobsPollMs: number;
  /** Jobs a node runs at once, jobs claimed per statement, and a claim's lease (docs/runbooks/operations.md). */
  jobs: { concurrency: number; batchSize: number; leaseSeconds: number };
  /** Which proxies' X-Forwarded-For to believe: the sign-in throttle keys on the caller's real address. */
  trustProxy: string | undefined;
  notify: { kind: 'outbox' } | { kind: 'govuk-notify'; apiKey: string; baseUrl: string | undefined; emailTemplateId: string; smsTemplateId: string };
  /** The bearer token on GOV.UK Notify's delivery receipts; unset, the callback is not mounted. */
  notifyCallbackToken: string | undefined;
  /** The bearer token for /metrics; unset, /metrics is not mounted. */
  metricsToken: string | undefined;
  /** OpenTelemetry traces (ADR 0045): off unless an OTLP endpoint is set. */
  tracing: { kind: 'off' } | { kind: 'otlp'; endpoint: string; serviceName: string };
  /** What new password hashes cost; `test-only` never in production (ADR 0069). */
  passwordCost: PasswordCost;
};

// Development only: a fixed secret keeps sessions valid across restarts of the demo.
const DEVELOPMENT_SECRET = 'bridgework-development-secret-not-for-production-use';

/**
 * Parses the environment into a typed config. Throws with every problem listed, so a misconfigured
 * deployment stops at start rather than half-working.
 *
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configuration is not valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.BRIDGEWORK_SECRET) problems.push('BRIDGEWORK_SECRET is required in production');
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) problems.push('DATABASE_URL is required in production');
  if (e.NODE_ENV === 'production' && !e.AUDIT_SIGNING_KEY_PATH)
    problems.push('AUDIT_SIGNING_KEY_PATH is required in production (an Ed25519 private key kept outside the database)');
  if (e.NODE_ENV === 'production' && e.PASSWORD_HASH_COST !== 'standard') problems.push('PASSWORD_HASH_COST=test-only is for test runs, never production');
  if (e.NOTIFY_API_KEY && (!e.NOTIFY_EMAIL_TEMPLATE_ID || !e.NOTIFY_SMS_TEMPLATE_ID)) {
    problems.push('NOTIFY_EMAIL_TEMPLATE_ID and NOTIFY_SMS_TEMPLATE_ID are required with NOTIFY_API_KEY');
  }
  if (problems.length > 0) throw new Error(`Configuration is not valid:\n  ${problems.join('\n  ')}`);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          appUrl: e.DATABASE_APP_URL ?? (e.DATABASE_APP_PASSWORD ? appLoginUrl(e.DATABASE_URL, e.DATABASE_APP_PASSWORD) : undefined),
          poolSize: e.DATABASE_POOL_SIZE,
        }
      : { kind: 'pglite', dataDir: e.BRIDGEWORK_DATA_DIR },
    audit: {
      signingKeyPath: e.AUDIT_SIGNING_KEY_PATH ?? join(e.BRIDGEWORK_DATA_DIR, 'audit-signing-key.pem'),
      generateKey: e.NODE_ENV !== 'production',
      checkpointDir: e.AUDIT_CHECKPOINT_DIR,
      checkpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
      sealIntervalMs: e.AUDIT_SEAL_INTERVAL_MS,
    },
    secret: e.BRIDGEWORK_SECRET ?? DEVELOPMENT_SECRET,
    baseUrl: e.BRIDGEWORK_BASE_URL ?? `http://localhost:${e.PORT}`,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    accessTokenSeconds: e.ACCESS_TOKEN_SECONDS,
    authCacheSeconds: e.AUTH_CACHE_SECONDS,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'development' ? 'warn' : 'info'),
    logFile: e.LOG_FILE ?? (e.NODE_ENV === 'development' ? join(e.BRIDGEWORK_DATA_DIR, 'logs', 'bridgework.log') : undefined),
    jobsPollMs: e.JOBS_POLL_MS,
    jobs: { concurrency: e.JOBS_CONCURRENCY ?? defaultJobConcurrency(), batchSize: e.JOBS_BATCH_SIZE, leaseSeconds: e.JOBS_LEASE_SECONDS },
    trustProxy: e.TRUST_PROXY,
    notify:
      e.NOTIFY_API_KEY && e.NOTIFY_EMAIL_TEMPLATE_ID && e.NOTIFY_SMS_TEMPLATE_ID
        ? {
            kind: 'govuk-notify',
            apiKey: e.NOTIFY_API_KEY,
            baseUrl: e.NOTIFY_BASE_URL,
            emailTemplateId: e.NOTIFY_EMAIL_TEMPLATE_ID,
            smsTemplateId: e.NOTIFY_SMS_TEMPLATE_ID,
          }
        : { kind: 'outbox' },
    notifyCallbackToken: e.NOTIFY_CALLBACK_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT ? { kind: 'otlp', endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME } : { kind: 'off' },
    passwordCost: e.PASSWORD_HASH_COST,
  };
}

/**
 * Jobs in flight per node unless JOBS_CONCURRENCY says otherwise: two per core, at most 16. Jobs
 * mostly wait on the database or on GOV.UK Notify, so a core keeps a couple busy (a burst of
 * notifications runs as batches, several jobs to a slot); more would take pool connections that
 * requests need too: on 2 cores, 4 of the app pool's 10.
 */
export function defaultJobConcurrency(cores = availableParallelism()): number {
  return Math.min(16, 2 * cores);
}
