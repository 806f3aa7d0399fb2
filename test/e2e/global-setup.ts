import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { scratchRoot } from '../support/test-templates.ts';
import { chromiumArgs, chromiumPath, hasChromium, startQuietly } from './browser-server.ts';

/**
 * Once per browser run: one Chromium for every file (each file still gets its own browser context:
 * its own cookies and storage), one migrated, seeded embedded database to copy per file, and an
 * empty folder for the every-page walk's screenshots.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The every-page walk's screenshots, emptied once per run: its files (every-page-*.test.ts) run at once.
  const shots = join(process.cwd(), 'test-results', 'screenshots');
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const template = mkdtempSync(join(scratchRoot(), 'bridgework-e2e-template-'));
  const server = await startQuietly(template);
  await server.stop();
  if (!hasChromium) return async () => rmSync(template, { recursive: true, force: true });
  const browser = await chromium.launchServer({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  project.provide('e2eDataTemplate', template);
  return async () => {
    await browser.close();
    rmSync(template, { recursive: true, force: true });
  };
}
