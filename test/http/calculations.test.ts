import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';
import { UC_EXAMPLES } from '../support/uc-examples.ts';

const URL = '/api/v1/calculations/universal-credit';
let t: TestApp;
let token: string;
let otherScope: string;

beforeAll(async () => {
  t = await createTestApp();
  token = await bearerToken(t, 'E06000016', 'calculations:read');
  otherScope = await bearerToken(t, 'E06000016', 'organisations:read');
}, 120_000);
afterAll(() => t.close());

const post = (payload: unknown, auth: string | null = token, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: URL,
    headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

/** The command line, in process, with the household on its standard input. */
async function cli(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['calc', 'universal-credit'],
    {},
    (s) => out.push(s),
    (s) => err.push(s),
    async () => stdin,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('POST /api/v1/calculations/universal-credit', () => {
  test('needs a bearer token with calculations:read', async () => {
    const none = await post(UC_EXAMPLES[0]?.input, null);
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const wrong = await post(UC_EXAMPLES[0]?.input, otherScope);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ status: 403, detail: 'The access token does not have the scope calculations:read' });
  });

  test('the example from the issue: 200 with the award, its elements, reasons and parameters', async () => {
    const res = await post(UC_EXAMPLES[0]?.input);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json() as { award: number; elements: Record<string, number>; reasons: { code: string }[]; parameters: { name: string }[] };
    expect(body).toMatchObject({ date: '2025-06-01', period: 'monthly', award: 1338.46, maximumAmount: 1662.41, workAllowance: 411 });
    expect(body.elements).toEqual({ standardAllowance: 400.14, lcwra: 423.27, child: 339, housing: 500 });
    expect(body.reasons.map((r) => r.code)).toContain('taper');
    expect(body.parameters.map((p) => p.name)).toContain('uc-taper-rate');
  });

  test('the API and the command line agree on every example in the table', async () => {
    for (const example of UC_EXAMPLES) {
      const api = await post(example.input);
      expect(api.statusCode, example.name).toBe(200);
      const line = await cli(JSON.stringify(example.input));
      expect(line.code, example.name).toBe(0);
      expect(api.json(), example.name).toEqual(JSON.parse(line.out));
      expect((api.json() as { award: number }).award, example.name).toBe(example.expected.award);
    }
  }, 60_000);

  test.each([
    ['a date before 2024-04-08', { date: '2024-04-07', adults: [{ age: 30 }] }, ['body.date']],
    ['a date that is not a date', { date: '2025-13-01', adults: [{ age: 30 }] }, ['body.date']],
    ['no adults', { date: '2025-06-01', adults: [] }, ['body.adults']],
    ['an age over 65', { date: '2025-06-01', adults: [{ age: 66 }] }, ['body.adults.0.age']],
    ['both lcw and lcwra', { date: '2025-06-01', adults: [{ age: 30, lcw: true, lcwra: true }] }, ['body.adults.0.lcw']],
    ['LCWRA from April 2026 with no start date', { date: '2026-06-01', adults: [{ age: 30, lcwra: true }] }, ['body.adults.0.lcwraSince']],
    ['a child aged 20', { date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2005-05-31' }] }, ['body.children.0.birthDate']],
    ['money with three decimals', { date: '2025-06-01', adults: [{ age: 30 }], capital: 1.234 }, ['body.capital']],
    ['an unknown field', { date: '2025-06-01', adults: [{ age: 30, partnerAge: 31 }] }, ['body.adults.0']],
    ['not a household at all', [1, 2, 3], ['body']],
    [
      'a child disability that is not a rate',
      { date: '2025-06-01', adults: [{ age: 30 }], children: [{ birthDate: '2019-01-01', disability: 'x' }] },
      ['body.children.0.disability'],
    ],
    [
      'a part non-dependant',
      { date: '2025-06-01', adults: [{ age: 30 }], housing: { eligibleRentMonthly: 500, nonDependants: 0.5 } },
      ['body.housing.nonDependants'],
    ],
    ['selfEmployed without gainful', { date: '2025-06-01', adults: [{ age: 30, selfEmployed: {} }] }, ['body.adults.0.selfEmployed.gainful']],
  ])('%s is 422 problem details with the issues', async (_name, payload, paths) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as { status: number; issues: { path: string; message: string }[] };
    expect(body.status).toBe(422);
    expect([...new Set(body.issues.map((i) => i.path))]).toEqual(paths);
    for (const i of body.issues) expect(i.message).not.toMatch(/^Invalid input/);
  });

  test('a capped award lists its elements and deductions.benefitCap, the same as the command line', async () => {
    const capped = UC_EXAMPLES.find((e) => e.expected.deductions?.benefitCap !== undefined && e.input.children?.length === 4);
    const res = await post(capped?.input);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { award: number; deductions: Record<string, number>; reasons: { code: string }[]; parameters: { name: string }[] };
    expect(body.award).toBe(1485.08);
    expect(body.deductions).toEqual({ earnings: 0, unearnedIncome: 0, capitalTariff: 0, benefitCap: 1345.59, total: 1345.59 });
    expect(body.reasons.map((r) => r.code)).toContain('benefit-cap.applied');
    expect(body.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['uc-benefit-cap-outside-london-couple-or-children', 'child-benefit-eldest', 'child-benefit-other']),
    );
  });

  test('an unknown field is named in the message', async () => {
    const res = await post({ date: '2025-06-01', adults: [{ age: 30, partnerAge: 31 }] });
    expect((res.json() as { issues: { message: string }[] }).issues[0]?.message).toContain('Remove "partnerAge"');
  });

  test('malformed JSON is a 400 problem, never a 500', async () => {
    const res = await post('{"date":');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  test('a repeat with the same Idempotency-Key replays the same answer', async () => {
    const first = await post(UC_EXAMPLES[1]?.input, token, { 'idempotency-key': 'uc-calc-1' });
    const again = await post(UC_EXAMPLES[1]?.input, token, { 'idempotency-key': 'uc-calc-1' });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  // A body the JSON parser refuses (one that sets __proto__, which fast-check's JSON sometimes
  // makes) is a 400 problem, as malformed JSON is; anything it reads is answered 200 or 422.
  test('whatever JSON is posted, the answer is 200, 422, or 400 for a body the parser refuses, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.record({ date: fc.string(), adults: fc.array(fc.record({ age: fc.integer({ min: -5, max: 200 }) })) }).map((v) => JSON.stringify(v)),
        ),
        async (json) => {
          const res = await post(json);
          // A "__proto__" key is always refused; a "constructor" key only when it holds a "prototype".
          const allowed = /"__proto__"\s*:/.test(json) ? [400] : /"constructor"\s*:/.test(json) ? [200, 400, 422] : [200, 422];
          expect(allowed).toContain(res.statusCode);
          if (res.statusCode !== 200) expect(res.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 100, examples: [['{"__proto__":null}']] },
    );
  }, 60_000);

  test('the operation is in the OpenAPI document, with a strict request schema', async () => {
    const doc = (await t.app.inject('/api/docs/openapi.json')).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            tags: string[];
            security: unknown;
            requestBody: { content: Record<string, { schema: Schema }> };
            responses: Record<string, unknown>;
          }
        >
      >;
      components: { securitySchemes: { clientCredentials: { flows: { clientCredentials: { scopes: Record<string, string> } } } } };
    };
    type Schema = { required?: string[]; properties: Record<string, Schema & { items?: Schema }>; additionalProperties?: boolean };
    const op = doc.paths[URL]?.post;
    expect(op).toMatchObject({ operationId: 'calculateUniversalCredit', tags: ['Calculations'], security: [{ clientCredentials: ['calculations:read'] }] });
    const schema = op?.requestBody.content['application/json']?.schema;
    expect(schema?.required).toEqual(['date', 'adults']);
    expect(schema?.additionalProperties).toBe(false);
    expect(Object.keys(schema?.properties ?? {})).toEqual([
      'date',
      'adults',
      'children',
      'housing',
      'childcareMonthly',
      'capital',
      'otherIncomeMonthly',
      'childBenefit',
    ]);
    expect(Object.keys(schema?.properties.adults?.items?.properties ?? {})).toEqual([
      'age',
      'lcw',
      'lcwSince',
      'lcwra',
      'lcwraSince',
      'lcwraProtected',
      'netEarningsMonthly',
      'carer',
      'disabilityBenefit',
      'selfEmployed',
    ]);
    expect(Object.keys(schema?.properties.housing?.properties ?? {})).toEqual(['eligibleRentMonthly', 'inLondon', 'nonDependants']);
    expect(schema?.properties.adults?.items?.required).toEqual(['age']);
    expect(Object.keys(op?.responses ?? {})).toContain('200');
    expect(doc.components.securitySchemes.clientCredentials.flows.clientCredentials.scopes).toHaveProperty('calculations:read');
  });
});
