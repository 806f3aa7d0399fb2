import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { calculateUniversalCredit } from '../../src/domains/benefits/index.ts';
import { UC_BAD_INPUTS, UC_EXAMPLES } from '../support/uc-examples.ts';

// `bridgework calc universal-credit`: one JSON household on stdin, the result as one line of JSON on
// stdout. No database and no configuration: it works in an environment that would stop the server.
const root = join(import.meta.dirname, '..', '..');
const ISSUE_EXAMPLE = JSON.stringify(UC_EXAMPLES[0]?.input);

async function calc(stdin: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['calc', 'universal-credit', ...args],
    env,
    (s) => out.push(s),
    (s) => err.push(s),
    async () => stdin,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const run = (file: string, args: string[], input: string) =>
  spawnSync(process.execPath, [join(root, file), ...args], {
    input,
    encoding: 'utf8',
    cwd: root,
    // Nothing configured at all: no database, no secret.
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30_000,
  });

describe('bridgework calc universal-credit', () => {
  test('as a real process: the household on stdin, one line of JSON on stdout, exit 0', () => {
    const child = run('src/cli.ts', ['calc', 'universal-credit'], ISSUE_EXAMPLE);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const lines = child.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ award: 1338.46, maximumAmount: 1662.41, workAllowance: 411 });
  }, 30_000);

  test('through the installed bin, bad input is a JSON error on stderr and exit 2', () => {
    const child = run('bin/bridgework.js', ['calc', 'universal-credit'], JSON.stringify({ date: '2024-01-01', adults: [{ age: 30 }] }));
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    const error = JSON.parse(child.stderr) as { error: string; message: string; issues: { path: string; message: string }[] };
    expect(error).toMatchObject({ error: 'invalid-input', issues: [{ path: 'date' }] });
    expect(error.issues[0]?.message).toContain('before 8 April 2024');
  }, 30_000);

  test.each(UC_EXAMPLES.map((e) => [e.name, e] as const))('agrees with the calculation: %s', async (_name, example) => {
    const res = await calc(JSON.stringify(example.input));
    expect(res.code).toBe(0);
    expect(res.err).toBe('');
    expect(JSON.parse(res.out)).toEqual(calculateUniversalCredit(example.input));
    expect(JSON.parse(res.out)).toMatchObject({ award: example.expected.award });
  });

  test('--pretty indents the same result', async () => {
    const res = await calc(ISSUE_EXAMPLE, ['--pretty']);
    expect(res.code).toBe(0);
    expect(res.out.split('\n').length).toBeGreaterThan(10);
    expect(JSON.parse(res.out)).toEqual(JSON.parse((await calc(ISSUE_EXAMPLE)).out));
  });

  test('needs no configuration: a production environment with no secret or database still calculates', async () => {
    const res = await calc(ISSUE_EXAMPLE, [], { NODE_ENV: 'production', PORT: 'not-a-port' });
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ award: 1338.46 });
  });

  test.each([
    ['malformed JSON', '{"date": "2025-06-01", "adults": [', 'The input is not valid JSON'],
    ['nothing at all', '', 'No household was given'],
    ['JSON that is not a household', '"hello"', 'must be a JSON object'],
  ])('%s: exit 2 with a JSON error', async (_name, stdin, says) => {
    const res = await calc(stdin);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    const error = JSON.parse(res.err) as { error: string; message: string; issues: { path: string; message: string }[] };
    expect(error.error).toBe('invalid-input');
    expect(error.issues[0]?.message).toContain(says);
  });

  test.each(UC_BAD_INPUTS.map((b) => [b.name, b] as const))('schema error, exit 2: %s', async (_name, bad) => {
    const res = await calc(JSON.stringify(bad.input));
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    const error = JSON.parse(res.err) as { error: string; issues: { path: string }[] };
    expect(error.error).toBe('invalid-input');
    expect([...new Set(error.issues.map((i) => i.path))].sort()).toEqual([...bad.paths].sort());
  });

  test('an unknown calculation or option is a usage error, exit 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      await runCli(
        ['calc', 'pension-credit'],
        {},
        (s) => out.push(s),
        (s) => err.push(s),
        async () => ISSUE_EXAMPLE,
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('calc universal-credit');
    expect((await calc(ISSUE_EXAMPLE, ['--loud'])).code).toBe(2);
  });
});
