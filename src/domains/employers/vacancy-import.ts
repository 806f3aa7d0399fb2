import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId } from '../../platform/db/index.ts';
import { DomainError, type Issue, issuesFromZod } from '../../platform/errors/index.ts';
import { placesOf } from '../../platform/places/index.ts';
import { listEmployers, notifyVacancyChange, tables, type VacancyInsert } from './employer-repo.ts';
import { type VacancyInput, vacancySchema } from './employer-schemas.ts';
import type { VacancySource } from './vacancy.ts';

/** One row's problems: its line in the file (the header is line 1) and each issue. */
export type RowError = { line: number; issues: Issue[] };

/** An import refused as a whole: nothing was written. */
export class ImportRefused extends DomainError {
  readonly code = 'invalid-input';
  readonly rows: RowError[];
  constructor(rows: RowError[]) {
    super(
      `${rows.length} row${rows.length === 1 ? '' : 's'} could not be imported; nothing was imported`,
      rows.flatMap((r) => r.issues.map((i) => ({ ...i, path: `line ${r.line}: ${i.path}` }))),
    );
    this.rows = rows;
  }
}

/**
 * RFC 4180 CSV read a piece at a time: fields separated by commas, quoted with double quotes where
 * they hold commas, quotes or line breaks, a quote inside a quoted field written twice. CRLF or LF
 * line ends. Each piece gives back the records it completed; a field, a doubled quote or a CRLF
 * split across pieces is carried over, so the pieces can be any size (a file streamed from disk).
 */
export function createCsvParser(): { push(piece: string): string[][]; end(): string[][] } {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  // A quote inside a quoted field, waiting to see whether the next character is a second quote.
  let quoteWaiting = false;
  // A CR ended the last record; an LF straight after it belongs to the same line end.
  let afterCr = false;
  let first = true;
  const endRecord = (out: string[][]) => {
    row.push(field);
    out.push(row);
    row = [];
    field = '';
  };
  return {
    push(piece: string): string[][] {
      const out: string[][] = [];
      let i = 0;
      if (first && piece.length > 0) {
        first = false;
        if (piece.charCodeAt(0) === 0xfeff) i = 1;
      }
      for (; i < piece.length; i++) {
        const c = piece[i];
        if (afterCr) {
          afterCr = false;
          if (c === '\n') continue;
        }
        if (quoteWaiting) {
          quoteWaiting = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false;
        }
        if (quoted) {
          if (c === '"') quoteWaiting = true;
          else field += c;
        } else if (c === '"' && field === '') quoted = true;
        else if (c === ',') {
          row.push(field);
          field = '';
        } else if (c === '\n' || c === '\r') {
          afterCr = c === '\r';
          endRecord(out);
        } else field += c;
      }
      return out.filter((r) => !(r.length === 1 && r[0] === ''));
    },
    end(): string[][] {
      const out: string[][] = [];
      if (field !== '' || row.length > 0) endRecord(out);
      return out.filter((r) => !(r.length === 1 && r[0] === ''));
    },
  };
}

