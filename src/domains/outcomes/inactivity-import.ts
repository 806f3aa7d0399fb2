import { sql } from 'kysely';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { InvalidInput, type Issue } from '../../platform/errors/index.ts';
import { parseCsv } from '../../platform/http/csv.ts';

/**
 * The Annual Population Survey's economic inactivity estimates as Nomis downloads them (dataset
 * NM_17_5, one observation per row: DATE_NAME, GEOGRAPHY_NAME, GEOGRAPHY_CODE, VARIABLE_NAME,
 * MEASURES_NAME, OBS_VALUE, OBS_STATUS). Two variables are read, found by name: "% who are
 * economically inactive - aged 16-64" (numerator: inactive people, denominator: people aged 16 to 64)
 * and "% of economically inactive long-term sick" (numerator: long-term sick, denominator: inactive).
 * An optional SOURCE column (a Bridgework addition) names a row's source when a file mixes them.
 */
export type Estimate = {
  gssCode: string;
  areaName: string;
  period: string;
  measure: 'inactive-rate' | 'long-term-sick-share';
  percent: number | null;
  confidence: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
  source: string;
};

const REQUIRED = ['DATE_NAME', 'GEOGRAPHY_NAME', 'GEOGRAPHY_CODE', 'VARIABLE_NAME', 'MEASURES_NAME', 'OBS_VALUE'] as const;
const MEASURES: Readonly<Record<string, 'percent' | 'numerator' | 'denominator' | 'confidence'>> = {
  variable: 'percent',
  numerator: 'numerator',
  denominator: 'denominator',
  confidence: 'confidence',
};
/** Nomis and LG Inform markers for an estimate not available (disclosive, too small, or other) [S]. */
const UNAVAILABLE = new Set(['!', '*', '-', '#', ':', '~']);
const GSS = /^[EWSNK][0-9]{8}$/;
/** The shipped fixture: national figures the policy cites (ONS) and the demo areas. */
export const INACTIVITY_FIXTURE = new URL('./fixtures/nomis-aps-inactivity.csv', import.meta.url);
export const DEFAULT_SOURCE = 'ONS Annual Population Survey, via Nomis (NM_17_5)';
const IMPORT_CHUNK = 1_000;

function measureOf(variable: string): Estimate['measure'] | null {
  const v = variable.toLowerCase().replace(/\s+/g, ' ');
  if (v.includes('economically inactive') && v.includes('long-term sick')) return 'long-term-sick-share';
  if (v.includes('economically inactive') && v.includes('16-64')) return 'inactive-rate';
  return null;
}

/**
 * Reads a whole file into estimates, or every problem with its line: nothing is half-read.
 * Pure; table-tested in inactivity-import.test.ts.
 */
