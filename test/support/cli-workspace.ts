import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli.ts';
import { createScratchDatabase, testTemplate } from './test-db.ts';
import { scratchRoot } from './test-templates.ts';

export type CliWorkspace = {
  /** The configuration the CLI reads, as an operator's environment. */
  env: NodeJS.ProcessEnv;
  /** A scratch folder for the files a test writes. */
  dir: string;
  /** Runs one command with this environment; its exit code and what it printed. */
  cli(...args: string[]): Promise<{ code: number; out: string; err: string }>;
  close(): Promise<void>;
};

/**
 * The CLI as an operator runs it: a database of its own from configuration (an on-disk PGlite, or a
 * scratch PostgreSQL database when TEST_DATABASE_URL is set) and a scratch folder.
 *
 * `seeded`: the database starts with the demo data, as after `bridgework seed` (at the tests' seed
 * time): a copy of the run's seeded template, or, where the run has none, `seed` run through the CLI.
 * A file that tests `migrate` or `seed` themselves starts empty (`test/integration/cli.test.ts`).
 */
export async function cliWorkspace(name: string, options: { seeded?: boolean } = {}): Promise<CliWorkspace> {
  const dir = mkdtempSync(join(scratchRoot(), `bridgework-${name}-`));
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = options.seeded ? testTemplate('seeded') : undefined;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl, `bw_${name.replace(/\W/g, '')}`, template) : null;
  const dataDir = join(dir, 'data');
  // PGlite's data directory is the CLI's data folder itself.
  if (!serverUrl && template) cpSync(template, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', BRIDGEWORK_DATA_DIR: dataDir, ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
  const workspace: CliWorkspace = {
    env,
    dir,
    async cli(...args) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(
        args,
        env,
        (s) => out.push(s),
        (s) => err.push(s),
      );
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    async close() {
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.seeded && !template) {
    const seeded = await workspace.cli('seed');
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.err}`);
  }
  return workspace;
}
