import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type Checkpoint,
  ensureSigningKey,
  listCheckpoints,
  loadSigningKey,
  loadVerifyingKey,
  parseCheckpoints,
  sealAuditChains,
  verifyAuditChains,
  writeCheckpoints,
} from '../platform/audit/index.ts';
import { createClientService, createOidcKeys, PUBLISH_LEAD_SECONDS } from '../platform/auth/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { type JobState, listJobs, retryDeadJob } from '../platform/jobs/index.ts';
import { type CommandContext, withDatabase } from './cli-io.ts';
import { USAGE, UsageError } from './cli-usage.ts';

const JOB_STATES: readonly JobState[] = ['pending', 'running', 'done', 'dead'];

/** The operator's commands: `clients`, `audit`, `oidc-keys` and `jobs`. */
export async function operate(
  ctx: CommandContext,
  command: 'clients' | 'audit' | 'oidc-keys' | 'jobs',
  sub: string | undefined,
  rest: string[],
): Promise<number> {
  switch (command) {
    case 'clients':
      return await clients(ctx, sub, rest);
    case 'audit':
      return await audit(ctx, sub, rest);
    case 'oidc-keys':
      return await oidcKeys(ctx, sub, rest);
    case 'jobs':
      return await jobs(ctx, sub, rest);
  }
}

/** `clients create`: an OAuth client for a partner system. */
async function clients({ config, out }: CommandContext, sub: string | undefined, rest: string[]): Promise<number> {
  if (sub !== 'create') throw new UsageError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: { tenant: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, organisation: { type: 'string' } },
  });
  const created = await withDatabase(config, (db) =>
    createClientService({ db, clock: systemClock, accessTokenSeconds: config.accessTokenSeconds }).createClient({
      gssCode: values.tenant ?? '',
      name: values.name ?? '',
      scopes: values.scopes ?? '',
      organisation: values.organisation,
    }),
  );
  out(JSON.stringify(created));
  return 0;
}

/** `audit <verify|seal|checkpoints|public-key>`: the audit chains, their sealing and checkpoints. */
async function audit({ config, out, err }: CommandContext, sub: string | undefined, args: readonly string[]): Promise<number> {
  const signingKey = () => (config.audit.generateKey ? ensureSigningKey(config.audit.signingKeyPath) : loadSigningKey(config.audit.signingKeyPath));
  switch (sub) {
    case 'verify': {
      const { values } = parseArgs({ args: [...args], options: { checkpoints: { type: 'string' }, 'public-key': { type: 'string' } } });
      let checkpoints: Checkpoint[] = [];
      if (values.checkpoints) {
        try {
          checkpoints = parseCheckpoints(await readFile(values.checkpoints, 'utf8'));
        } catch (error) {
          throw new UsageError(`${values.checkpoints}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // The auditor may hold only the public key; the deployment verifies with its own.
      const publicKey = values['public-key'] ? await loadVerifyingKey(values['public-key']) : (await signingKey()).publicKey;
      const report = await withDatabase(config, async (db) => {
        await sealAuditChains(db);
        return verifyAuditChains(db, { now: systemClock.now(), checkpoints, publicKey });
      });
      if (report.firstBreak) {
        const b = report.firstBreak;
        err(`Audit chain broken: tenant ${b.gssCode} (${b.tenantId}), row ${b.seq}: ${b.problem}`);
        return 1;
      }
      if (report.overdue > 0) {
        err(`Audit rows not sealed: ${report.overdue} written over a minute ago are still unsealed (a transaction left open, or no sealer running).`);
        return 1;
      }
      out(
        `Audit chains intact: ${report.events} rows across ${report.tenants} tenants, ${report.checkpoints} signed checkpoints matched, ${report.unsealed} rows awaiting sealing.`,
      );
      return 0;
    }
    case 'seal': {
      const key = await signingKey();
      const { sealed, made } = await withDatabase(config, async (db) => ({
        sealed: (await sealAuditChains(db)).sealed,
        made: (await writeCheckpoints(db, systemClock, key, config.audit.checkpointDir)).length,
      }));
      out(`Sealed ${sealed} audit rows; signed ${made} checkpoints.`);
      return 0;
    }
    case 'checkpoints':
      for (const c of await withDatabase(config, listCheckpoints)) out(JSON.stringify(c));
      return 0;
    case 'public-key':
      out((await signingKey()).publicKey.export({ type: 'spki', format: 'pem' }).toString().trimEnd());
      return 0;
    default:
      throw new UsageError(USAGE);
  }
}

/** `oidc-keys <list|rotate|retire>`: the keys staff sign-in signs with (ADR 0044). */
async function oidcKeys({ config, out }: CommandContext, sub: string | undefined, rest: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: rest, options: { now: { type: 'boolean' } }, allowPositionals: true });
  const withKeys = <T>(fn: (keys: ReturnType<typeof createOidcKeys>) => Promise<T>) =>
    withDatabase(config, (db) => fn(createOidcKeys({ db, clock: systemClock, secret: config.secret })));
  if (sub === 'list') {
    for (const key of await withKeys((keys) => keys.list())) out(JSON.stringify(key));
    return 0;
  }
  if (sub === 'rotate') {
    const kid = await withKeys((keys) => keys.rotate({ immediately: values.now ?? false }));
    out(values.now ? `Key ${kid} is published and signs from now.` : `Key ${kid} is published and signs in ${PUBLISH_LEAD_SECONDS / 60} minutes.`);
    return 0;
  }
  if (sub === 'retire' && positionals[0]) {
    const kid = positionals[0];
    await withKeys((keys) => keys.retire(kid));
    out(`Key ${kid} is no longer published.`);
    return 0;
  }
  throw new UsageError(USAGE);
}

/** `jobs <list|retry>`: the queue, as an operator sees it. */
async function jobs({ config, out, err }: CommandContext, sub: string | undefined, rest: string[]): Promise<number> {
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, options: { state: { type: 'string' } } });
    const state = values.state;
    if (state !== undefined && !JOB_STATES.includes(state as JobState)) throw new UsageError(`--state must be one of ${JOB_STATES.join(', ')}`);
    const jobs = await withDatabase(config, (db) => listJobs(db, state === undefined ? {} : { state: state as JobState }));
    for (const job of jobs) out(JSON.stringify(job));
    return 0;
  }
  if (sub === 'retry' && rest[0]) {
    const id = rest[0];
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new UsageError('Give the id of a dead job (a UUID).');
    const retried = await withDatabase(config, (db) => retryDeadJob(db, systemClock, id));
    if (!retried) {
      err(`No dead job ${id}.`);
      return 1;
    }
    out(`Job ${id} is back in the queue.`);
    return 0;
  }
  throw new UsageError(USAGE);
}
