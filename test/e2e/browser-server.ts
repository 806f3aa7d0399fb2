import { type Browser, chromium } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { chromiumPath } from './chromium-path.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's one Chromium listens; each test file connects with a context of its own. */
    chromiumEndpoint?: string;
    /** A data directory migrated and seeded once per run; each file's server starts on a copy. */
    e2eDataTemplate?: string;
  }
}

export { chromiumPath, hasChromium } from './chromium-path.ts';

// The machine's network is closed: stop Chromium reaching out at start.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/**
 * The embedded default, as `npm start` runs it (migrated, seeded if empty), in `dataDir`, without
 * the sign-ins it prints.
 */
export async function startQuietly(dataDir: string): Promise<RunningServer> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  try {
    return await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', BRIDGEWORK_DATA_DIR: dataDir }), { seedIfEmpty: true });
  } finally {
    process.stdout.write = write;
  }
}
