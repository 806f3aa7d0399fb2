import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, chromiumPath, hasChromium, startQuietly } from './browser-server.ts';

/**
 * Once per browser run: one Chromium for every file (each file still gets its own browser context:
 * its own cookies and storage), and one migrated, seeded embedded database to copy per file.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = mkdtempSync(join(tmpdir(), 'bridgework-e2e-template-'));
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
