import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from './config.ts';
import { assessAccessToWork } from './domains/access-to-work/index.ts';
import { calculateUniversalCredit } from './domains/benefits/index.ts';
import { createDirectoryService } from './domains/directory/index.ts';
import {
  calculateMatches,
  csvRowsFrom,
  ensureReferenceData,
  ImportRefused,
  importVacancies,
  nhsJobsRows,
  seedSyntheticPeople,
  seedSyntheticVacancies,
  socUnitGroups,
  upsertSocGroups,
} from './domains/employers/index.ts';
import { importInactivity, seedSyntheticHistory } from './domains/outcomes/index.ts';
import { databaseTarget, startServer } from './main.ts';
import { migrations } from './migrations/index.ts';
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
} from './platform/audit/index.ts';
import { createClientService, createOidcKeys, PUBLISH_LEAD_SECONDS } from './platform/auth/index.ts';
import { systemClock } from './platform/clock/index.ts';
import { type Database, DataDirLockedError, migrateDown, migrateToLatest, openDatabase } from './platform/db/index.ts';
import { DomainError, InvalidInput } from './platform/errors/index.ts';
import { londonIsoDate } from './platform/i18n/index.ts';
import { type JobState, listJobs, retryDeadJob } from './platform/jobs/index.ts';
import { onspdPoints, upsertPostcodePoints } from './platform/places/index.ts';
import { formatSignIns, listDemoSignIns, seedDemo } from './seed.ts';
import { createServices } from './services.ts';

const USAGE = `Usage: bridgework <command>

  serve [--seed-if-empty]        run the service (npm start does this, seeding an empty database)
  migrate [--down]               bring the schema up to date (or undo the last migration)
  seed                           add the demo local authorities and sign-ins to an empty database
  demo sign-ins                  print the demo sign-ins again (npm start prints them once it is ready)
  seed --synthetic --participants <N> [--parallel <1-3>]
                                 add a deterministic national-scale outcome history for measuring:
                                 N participants' facts (about 10 each), counts and national roll-ups
                                 over three years in synthetic areas (about 10,000 participants each,
                                 up to 300); a progress bar; PostgreSQL loads 2 batches at once unless told
  clients create --tenant <GSS> --name <name> --scopes "<scope> <scope>" [--organisation <name>]
                                 create an OAuth client; prints {"clientId","clientSecret"}
  audit verify [--checkpoints <file>] [--public-key <file>]
                                 seal what is sealable, then check every tenant's audit hash chain
                                 against its signed checkpoints (stored, and those in the file);
                                 non-zero exit on a break or on rows unsealed for over a minute
  audit seal                     seal now and sign a checkpoint of every moved chain head
  audit checkpoints              every stored checkpoint, as JSON lines (keep them elsewhere)
  audit public-key               the public key that verifies checkpoints (PEM)
  jobs list [--state <pending|running|done|dead>]
                                 the most recent jobs, as JSON lines
  jobs retry <job id>            put a dead job back in the queue
  oidc-keys list                 the keys staff sign-in signs with, as JSON lines (ADR 0044)
  oidc-keys rotate [--now]       publish a new key; it signs after 10 minutes, or at once with --now
  oidc-keys retire <kid>         stop publishing a key that no longer signs
  calc universal-credit [--pretty]
                                 read one JSON household on stdin, print the Universal Credit
                                 result as one line of JSON (indented with --pretty); needs no
                                 database or configuration. Bad input: a JSON error on stderr, exit 2
                                 e.g. bridgework calc universal-credit < household.json
  import directory <file> --tenant <GSS>
                                 import a whole service directory (an HSDS 3.0 package, JSON) into
                                 the council's directory: all of it in one transaction or none
                                 (bad input: exit 2 naming what is wrong); a progress bar on stderr
  import inactivity <file> [--source <text>]
                                 import the Annual Population Survey's economic inactivity estimates
                                 by area from a Nomis CSV (period, value, numerator, denominator,
                                 confidence interval): all rows or none, each bad row named by its
                                 line (exit 2); a progress bar on stderr
  export directory --tenant <GSS> [<file>]
                                 write the council's whole directory as the same HSDS package
                                 (standard output without a file); importing it gives the same directory
  import vacancies FILE --tenant <GSS> [--format csv|nhs-jobs] [--employer <name>] [--soc <code>]
                                 import vacancies, all or nothing: a progress bar, then every bad row
                                 by line (exit 1, nothing written); nhs-jobs reads the NHS Jobs XML
                                 feed for one employer (--employer, --soc for the whole file)
  import record FILE --tenant <GSS> --consent-given-on <YYYY-MM-DD> --consent-method <verbal|written|online>
                                 take in a person's record from another area (a FHIR document Bundle
                                 Bridgework exported), with the date and way they agreed to it moving;
                                 the same file twice is kept once; a bad file is refused whole (exit 2)
  import soc FILE                the ONS SOC 2020 unit groups (CSV) into the shared SOC table
  import postcodes FILE          the ONS Postcode Directory (CSV): postcodes and district centroids
  seed --synthetic [--vacancies N] [--people N] [--tenant <GSS>]
                                 N deterministic synthetic open vacancies, and N synthetic people
                                 (open cases) with work profiles (bench and load testing)
  calc match [--pretty]          read {"person","vacancies"} on stdin, print the matches (best first,
                                 with reasons and near-miss advice) and the vacancies excluded by a
                                 hard limit, as JSON; no database. Bad input: exit 2
  calc access-to-work [--pretty] read {"date","person","needs"} on stdin, print eligibility with its
                                 reasons, the yearly estimate (employer share, the cap) and the
                                 parameters used, as JSON; no database. Bad input: exit 2
`;

