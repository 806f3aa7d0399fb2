import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvRows, ImportRefused, importVacancies, nhsJobsRows, parseCsv } from '../../src/domains/employers/index.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Importing vacancies: a CSV in one transaction, all or nothing with every bad row reported, and the
// NHS Jobs feed shaped as NHS Jobs describes it.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const UHL = 'University Hospitals of Leicester NHS Trust';
const HEADER =
  'employer,title,description,soc,hours_min,hours_max,days,shifts,pattern_note,workplace,flexible_options,adjustments_offered,pay_hourly,contract_type,postcode,closing_date,status,external_ref';
const row = (n: number, change: Partial<Record<'title' | 'soc' | 'postcode' | 'employer', string>> = {}) =>
  `"${change.employer ?? UHL}","${change.title ?? `Imported ${n}`}","A job, with ""quotes""",${change.soc ?? '9229'},16,22.5,mon;tue,day,,on-site,phased-start,quiet-space,12.72,permanent,${change.postcode ?? 'LE1 5WW'},2027-03-31,open,csv-${n}`;
const count = async (like: string) =>
  Number(
    (await t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql<{ n: string }>`select count(*) as n from vacancies where title like ${like}`.execute(tx)))
      .rows[0]?.n,
  );

describe(`vacancy import on ${testDatabaseKind}`, () => {
  test('CSV quoting: commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n"f\ng",h\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['f\ng', 'h'],
    ]);
  });

  test('a good file is imported whole, with progress', async () => {
    const progress: number[] = [];
    const text = [HEADER, ...Array.from({ length: 1200 }, (_, i) => row(i))].join('\n');
    const result = await importVacancies({ db: t.testDb.db, clock: t.clock }, t.tenants.leicester, csvRows(text), 'csv', (done) => progress.push(done));
    expect(result.imported).toBe(1200);
    expect(progress).toEqual([1000, 1200]);
    expect(await count('Imported %')).toBe(1200);
  });

  test('one bad row refuses the whole file, and every bad row is reported by line', async () => {
    const text = [
      HEADER,
      row(1, { title: 'Batch two 1' }),
      row(2, { title: 'Batch two 2', soc: '12' }),
      row(3, { title: 'Batch two 3', employer: 'Nobody' }),
      row(4, { title: 'Batch two 4', postcode: 'ZE2 9XX' }),
    ].join('\n');
    const error = await importVacancies({ db: t.testDb.db, clock: t.clock }, t.tenants.leicester, csvRows(text), 'csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).rows.map((r) => [r.line, r.issues.map((i) => i.path)])).toEqual([
      [3, ['soc']],
      [4, ['employer']],
      [5, ['postcode']],
    ]);
    expect(await count('Batch two %')).toBe(0);
  });

  test('a header without a required column is refused before any row', () => {
    expect(() => csvRows('employer,title\nX,Y')).toThrow(ImportRefused);
  });

  test('the NHS Jobs feed: hours from the working pattern, hourly pay from the salary, the postcode from the address', async () => {
    const xml = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'nhs-jobs-feed.xml'), 'utf8');
    const rows = nhsJobsRows(xml, { employer: UHL, soc: '9229' });
    expect(rows.map((r) => r.input)).toMatchObject([
      {
        title: 'Domestic Assistant',
        hoursMin: 15,
        hoursMax: 30,
        payHourly: '12.31',
        contractType: 'permanent',
        postcode: 'LE1 5WW',
        closingDate: '2027-01-15',
        externalRef: '123-DOM-0425',
      },
      { title: 'Porter & Driver', hoursMin: 37.5, hoursMax: 37.5, payHourly: '12.45', contractType: 'fixed-term', postcode: 'LE3 9QP' },
    ]);
    expect(rows[0]?.input.description).toBe('Join our housekeeping team on the wards.');
    const result = await importVacancies({ db: t.testDb.db, clock: t.clock }, t.tenants.leicester, rows, 'nhs-jobs');
    expect(result.imported).toBe(2);
    // Imported twice, the same references clash: the file is refused, nothing doubles.
    await expect(importVacancies({ db: t.testDb.db, clock: t.clock }, t.tenants.leicester, rows, 'nhs-jobs')).rejects.toThrow();
    expect(await count('Porter & Driver')).toBe(1);
  });
});