/** A whole CSV text's records (see createCsvParser). */
export function parseCsv(text: string): string[][] {
  const parser = createCsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** The records of CSV text arriving in pieces, one at a time. */
export async function* csvRecords(pieces: AsyncIterable<string>): AsyncGenerator<string[]> {
  const parser = createCsvParser();
  for await (const piece of pieces) yield* parser.push(piece);
  yield* parser.end();
}

/** The CSV columns, in the order of the template (docs/domain/employers-and-matching.md). */
export const CSV_COLUMNS = [
  'employer',
  'title',
  'description',
  'soc',
  'hours_min',
  'hours_max',
  'days',
  'shifts',
  'pattern_note',
  'workplace',
  'flexible_options',
  'adjustments_offered',
  'pay_hourly',
  'contract_type',
  'postcode',
  'closing_date',
  'status',
  'external_ref',
] as const;
const REQUIRED = ['employer', 'title', 'soc', 'hours_min', 'hours_max', 'workplace', 'pay_hourly', 'contract_type', 'postcode', 'closing_date'] as const;
const list = (v: string | undefined) => (v ?? '').split(/[;|\s]+/).filter((s) => s !== '');

/** A vacancy to import: the employer it names and the fields as the form and API take them. */
export type ImportRow = { line: number; employer: string; input: Record<string, unknown> };

/** A header's column names, or the header's problem (a required column missing). */
function headerOf(header: readonly string[] | undefined): string[] {
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new ImportRefused([{ line: 1, issues: missing.map((c) => ({ path: c, message: 'the header has no such column' })) }]);
  return names;
}

/** One record under the header as the row to import. */
function importRow(names: readonly string[], cells: readonly string[], line: number): ImportRow {
  const get = (c: (typeof CSV_COLUMNS)[number]) => {
    const at = names.indexOf(c);
    return at < 0 ? undefined : (cells[at] ?? '').trim();
  };
  return {
    line,
    employer: get('employer') ?? '',
    input: {
      title: get('title'),
      description: get('description') ?? '',
      soc: get('soc'),
      hoursMin: get('hours_min'),
      hoursMax: get('hours_max'),
      days: list(get('days')),
      shifts: list(get('shifts')),
      patternNote: get('pattern_note') ?? '',
      workplace: get('workplace'),
      flexibleOptions: list(get('flexible_options')),
      adjustmentsOffered: list(get('adjustments_offered')),
      payHourly: get('pay_hourly'),
      contractType: get('contract_type'),
      postcode: get('postcode'),
      closingDate: get('closing_date'),
      status: get('status') || 'open',
      ...(get('external_ref') ? { externalRef: get('external_ref') } : {}),
    },
  };
}

/** CSV text to rows, or the header's problem. */
export function csvRows(text: string): ImportRow[] {
  const [header, ...body] = parseCsv(text);
  const names = headerOf(header);
  return body.map((cells, n) => importRow(names, cells, n + 2));
}

/**
 * CSV arriving in pieces (a file streamed from disk) to rows, one at a time: only the record being
 * read is held. The header's problem is thrown when the first row is asked for.
 */
export async function* csvRowsFrom(pieces: AsyncIterable<string>): AsyncGenerator<ImportRow> {
  let names: string[] | null = null;
  let line = 1;
  for await (const cells of csvRecords(pieces)) {
    if (names === null) {
      names = headerOf(cells);
      continue;
    }
    line++;
    yield importRow(names, cells, line);
  }
  if (names === null) headerOf(undefined);
}

const CHUNK = 1000;

/** Rows a chunk at a time, from a list or a stream. */
async function* chunksOf<T>(rows: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Imports vacancies into one tenant, all or nothing, in one transaction, a chunk of rows at a time
 * (from a list or a stream, so a large file is never held whole): each chunk is checked (its
 * fields, its employer, its postcode's place, its closing date) and written while no row so far has
 * failed. Once one fails, the rest are still checked, for a report of every bad row, and the whole
 * file is refused (the transaction rolls back). One audit row and one index notification.
 * `onProgress` hears the rows written so far and, for a list, how many there are.
 */
export async function importVacancies(
  deps: { db: Database; clock: Clock },
  tenantId: string,
  rows: Iterable<ImportRow> | AsyncIterable<ImportRow>,
  source: VacancySource,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ imported: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const today = now.toISOString().slice(0, 10);
  const total = Array.isArray(rows) ? rows.length : null;
  return db.inTenant(tenantId, async (tx) => {
    const employers = new Map((await listEmployers(tx)).map((e) => [e.name.toLowerCase(), e.id]));
    const errors: RowError[] = [];
    let imported = 0;
    for await (const chunk of chunksOf(rows, CHUNK)) {
      const parsed: { row: ImportRow; value: VacancyInput }[] = [];
      for (const row of chunk) {
        const result = vacancySchema.safeParse(row.input);
        const issues: Issue[] = result.success ? [] : issuesFromZod(result.error);
        if (!employers.has(row.employer.toLowerCase())) issues.push({ path: 'employer', message: `no employer called “${row.employer}” in this area` });
        if (result.success && result.data.closingDate < today) issues.push({ path: 'closing_date', message: 'the closing date has passed' });
        if (issues.length > 0) errors.push({ line: row.line, issues });
        else if (result.success) parsed.push({ row, value: result.data });
      }
      const places = await placesOf(
        tx,
        parsed.map((p) => p.value.postcode),
      );
      const inserts: VacancyInsert[] = [];
      for (const { row, value } of parsed) {
        const place = places.get(value.postcode);
        if (!place) {
          errors.push({ line: row.line, issues: [{ path: 'postcode', message: `no place known for ${value.postcode}: import the ONS Postcode Directory` }] });
          continue;
        }
        inserts.push({
          tenant_id: tenantId,
          id: newId(now),
          employer_id: employers.get(row.employer.toLowerCase()) as string,
          title: value.title,
          description: value.description,
          soc: value.soc,
          hours_min: value.hoursMin,
          hours_max: value.hoursMax,
          days: value.days,
          shifts: value.shifts,
          pattern_note: value.patternNote,
          workplace: value.workplace,
          flexible_options: value.flexibleOptions,
          adjustments_offered: value.adjustmentsOffered,
          pay_hourly: value.payHourly,
          contract_type: value.contractType,
          postcode: value.postcode,
          lat: place.lat,
          lon: place.lon,
          closing_date: value.closingDate,
          status: value.status,
          source,
          external_ref: value.externalRef ?? null,
          created_at: now,
          updated_at: now,
        });
      }
      // After the first bad row nothing more is written: the file will be refused whole.
      if (errors.length > 0 || inserts.length === 0) continue;
      await tables(tx).insertInto('vacancies').values(inserts).execute();
      imported += inserts.length;
      onProgress(imported, total ?? imported);
    }
    if (errors.length > 0) throw new ImportRefused(errors.sort((a, b) => a.line - b.line));
    if (imported > 0) await notifyVacancyChange(tx, tenantId, '*');
    await recordAudit(tx, tenantId, clock, {
      actor: { kind: 'system', id: `import-${source}` },
      action: 'vacancy.import',
      recordType: 'tenant',
      recordId: tenantId,
      reason: `${imported} vacancies imported`,
      details: { source, count: imported },
    });
    return { imported };
  });
}
