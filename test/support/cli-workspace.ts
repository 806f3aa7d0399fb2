import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli.ts';
import { createScratchDatabase } from './test-db.ts';

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
 */
export async function cliWorkspace(name: string): Promise<CliWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), `bridgework-${name}-`));
  const serverUrl = process.env.TEST_DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl, `bw_${name.replace(/\W/g, '')}`) : null;
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', BRIDGEWORK_DATA_DIR: join(dir, 'data'), ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
  return {
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
}
