import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { GROWTH_EXAMPLES, GROWTH_INPUT, ISSUE_INPUT, MATCH_EXAMPLES, TABLE_INPUT } from '../support/match-examples.ts';

// `bridgework calc match`: the pure matcher over JSON on stdin, no database or configuration. It
// runs the same table as the rules' unit tests.
const root = join(import.meta.dirname, '..', '..');

async function calc(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['calc', 'match'],
    {},
    (s) => out.push(s),
    (s) => err.push(s),
    async () => stdin,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type Output = {
  matches: { vacancyId: string; score: number; reasons: { code: string; text: string }[]; nearMiss: { code: string; text: string }[] }[];
  excluded: { vacancyId: string; because: string[] }[];
};

describe('bridgework calc match', () => {
  test('as a real process, the issue example: one line of JSON with the match, its reasons and advice', () => {
    const child = spawnSync(process.execPath, [join(root, 'bin/bridgework.js'), 'calc', 'match'], {
      input: JSON.stringify(ISSUE_INPUT),
      encoding: 'utf8',
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as Output;
    expect(result.excluded).toEqual([]);
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({ vacancyId: 'v1', score: 80.1 });
    expect(result.matches[0]?.nearMiss[0]?.text).toBe('offers 30 hours; you want up to 20 — ask about job share');
  }, 30_000);

  test('the whole table: every example as the rules tests expect, matches in descending score', async () => {
    const { code, out } = await calc(JSON.stringify(TABLE_INPUT));
    expect(code).toBe(0);
    const result = JSON.parse(out) as Output;
    for (const example of MATCH_EXAMPLES) {
      const expected = example.expected;
      if ('because' in expected) {
        expect(
          result.excluded.find((e) => e.vacancyId === example.vacancy.id),
          example.name,
        ).toEqual({ vacancyId: example.vacancy.id, because: expected.because });
      } else {
        const match = result.matches.find((m) => m.vacancyId === example.vacancy.id);
        expect(match?.score, example.name).toBe(expected.score);
        expect(match?.reasons.map((r) => r.code)).toEqual(expected.reasons);
        expect(match?.nearMiss.map((r) => r.code)).toEqual(expected.nearMiss);
      }
    }
    const scores = result.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('the growth-sector table, with the area’s sectors given as `growthSectors`', async () => {
    const { code, out } = await calc(JSON.stringify(GROWTH_INPUT));
    expect(code).toBe(0);
    const result = JSON.parse(out) as Output;
    for (const example of GROWTH_EXAMPLES) {
      const match = result.matches.find((m) => m.vacancyId === example.vacancy.id);
      const expected = example.expected as { score: number; reasons: string[] };
      expect(match?.score, example.name).toBe(expected.score);
      expect(match?.reasons.map((r) => r.code)).toEqual(expected.reasons);
    }
    expect(result.matches[0]?.reasons.at(-1)?.text).toBe('the employer is in a growth sector the local plan prioritises (digital)');
  });

  test.each([
    ['a growth sector code in capitals', JSON.stringify({ ...ISSUE_INPUT, growthSectors: ['Digital'] }), 'growthSectors.0'],
    ['no input', '', 'No match input was given'],
    ['not JSON', '{person', 'not valid JSON'],
    [
      'hours the wrong way round',
      JSON.stringify({ ...ISSUE_INPUT, person: { ...ISSUE_INPUT.person, hoursPerWeek: { min: 20, max: 10 } } }),
      'person.hoursPerWeek.max',
    ],
    ['an unknown workplace', JSON.stringify({ ...ISSUE_INPUT, vacancies: [{ ...ISSUE_INPUT.vacancies[0], workplace: 'moon' }] }), 'vacancies.0.workplace'],
    [
      'a SOC code of 5 digits',
      JSON.stringify({ ...ISSUE_INPUT, person: { ...ISSUE_INPUT.person, occupationsWanted: ['54341'] } }),
      'person.occupationsWanted.0',
    ],
    ['an unknown field', JSON.stringify({ ...ISSUE_INPUT, extra: 1 }), 'extra'],
    ['a latitude off the Earth', JSON.stringify({ ...ISSUE_INPUT, person: { ...ISSUE_INPUT.person, location: { lat: 91, lon: 0 } } }), 'person.location.lat'],
  ])('bad input (%s) is exit 2 with a JSON error naming it', async (_name, stdin, expected) => {
    const { code, out, err } = await calc(stdin);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(expected);
    expect(JSON.parse(err)).toMatchObject({ error: 'invalid-input' });
  });
});
