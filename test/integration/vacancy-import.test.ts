import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csvRecords, csvRows, csvRowsFrom, ImportRefused, importVacancies, nhsJobsRows, parseCsv } from '../../src/domains/employers/index.ts';
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

/** Text arriving in the given pieces, as a file stream gives it. */
async function* pieces(parts: readonly string[]): AsyncGenerator<string> {
  yield* parts;
}

describe(`vacancy import on ${testDatabaseKind}`, () => {
  test('CSV quoting: commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n"f\ng",h\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['f\ng', 'h'],
    ]);
  });

  test('CSV read in pieces gives the same records however the text is cut (quotes, doubled quotes, CRLF split across pieces)', async () => {
    const text = '\ufeffa,"b, c","d ""e"""\r\n"f\r\ng",h\r\n,\r\nlast,"q"""';
    const whole = parseCsv(text);
    expect(whole).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['f\r\ng', 'h'],
      ['', ''],
      ['last', 'q"'],
    ]);
    for (let cut = 0; cut <= text.length; cut++) {
      for (const size of [1, 2, 3]) {
        const parts = [text.slice(0, cut)];
        for (let i = cut; i < text.length; i += size) parts.push(text.slice(i, i + size));
        const rows: string[][] = [];
        for await (const r of csvRecords(pieces(parts))) rows.push(r);
        expect(rows, `cut at ${cut}, then pieces of ${size}`).toEqual(whole);
      }
    }
  });

  test('a streamed file: rows are read one at a time, line numbers as in the file, the header checked first', async () => {
    const text = [HEADER, row(1, { title: 'Streamed 1' }), row(2, { title: 'Streamed, 2' })].join('\r\n');
    const sevens: string[] = [];
    for (let i = 0; i < text.length; i += 7) sevens.push(text.slice(i, i + 7));
    const rows = [];
    for await (const r of csvRowsFrom(pieces(sevens))) rows.push(r);
    expect(rows.map((r) => [r.line, r.input.title])).toEqual([
      [2, 'Streamed 1'],
      [3, 'Streamed, 2'],
    ]);
    expect(rows).toEqual(csvRows(text));
    const drain = async (parts: string[]) => {
      for await (const _ of csvRowsFrom(pieces(parts))) void _;
    };
    await expect(drain(['employer,title\nX,Y\n'])).rejects.toBeInstanceOf(ImportRefused);
    await expect(drain([])).rejects.toBeInstanceOf(ImportRefused);
  });

  test('a streamed import is all or nothing too: a bad row after a thousand good ones writes nothing', async () => {
    const lines = [HEADER, ...Array.from({ length: 1500 }, (_, i) => row(10_000 + i, { title: `Stream batch ${i}` }))];
    lines[1400] = row(11_399, { title: 'Stream batch bad', soc: '1' });
    const chunked = (text: string) => {
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += 4096) parts.push(text.slice(i, i + 4096));
      return pieces(parts);
    };
    const error = await importVacancies({ db: t.testDb.db, clock: t.clock }, t.tenants.leicester, csvRowsFrom(chunked(lines.join('\n'))), 'csv').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as ImportRefused).rows.map((r) => r.line)).toEqual([1401]);
    expect(await count('Stream batch %')).toBe(0);
    // The same file without the bad row goes in whole.
    lines[1400] = row(11_399, { title: 'Stream batch 1399' });
    const result = await importVacancies({ db: t.testDb.db, clock: t.clock }, t.tenants.leicester, csvRowsFrom(chunked(lines.join('\n'))), 'csv');
    expect(result.imported).toBe(1500);
    expect(await count('Stream batch %')).toBe(1500);
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
