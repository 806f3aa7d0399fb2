/// <reference lib="dom" />
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/main.ts';
import { entraAccount, startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { expectAccessible, fillAndSubmit, launchChromium, signIn } from './browser.ts';

// The provider sends the browser back to the server's own address, so this file's server listens
// on a port chosen before it starts (the shared helper's server learns its port only once listening).
let server: RunningServer;
let provider: TestProvider;
let browser: Browser;
let dataDir = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bridgework-e2e-oidc-'));
  const template = inject('e2eDataTemplate');
  if (template) cpSync(template, dataDir, { recursive: true });
  const port = await freePort();
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  try {
    server = await startServer(loadConfig({ NODE_ENV: 'test', PORT: String(port), LOG_LEVEL: 'silent', BRIDGEWORK_DATA_DIR: dataDir }), { seedIfEmpty: true });
  } finally {
    process.stdout.write = write;
  }
  provider = await startTestProvider({
    jwksUri: `${server.url}/oidc/jwks`,
    redirectUri: `${server.url}/sign-in/oidc/callback`,
    backChannelLogoutUri: `${server.url}/oauth/back-channel-logout/not-used`,
  });
  const endpoint = inject('chromiumEndpoint');
  browser = endpoint ? await chromium.connect(endpoint) : await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const newPage = async (): Promise<Page> => (await browser.newContext({ bypassCSP: true })).newPage();
const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

describe('staff sign-in through an identity provider, in Chromium with axe-core', () => {
  test('a tenant admin adds a provider and links a person; the person signs in through it; an unlinked person is told why', async () => {
    const admin = await newPage();
    await signIn(admin, server.url, 'tenant-admin@leicester.bridgework.example');
    await admin.goto(`${server.url}/admin/sign-in`);
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Add an identity provider' }).click();
    await admin.waitForURL('**/admin/sign-in/providers/new');
    await expectAccessible(admin);

    // Bad input: the error summary, and nothing saved.
    await fillAndSubmit(admin, { kind: 'entra-id', name: 'Leicester council staff', issuer: 'not an address' });
    expect(await admin.title()).toMatch(/^Error: /);
    expect(await admin.locator('.govuk-error-summary').textContent()).toContain('Enter the issuer as a web address');
    await expectAccessible(admin);
    await admin.locator('main [name="issuer"]').fill(provider.issuer);
    await admin.locator('main [name="clientId"]').fill(provider.clientId);
    await admin.locator('main [name="roleMap"]').fill('Bridgework.Specialist = specialist');
    await admin.locator('main form button.govuk-button').click();
    await admin.waitForURL('**/admin/sign-in?saved=provider');
    expect(await main(admin)).toContain('Leicester council staff');
    await expectAccessible(admin);

    // Link the demo specialist's provider identity from their account page.
    await admin.goto(`${server.url}/admin/staff`);
    await admin.getByRole('link', { name: 'Sam Okafor' }).click();
    await admin.getByRole('link', { name: 'Link an identity provider account' }).click();
    await expectAccessible(admin);
    await admin.locator('select[name="providerId"]').selectOption({ label: 'Leicester council staff' });
    await admin.locator('main [name="subject"]').fill('entra-sam-okafor');
    await admin.locator('main form button.govuk-button').click();
    await admin.waitForURL('**?done=identity');
    expect(await main(admin)).toContain('entra-sam-okafor');
    await expectAccessible(admin);

    // The person signs in with the button on the sign-in page; the provider signs them in at once.
    const person = await newPage();
    provider.nextSignIn(entraAccount('entra-sam-okafor', ['Bridgework.Specialist']));
    await person.goto(`${server.url}/sign-in`);
    await expectAccessible(person);
    await person.getByRole('button', { name: 'Sign in with Leicester council staff' }).click();
    await person.waitForURL('**/home');
    expect(await main(person)).toContain('Sam Okafor');
    await expectAccessible(person);

    // Someone whose provider account is not linked sees why, with the reference to give the admin.
    const stranger = await newPage();
    provider.nextSignIn(entraAccount('entra-unlinked', ['Bridgework.Specialist']));
    await stranger.goto(`${server.url}/sign-in`);
    await stranger.getByRole('button', { name: 'Sign in with Leicester council staff' }).click();
    await stranger.waitForURL('**/sign-in/oidc/callback**');
    expect(await main(stranger)).toContain('not linked to a Bridgework account yet');
    expect(await main(stranger)).toContain('entra-unlinked');
    await expectAccessible(stranger);
    await stranger.locator('.app-language-switch').click();
    await stranger.waitForLoadState();
    await expectAccessible(stranger);
  });
});