export function parseNomisCsv(text: string, source = DEFAULT_SOURCE): { estimates: Estimate[]; issues: Issue[]; rows: number } {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    return { estimates: [], issues: [{ path: 'file', message: error instanceof Error ? error.message : String(error) }], rows: 0 };
  }
  const [header, ...rows] = records;
  if (!header) return { estimates: [], issues: [{ path: 'file', message: 'the file is empty' }], rows: 0 };
  const column = new Map(header.fields.map((name, i) => [name.trim().toUpperCase(), i]));
  const missing = REQUIRED.filter((c) => !column.has(c));
  if (missing.length)
    return { estimates: [], issues: [{ path: 'line 1', message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` }], rows: 0 };
  const at = (fields: string[], name: string) => (fields[column.get(name) ?? -1] ?? '').trim();
  const issues: Issue[] = [];
  const byKey = new Map<string, Estimate>();
  const seen = new Set<string>();
  for (const { line, fields } of rows) {
    const path = `line ${line}`;
    const code = at(fields, 'GEOGRAPHY_CODE');
    const period = at(fields, 'DATE_NAME');
    const measure = measureOf(at(fields, 'VARIABLE_NAME'));
    const part = MEASURES[at(fields, 'MEASURES_NAME').toLowerCase()];
    const rawValue = at(fields, 'OBS_VALUE');
    const status = at(fields, 'OBS_STATUS');
    if (fields.length < header.fields.length) {
      issues.push({ path, message: `${fields.length} fields where the header has ${header.fields.length}` });
      continue;
    }
    if (!GSS.test(code)) {
      issues.push({ path, message: `"${code}" is not a GSS area code` });
      continue;
    }
    if (!period) {
      issues.push({ path, message: 'no period (DATE_NAME)' });
      continue;
    }
    if (!measure) {
      issues.push({ path, message: `variable "${at(fields, 'VARIABLE_NAME')}" is not one this import reads` });
      continue;
    }
    if (!part) {
      issues.push({ path, message: `measure "${at(fields, 'MEASURES_NAME')}" is not Variable, Numerator, Denominator or Confidence` });
      continue;
    }
    let value: number | null = null;
    if (rawValue === '' || UNAVAILABLE.has(rawValue) || UNAVAILABLE.has(status)) value = null;
    else if (/^-?[0-9]+(\.[0-9]+)?$/.test(rawValue.replace(/,/g, ''))) value = Number(rawValue.replace(/,/g, ''));
    else {
      issues.push({ path, message: `"${rawValue}" is not a number` });
      continue;
    }
    if (value !== null && (value < 0 || (part === 'percent' && value > 100))) {
      issues.push({ path, message: `${value} is out of range for ${part === 'percent' ? 'a percentage' : 'a count'}` });
      continue;
    }
    const key = `${code}|${period}|${measure}`;
    if (seen.has(`${key}|${part}`)) {
      issues.push({ path, message: `a second ${at(fields, 'MEASURES_NAME')} for ${code}, ${period}` });
      continue;
    }
    seen.add(`${key}|${part}`);
    const e = byKey.get(key) ?? {
      gssCode: code,
      areaName: at(fields, 'GEOGRAPHY_NAME'),
      period,
      measure,
      percent: null,
      confidence: null,
      numerator: null,
      denominator: null,
      status: '',
      source: at(fields, 'SOURCE') || source,
    };
    e[part] = value;
    if (status && !e.status.includes(status)) e.status += status;
    byKey.set(key, e);
  }
  if (rows.length === 0 && issues.length === 0) issues.push({ path: 'file', message: 'the file has a header and no rows' });
  return { estimates: [...byKey.values()], issues, rows: rows.length };
}

/**
 * Imports a Nomis file: every row parsed first, then all estimates written in one transaction, or
 * nothing when any row is bad (the error lists every bad row). Re-importing a period replaces it.
 */
export async function importInactivity(
  db: Database,
  clock: Clock,
  text: string,
  options: { source?: string; progress?: (done: number, total: number) => void } = {},
): Promise<{ estimates: number; areas: number; periods: string[] }> {
  const { estimates, issues, rows } = parseNomisCsv(text, options.source);
  if (issues.length) throw new InvalidInput(issues, `The file has ${issues.length} bad row${issues.length > 1 ? 's' : ''}; nothing was imported.`);
  const now = clock.now();
  await db.owner.transaction().execute(async (tx) => {
    // A thousand estimates a statement (as one JSON parameter): a national file of twenty years is
    // 16,000 estimates, which one statement each made a four-minute import on a loaded machine.
    for (let i = 0; i < estimates.length; i += IMPORT_CHUNK) {
      const chunk = estimates.slice(i, i + IMPORT_CHUNK).map((e) => ({
        gss_code: e.gssCode,
        area_name: e.areaName,
        period: e.period,
        measure: e.measure,
        percent: e.percent,
        confidence: e.confidence,
        numerator: e.numerator,
        denominator: e.denominator,
        status: e.status,
        source: e.source,
      }));
      await sql`
        INSERT INTO inactivity_estimates (gss_code, area_name, period, measure, percent, confidence, numerator, denominator, status, source, imported_at)
        SELECT gss_code, area_name, period, measure, percent, confidence, numerator, denominator, status, source, ${now}::timestamptz
          FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
            AS x(gss_code text, area_name text, period text, measure text, percent numeric, confidence numeric, numerator bigint, denominator bigint, status text, source text)
        ON CONFLICT (gss_code, period, measure) DO UPDATE SET area_name = excluded.area_name, percent = excluded.percent, confidence = excluded.confidence,
          numerator = excluded.numerator, denominator = excluded.denominator, status = excluded.status, source = excluded.source, imported_at = excluded.imported_at`.execute(
        tx,
      );
      options.progress?.(Math.round((Math.min(estimates.length, i + IMPORT_CHUNK) / estimates.length) * rows), rows);
    }
  });
  return {
    estimates: estimates.length,
    areas: new Set(estimates.map((e) => e.gssCode)).size,
    periods: [...new Set(estimates.map((e) => e.period))].sort(),
  };
}
