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
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes where they hold commas,
 * quotes or line breaks, a quote inside a quoted field written twice. CRLF or LF line ends.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
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

/** CSV text to rows, or the header's problem. */
export function csvRows(text: string): ImportRow[] {
  const [header, ...body] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new ImportRefused([{ line: 1, issues: missing.map((c) => ({ path: c, message: 'the header has no such column' })) }]);
  return body.map((cells, n) => {
    const get = (c: (typeof CSV_COLUMNS)[number]) => {
      const at = names.indexOf(c);
      return at < 0 ? undefined : (cells[at] ?? '').trim();
    };
    return {
      line: n + 2,
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
  });
}

const CHUNK = 1000;

/**
 * Imports vacancies into one tenant, all or nothing: every row is checked first (its fields, its
 * employer, its postcode's place, its closing date), and a single bad row refuses the whole file
 * with a report of every bad row. Good files are written in one transaction, a chunk at a time,
 * with one audit row and one index notification.
 */
export async function importVacancies(
  deps: { db: Database; clock: Clock },
  tenantId: string,
  rows: readonly ImportRow[],
  source: VacancySource,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ imported: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const today = now.toISOString().slice(0, 10);
  return db.inTenant(tenantId, async (tx) => {
    const employers = new Map((await listEmployers(tx)).map((e) => [e.name.toLowerCase(), e.id]));
    const parsed: { row: ImportRow; value: VacancyInput }[] = [];
    const errors: RowError[] = [];
    for (const row of rows) {
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
    if (errors.length > 0) throw new ImportRefused(errors.sort((a, b) => a.line - b.line));
    for (let i = 0; i < inserts.length; i += CHUNK) {
      await tables(tx)
        .insertInto('vacancies')
        .values(inserts.slice(i, i + CHUNK))
        .execute();
      onProgress(Math.min(i + CHUNK, inserts.length), inserts.length);
    }
    if (inserts.length > 0) await notifyVacancyChange(tx, tenantId, '*');
    await recordAudit(tx, tenantId, clock, {
      actor: { kind: 'system', id: `import-${source}` },
      action: 'vacancy.import',
      recordType: 'tenant',
      recordId: tenantId,
      reason: `${inserts.length} vacancies imported`,
      details: { source, count: inserts.length },
    });
    return { imported: inserts.length };
  });
}
