import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';

// The Access to Work assessment as the API and the command line give it: the same answer to the
// same input, 422 / exit 2 on bad input.
const URL = '/api/v1/access-to-work/assessments';
const EXAMPLE = {
  date: '2026-01-15',
  person: {
    age: 34,
    nation: 'wales',
    conditionExpectedMonths: 24,
    work: { status: 'employed', hoursPerWeek: 30, claimsUniversalCredit: true, employerSize: 120, weeksInJob: 10 },
  },
  needs: [{ category: 'equipment', cost: 1800 }, { category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 }, { category: 'mental-health-support' }],
};
let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  token = await bearerToken(t, 'E06000016', 'calculations:read');
}, 120_000);
afterAll(() => t.close());

const post = (payload: unknown, auth: string | null = token) =>
  t.app.inject({
    method: 'POST',
    url: URL,
    headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

async function cli(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['calc', 'access-to-work'],
    {},
    (s) => out.push(s),
    (s) => err.push(s),
    async () => stdin,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('POST /api/v1/access-to-work/assessments and bridgework calc access-to-work', () => {
  test('the example: eligible, £1,800 + 5 × £18 × 52 = £6,480 a year, the employer of 120 pays £500 + 20% × £1,300 = £760', async () => {
    const res = await post(EXAMPLE);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { eligible: boolean; estimate: Record<string, unknown>; reasons: { code: string }[]; parameters: { name: string }[] };
    expect(body.eligible).toBe(true);
    expect(body.estimate).toMatchObject({ annualTotal: 6480, employerContribution: 760, accessToWorkContribution: 6480 - 760, capApplied: false });
    expect(body.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['uc.hours-met', 'share.medium', 'cap.within']));
    expect(body.parameters.map((p) => p.name)).toContain('access-to-work-annual-cap');

    const line = await cli(JSON.stringify(EXAMPLE));
    expect(line.code).toBe(0);
    expect(JSON.parse(line.out)).toEqual(body);
  });

  test('not eligible: the answer is still 200 / exit 0, and notEligibleBecause gives each rule not met with its reason', async () => {
    const input = { ...EXAMPLE, person: { ...EXAMPLE.person, age: 15, nation: 'northern-ireland' } };
    const res = await post(input);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { eligible: boolean; canApplyNow: boolean; notEligibleBecause: { code: string; text: string }[] };
    expect(body).toMatchObject({ eligible: false, canApplyNow: false });
    expect(body.notEligibleBecause).toEqual([
      { code: 'age.under', text: 'Aged 15: Access to Work starts at 16.', values: { age: 15, minimumAge: 16 } },
      expect.objectContaining({ code: 'nation.northern-ireland', values: { nation: 'northern-ireland' } }),
    ]);
    const line = await cli(JSON.stringify(input));
    expect(line.code).toBe(0);
    expect(JSON.parse(line.out)).toEqual(body);
  });

  test('needs a bearer token', async () => {
    expect((await post(EXAMPLE, null)).statusCode).toBe(401);
  });

  test.each([
    ['a need with no category', { ...EXAMPLE, needs: [{ cost: 5 }] }, 'body.needs.0.category'],
    ['a negative cost', { ...EXAMPLE, needs: [{ category: 'adaptation', cost: -5 }] }, 'body.needs.0.cost'],
    ['an unknown nation', { ...EXAMPLE, person: { ...EXAMPLE.person, nation: 'jersey' } }, 'body.person.nation'],
    ['a key the assessment does not know', { ...EXAMPLE, salary: 1 }, 'body'],
  ])('%s: 422 with the field named, and exit 2', async (_name, input, path) => {
    const res = await post(input);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const issues = (res.json() as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(issues).toContain(path);
    const line = await cli(JSON.stringify(input));
    expect(line.code).toBe(2);
    expect(line.out).toBe('');
    expect(JSON.parse(line.err)).toMatchObject({ error: 'invalid-input' });
  });

  test('malformed JSON or nothing: exit 2', async () => {
    expect((await cli('{"date":')).code).toBe(2);
    const none = await cli('');
    expect(none.code).toBe(2);
    expect(none.err).toContain('No assessment was given');
  });

  test('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain(URL);
  });
});
