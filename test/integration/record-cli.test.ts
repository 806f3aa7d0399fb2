import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExport, buildRecordBundle } from '../../src/domains/participants/index.ts';
import { type CliWorkspace, cliWorkspace } from '../support/cli-workspace.ts';
import { held, record } from '../support/participant-record.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// `bridgework import record FILE --tenant <GSS>`, as an operator runs it: a record from another
// installation taken in once, a second run adding nothing, a bad file refused naming each problem.
let dir: string;
let workspace: CliWorkspace;
const cli = (...args: string[]) => workspace.cli(...args);

beforeAll(async () => {
  // The demo data as `bridgework seed` writes it, copied from the run's template (cli.test.ts tests `seed`).
  workspace = await cliWorkspace('recordcli', { seeded: true });
  ({ dir } = workspace);
}, 180_000);
afterAll(() => workspace.close());

// A record from another installation's council (not one seeded here).
const bundle = buildRecordBundle(
  buildExport(record({ sections: held }), new Date('2026-12-01T09:00:00Z')),
  { participantId: '0b000000-0000-7000-8000-000000000001' },
  {
    baseUrl: 'https://bridgework.elsewhere.example',
    tenantId: '0a000000-0000-7000-8000-000000000009',
    tenantName: 'Rutland County Council',
    gssCode: 'E06000017',
  },
);
const consent = ['--consent-given-on', '2026-12-01', '--consent-method', 'written'];

describe(`bridgework import record, on ${testDatabaseKind}`, () => {
  test('taken in once, a second run adds nothing, a bad file is refused with each problem named', async () => {
    const file = join(dir, 'record.json');
    writeFileSync(file, JSON.stringify(bundle));
    const first = await cli('import', 'record', file, '--tenant', 'W06000015', ...consent);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/^Took in Rhian Evans's record \([0-9a-f-]+\)\.$/);
    const again = await cli('import', 'record', file, '--tenant', 'W06000015', ...consent);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Already taken in/);

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...bundle, type: 'collection', timestamp: 'yesterday' }));
    const refused = await cli('import', 'record', broken, '--tenant', 'W06000015', ...consent);
    expect(refused.code).toBe(2);
    const answer = JSON.parse(refused.err) as { error: string; issues: { path: string; message: string }[] };
    expect(answer.error).toBe('invalid-input');
    expect(answer.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['records.error.invalidBundle', expect.stringMatching(/^document:/), expect.stringMatching(/^datatype:/)]),
    );
    expect(answer.issues.map((i) => i.path)).toContain('Bundle.timestamp');

    expect((await cli('import', 'record', file, ...consent)).code).toBe(2);
    const noConsent = await cli('import', 'record', file, '--tenant', 'W06000015');
    expect(noConsent.code).toBe(2);
    expect(noConsent.err).toContain('records.error.consentGivenOn');
    expect((await cli('import', 'record', file, '--tenant', 'W99999999', ...consent)).err).toContain('No local authority W99999999');
  });
});
