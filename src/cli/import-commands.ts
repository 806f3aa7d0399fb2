import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createDirectoryService } from '../domains/directory/index.ts';
import { csvRowsFrom, ensureReferenceData, ImportRefused, importVacancies, nhsJobsRows, socUnitGroups, upsertSocGroups } from '../domains/employers/index.ts';
import { importInactivity } from '../domains/outcomes/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { InvalidInput } from '../platform/errors/index.ts';
import { onspdPoints, upsertPostcodePoints } from '../platform/places/index.ts';
import { createServices } from '../services.ts';
import { type CommandContext, progressReporter, readTextFile, tenantIdFor, withDatabase } from './cli-io.ts';
import { USAGE, UsageError } from './cli-usage.ts';

/** `import <…> FILE` and `export directory`: data into (or out of) a tenant or the shared reference tables. */
export async function importOrExport(ctx: CommandContext, command: 'import' | 'export', sub: string | undefined, args: readonly string[]): Promise<number> {
  if (command === 'import' && (sub === 'vacancies' || sub === 'soc' || sub === 'postcodes' || sub === 'record')) return await importFile(ctx, sub, args);
  if (command === 'import' && sub === 'inactivity') return await inactivityFile(ctx, args);
  return await directoryFile(ctx, command, sub, args);
}

/** `import <vacancies|record|soc|postcodes> FILE`. */
async function importFile({ config, out, err }: CommandContext, sub: 'vacancies' | 'record' | 'soc' | 'postcodes', args: readonly string[]): Promise<number> {
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
  const size = await stat(file).then(
    (s) => s.size,
    (e: Error) => {
      throw new UsageError(`${file}: ${e.message}`);
    },
  );
  switch (sub) {
    case 'vacancies': {
      if (!values.tenant) throw new UsageError('Give the local authority: --tenant <GSS code>');
      const gssCode = values.tenant;
      const format = values.format ?? 'csv';
      if (format !== 'csv' && format !== 'nhs-jobs') throw new UsageError('--format is csv or nhs-jobs');
      if (format === 'nhs-jobs' && (!values.employer || !values.soc)) throw new UsageError('The NHS Jobs feed needs --employer <name> and --soc <code>');
      try {
        const stream = format === 'csv' ? createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 }) : null;
        const rows = stream ? csvRowsFrom(stream) : nhsJobsRows(await readTextFile(file), { employer: values.employer ?? '', soc: values.soc ?? '' });
        // A stream's progress is the share of the file read; a list's, the rows written.
        const report = progressReporter(err, stream ? 'bytes' : 'vacancies');
        const progress = stream ? () => report(Math.min(stream.bytesRead, size), size) : report;
        const result = await withDatabase(config, async (db) => {
          await ensureReferenceData(db.owner);
          const tenantId = await tenantIdFor(db, gssCode);
          return importVacancies({ db, clock: systemClock }, tenantId, rows, format, progress);
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
      const gssCode = values.tenant;
      const done = await withDatabase(config, async (db) => {
        const tenantId = await tenantIdFor(db, gssCode);
        const { records } = createServices({ config, db, clock: systemClock });
        return records.importRecord({ kind: 'system', tenantId, name: 'command line' }, await readTextFile(file), {
          consentGivenOn: values['consent-given-on'],
          consentMethod: values['consent-method'],
        });
      });
      out(done.duplicate ? `Already taken in (${done.id}): ${done.personName}'s record; nothing added.` : `Took in ${done.personName}'s record (${done.id}).`);
      return 0;
    }
    case 'soc': {
      const groups = socUnitGroups(await readTextFile(file));
      await withDatabase(config, async (db) => {
        await ensureReferenceData(db.owner);
        await upsertSocGroups(db.owner, groups, true);
      });
      out(`Imported ${groups.length} SOC 2020 groups.`);
      return 0;
    }
    case 'postcodes': {
      const rows = onspdPoints(await readTextFile(file));
      await withDatabase(config, (db) => upsertPostcodePoints(db.owner, rows));
      out(`Imported ${rows.filter((r) => r.kind === 'postcode').length} postcodes and ${rows.filter((r) => r.kind === 'district').length} district centroids.`);
      return 0;
    }
  }
}

/** `import inactivity <file> [--source <text>]`: the Annual Population Survey's estimates from a Nomis CSV. */
async function inactivityFile({ config, out, err }: CommandContext, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { source: { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('Give the file to import: bridgework import inactivity <file> [--source <text>]');
  const text = await readTextFile(file);
  return withDatabase(config, async (db) => {
    const result = await importInactivity(db, systemClock, text, { source: values.source, progress: progressReporter(err, 'rows') });
    out(`Imported ${result.estimates} estimates for ${result.areas} areas (${result.periods.join(', ')}).`);
    return 0;
  });
}

/** `import directory <file>` and `export directory [<file>]`, for one council (`--tenant <GSS>`). */
async function directoryFile(
  { config, out, err }: CommandContext,
  command: 'import' | 'export',
  sub: string | undefined,
  args: readonly string[],
): Promise<number> {
  if (sub !== 'directory') throw new UsageError(USAGE);
  const { values, positionals } = parseArgs({ args: [...args], options: { tenant: { type: 'string' } }, allowPositionals: true });
  if (!values.tenant) throw new UsageError('Give the council with --tenant <GSS code>, e.g. --tenant E06000016');
  const file = positionals[0];
  if (command === 'import' && !file) throw new UsageError('Give the file to import: bridgework import directory <file> --tenant <GSS>');
  let json: unknown;
  if (command === 'import' && file) {
    const text = await readTextFile(file);
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
    const counts = await directory.importPackage(council.id, { kind: 'system', id: 'cli' }, json, progressReporter(err, 'services'));
    out(
      `Imported into the ${council.name} directory: ${counts.organisations} organisations, ${counts.locations} locations, ${counts.terms} taxonomy terms, ${counts.services} services.`,
    );
    return 0;
  });
}
