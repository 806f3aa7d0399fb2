import { parseArgs } from 'node:util';
import { ensureReferenceData, seedSyntheticPeople, seedSyntheticVacancies } from '../domains/employers/index.ts';
import { seedSyntheticHistory } from '../domains/outcomes/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { formatSignIns, listDemoSignIns, seedDemo } from '../seed.ts';
import { type CommandContext, progressReporter, withDatabase } from './cli-io.ts';
import { USAGE, UsageError } from './cli-usage.ts';

/**
 * `seed`: the demo local authorities and sign-ins; with `--synthetic`, synthetic vacancies and
 * people (`--vacancies`, `--people`) or a national-scale outcome history (`--participants`).
 */
export async function seed({ config, out, err }: CommandContext, args: string[]): Promise<number> {
  if (config.env === 'production') throw new UsageError('Refusing to seed demo data in production');
  if (args.includes('--synthetic') && (args.includes('--vacancies') || args.includes('--people'))) {
    const { values } = parseArgs({
      args,
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
    args,
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
  out(formatSignIns(await withDatabase(config, (db) => seedDemo(db, systemClock, config.passwordCost))));
  return 0;
}

/** `demo sign-ins`: the demo sign-ins again (outside production). */
export async function demo({ config, out }: CommandContext, sub: string | undefined): Promise<number> {
  if (sub !== 'sign-ins') throw new UsageError(USAGE);
  if (config.env === 'production') throw new UsageError('There are no demo sign-ins in production');
  const signIns = await withDatabase(config, (db) => listDemoSignIns(db));
  out(signIns.length > 0 ? formatSignIns(signIns) : 'There are no demo sign-ins: run bridgework seed on an empty database.');
  return 0;
}