class UsageError extends Error {}

const JOB_STATES: readonly JobState[] = ['pending', 'running', 'done', 'dead'];

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseTarget(config), { lock: 'cli' });
  try {
    await migrateToLatest(db.owner, migrations);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Reads all of standard input as text; nothing when it is a terminal rather than a pipe or file. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The pure calculations `calc` runs: what their input is called, its example file, and the function. */
const CALCULATIONS: Readonly<Record<string, { what: string; file: string; run: (json: unknown) => unknown }>> = {
  'universal-credit': { what: 'household', file: 'household', run: calculateUniversalCredit },
  match: { what: 'match input', file: 'match', run: (json) => calculateMatches(json, londonIsoDate(systemClock.now())) },
  'access-to-work': { what: 'assessment', file: 'assessment', run: assessAccessToWork },
};

/** `calc <calculation>`: pure calculations over JSON on stdin. No configuration, no database. */
async function calc(sub: string | undefined, args: readonly string[], out: (s: string) => void, input: () => Promise<string>): Promise<number> {
  const calculation = sub !== undefined && Object.hasOwn(CALCULATIONS, sub) ? CALCULATIONS[sub] : undefined;
  if (!calculation) throw new UsageError(USAGE);
  const { values } = parseArgs({ args: [...args], options: { pretty: { type: 'boolean' } } });
  const { what } = calculation;
  const text = await input();
  if (text.trim() === '') {
    throw new InvalidInput(
      [
        {
          path: '',
          message: `No ${what} was given: pipe one JSON ${what} into standard input, e.g. bridgework calc ${sub} < ${calculation.file}.json`,
        },
      ],
      'No input on standard input.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInput(
      [
        {
          path: '',
          message: `The input is not valid JSON (${error instanceof Error ? error.message : String(error)}): give one JSON object for the ${what}.`,
        },
      ],
      'The input is not valid JSON.',
    );
  }
  const result = calculation.run(json);
  out(values.pretty ? JSON.stringify(result, null, 2) : JSON.stringify(result));
  return 0;
}

/** `import <vacancies|soc|postcodes> FILE`: data into a tenant or the shared reference tables. */
async function importCommand(
  config: Config,
  sub: string | undefined,
  args: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      format: { type: 'string' },
      employer: { type: 'string' },
      soc: { type: 'string' },
      'consent-given-on': { type: 'string' },
      'consent-method': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError(USAGE);
  // Read whole only where the format needs it: a vacancies CSV is streamed (100,000 rows held whole took about 1 GB).
  const readText = () =>
    readFile(file, 'utf8').catch((e: Error) => {
      throw new UsageError(`${file}: ${e.message}`);
    });
  const size = await stat(file).then(
    (s) => s.size,
    (e: Error) => {
      throw new UsageError(`${file}: ${e.message}`);
    },
  );
  switch (sub) {
    case 'vacancies': {
      if (!values.tenant) throw new UsageError('Give the local authority: --tenant <GSS code>');
      const format = values.format ?? 'csv';
      if (format !== 'csv' && format !== 'nhs-jobs') throw new UsageError('--format is csv or nhs-jobs');
      if (format === 'nhs-jobs' && (!values.employer || !values.soc)) throw new UsageError('The NHS Jobs feed needs --employer <name> and --soc <code>');
      try {
        const stream = format === 'csv' ? createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 }) : null;
        const rows = stream ? csvRowsFrom(stream) : nhsJobsRows(await readText(), { employer: values.employer ?? '', soc: values.soc ?? '' });
        // A stream's progress is the share of the file read; a list's, the rows written.
        const report = progressReporter(err, stream ? 'bytes' : 'vacancies');
        const progress = stream ? () => report(Math.min(stream.bytesRead, size), size) : report;
        const result = await withDatabase(config, async (db) => {
          await ensureReferenceData(db.owner);
          const tenant = await db.global((tx) =>
            tx
              .selectFrom('tenants')
              .select('id')
              .where('gss_code', '=', values.tenant ?? '')
              .executeTakeFirst(),
          );
          if (!tenant) throw new UsageError(`No local authority ${values.tenant}`);
          return importVacancies({ db, clock: systemClock }, tenant.id, rows, format === 'csv' ? 'csv' : 'nhs-jobs', progress);
        });
        out(`Imported ${result.imported} vacancies.`);
        return 0;
      } catch (error) {
        if (!(error instanceof ImportRefused)) throw error;
        for (const row of error.rows) for (const issue of row.issues) err(`line ${row.line}: ${issue.path}: ${issue.message}`);
        err(error.message);
        return 1;
      }
    }
    case 'record': {
      // A person's record from another area (a FHIR document Bundle), with their consent to the move.
      if (!values.tenant) throw new UsageError('Give the local authority taking the record in: --tenant <GSS code>');
      const done = await withDatabase(config, async (db) => {
        const tenant = await db.global((tx) =>
          tx
            .selectFrom('tenants')
            .select('id')
            .where('gss_code', '=', values.tenant ?? '')
            .executeTakeFirst(),
        );
        if (!tenant) throw new UsageError(`No local authority ${values.tenant}`);
        const { records } = createServices({ config, db, clock: systemClock });
        return records.importRecord({ kind: 'system', tenantId: tenant.id, name: 'command line' }, await readText(), {
          consentGivenOn: values['consent-given-on'],
          consentMethod: values['consent-method'],
        });
      });
      out(done.duplicate ? `Already taken in (${done.id}): ${done.personName}'s record; nothing added.` : `Took in ${done.personName}'s record (${done.id}).`);
      return 0;
    }
    case 'soc': {
      const groups = socUnitGroups(await readText());
      await withDatabase(config, async (db) => {
        await ensureReferenceData(db.owner);
        await upsertSocGroups(db.owner, groups, true);
      });
      out(`Imported ${groups.length} SOC 2020 groups.`);
      return 0;
    }
    case 'postcodes': {
      const rows = onspdPoints(await readText());
      await withDatabase(config, (db) => upsertPostcodePoints(db.owner, rows));
      out(`Imported ${rows.filter((r) => r.kind === 'postcode').length} postcodes and ${rows.filter((r) => r.kind === 'district').length} district centroids.`);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}

/** `audit <verify|seal|checkpoints|public-key>`: the audit chains, their sealing and checkpoints. */
async function audit(config: Config, sub: string | undefined, args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
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

/** A progress bar on one line of standard error, redrawn in place. */
export function progressBar(done: number, total: number, width = 30, unit = 'services'): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total} ${unit}`;
}

/** Progress on standard error: redrawn in place on a terminal, a line each tenth of the way in a log. */
function progressReporter(err: (s: string) => void, unit: string): (done: number, total: number) => void {
  let lastTenth = -1;
  return (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${progressBar(done, total, 30, unit)}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth !== lastTenth) err(progressBar(done, total, 30, unit));
    lastTenth = tenth;
  };
}

/** `import inactivity <file> [--source <text>]`: the Annual Population Survey's estimates from a Nomis CSV. */
async function inactivityFile(config: Config, args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { source: { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('Give the file to import: bridgework import inactivity <file> [--source <text>]');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return withDatabase(config, async (db) => {
    const result = await importInactivity(db, systemClock, text, { source: values.source, progress: progressReporter(err, 'rows') });
    out(`Imported ${result.estimates} estimates for ${result.areas} areas (${result.periods.join(', ')}).`);
    return 0;
  });
}

/** `import directory <file>` and `export directory [<file>]`, for one council (`--tenant <GSS>`). */
async function directoryFile(
  config: Config,
  command: 'import' | 'export',
  sub: string | undefined,
  args: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (sub !== 'directory') throw new UsageError(USAGE);
  const { values, positionals } = parseArgs({ args: [...args], options: { tenant: { type: 'string' } }, allowPositionals: true });
  if (!values.tenant) throw new UsageError('Give the council with --tenant <GSS code>, e.g. --tenant E06000016');
  const file = positionals[0];
  if (command === 'import' && !file) throw new UsageError('Give the file to import: bridgework import directory <file> --tenant <GSS>');
  let json: unknown;
  if (command === 'import' && file) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InvalidInput(
        [{ path: '', message: `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})` }],
        'The file is not valid JSON.',
      );
    }
  }
  return withDatabase(config, async (db) => {
    const directory = createDirectoryService({ db, clock: systemClock });
    const council = await directory.council(values.tenant ?? '');
    if (command === 'export') {
      const text = JSON.stringify(await directory.exportPackage(council.id), null, 2);
      if (file) {
        await writeFile(file, `${text}\n`);
        out(`Exported the ${council.name} directory to ${file}.`);
      } else out(text);
      return 0;
    }
    // On a terminal the bar is redrawn in place; in a log, a line each tenth of the way.
    let lastTenth = -1;
    const progress = (done: number, total: number) => {
      if (process.stderr.isTTY) {
        process.stderr.write(`\r${progressBar(done, total)}${done === total ? '\n' : ''}`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) err(progressBar(done, total));
      lastTenth = tenth;
    };
    const counts = await directory.importPackage(council.id, { kind: 'system', id: 'cli' }, json, progress);
    out(
      `Imported into the ${council.name} directory: ${counts.organisations} organisations, ${counts.locations} locations, ${counts.terms} taxonomy terms, ${counts.services} services.`,
    );
    return 0;
  });
}

/**
 * Runs one command; returns the exit code. 0 success, 1 failure, 2 bad usage or input. `input`
 * reads standard input (commands that take a document there); tests pass their own.
 */
export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (s: string) => void,
  err: (s: string) => void,
  input: () => Promise<string> = readStdin,
): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    // Calculations need no configuration: they work with none, or with a deployment's.
    if (command === 'calc') return await calc(sub, rest, out, input);
    const config = loadConfig(env);
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({ args: argv.slice(1), options: { 'seed-if-empty': { type: 'boolean' } } });
        const server = await startServer(config, { seedIfEmpty: values['seed-if-empty'] ?? false });
        const stop = () => {
          server.stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        return await new Promise<number>(() => {});
      }
      case 'migrate': {
        const { values } = parseArgs({ args: argv.slice(1), options: { down: { type: 'boolean' } } });
        const db = await openDatabase(databaseTarget(config), { lock: 'cli' });
        try {
          const report = values.down ? await migrateDown(db.owner, migrations) : await migrateToLatest(db.owner, migrations);
          out(report.applied.length > 0 ? `${values.down ? 'Undone' : 'Applied'}: ${report.applied.join(', ')}` : 'The schema is up to date.');
        } finally {
          await db.close();
        }
        return 0;
      }
      case 'seed': {
        if (config.env === 'production') throw new UsageError('Refusing to seed demo data in production');
        if (argv.includes('--synthetic') && (argv.includes('--vacancies') || argv.includes('--people'))) {
          const { values } = parseArgs({
            args: argv.slice(1),
            options: { synthetic: { type: 'boolean' }, vacancies: { type: 'string' }, people: { type: 'string' }, tenant: { type: 'string' } },
          });
          const count = Number(values.vacancies ?? 0);
          const people = Number(values.people ?? 0);
          if (!Number.isInteger(count) || count < 0) throw new UsageError('--vacancies takes a whole number');
          if (!Number.isInteger(people) || people < 0 || people > 10_000_000) throw new UsageError('--people takes a whole number up to 10000000');
          const tenant = values.tenant ?? 'E06000016';
          const made = await withDatabase(config, async (db) => {
            await ensureReferenceData(db.owner);
            const vacancies = count > 0 ? await seedSyntheticVacancies(db, systemClock, tenant, count, progressReporter(err, 'vacancies')) : 0;
            const profiles = people > 0 ? await seedSyntheticPeople(db, tenant, people, progressReporter(err, 'people')) : 0;
            return { vacancies, profiles };
          });
          out(`Made ${made.vacancies} synthetic vacancies and ${made.profiles} synthetic people with work profiles.`);
          return 0;
        }
        const { values } = parseArgs({
          args: argv.slice(1),
          options: { synthetic: { type: 'boolean' }, participants: { type: 'string' }, parallel: { type: 'string' } },
        });
        if (values.synthetic) {
          const n = Number(values.participants ?? '');
          if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new UsageError('Give --participants <1 to 10000000> with --synthetic');
          const parallel = values.parallel === undefined ? undefined : Number(values.parallel);
          if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1 || parallel > 3)) throw new UsageError('Give --parallel <1 to 3>');
          const started = Date.now();
          const made = await withDatabase(config, (db) => seedSyntheticHistory(db, n, { parallel, progress: progressReporter(err, 'participants') }));
          out(`Made ${made.facts} outcome facts for ${n} participants in ${made.areas} synthetic areas in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
          return 0;
        }
        out(formatSignIns(await withDatabase(config, (db) => seedDemo(db, systemClock))));
        return 0;
      }
      case 'demo': {
        if (sub !== 'sign-ins') throw new UsageError(USAGE);
        if (config.env === 'production') throw new UsageError('There are no demo sign-ins in production');
        const signIns = await withDatabase(config, (db) => listDemoSignIns(db));
        out(signIns.length > 0 ? formatSignIns(signIns) : 'There are no demo sign-ins: run bridgework seed on an empty database.');
        return 0;
      }
      case 'clients': {
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
      case 'audit':
        return await audit(config, sub, rest, out, err);
      case 'import':
      case 'export':
        if (command === 'import' && (sub === 'vacancies' || sub === 'soc' || sub === 'postcodes' || sub === 'record'))
          return await importCommand(config, sub, rest, out, err);
        if (command === 'import' && sub === 'inactivity') return await inactivityFile(config, rest, out, err);
        return await directoryFile(config, command, sub, rest, out, err);
      case 'oidc-keys': {
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
      case 'jobs': {
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
      default:
        throw new UsageError(USAGE);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 2;
    }
    if (error instanceof DomainError) {
      err(JSON.stringify({ error: error.code, message: error.message, issues: error.issues }));
      return 2;
    }
    if (error instanceof DataDirLockedError || (error instanceof Error && error.message.startsWith('Configuration is not valid'))) {
      err(error.message);
      return 1;
    }
    if (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Anything else: say what went wrong, without a stack trace, and fail.
    err(`bridgework ${command ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.main) {
  const code = await runCli(
    process.argv.slice(2),
    process.env,
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
  process.exitCode = code;
}
