import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

describe('the HTTP platform', () => {
  test('/health answers without the database and /ready checks it', async () => {
    expect((await t.app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/ready')).json()).toMatchObject({ status: 'ready' });
  });

  test('every response carries a request id and the security headers', async () => {
    const res = await t.app.inject('/sign-in');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(res.body).toContain(`<script nonce="${nonce}">`);
    expect((await t.app.inject({ url: '/health', headers: { 'x-request-id': 'trace-1234abcd' } })).headers['x-request-id']).toBe('trace-1234abcd');
  });

  test('GOV.UK Frontend assets are served from the package', async () => {
    const css = await t.app.inject('/assets/frontend/govuk-frontend.min.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect((await t.app.inject('/assets/fonts/bold-b542beb274-v2.woff2')).statusCode).toBe(200);
    expect((await t.app.inject('/assets/app/app.js')).statusCode).toBe(200);
    expect((await t.app.inject('/assets/frontend/package.json')).statusCode).toBe(404);
  });

  test('pages switch between English and Welsh with a link that works without JavaScript', async () => {
    const b = browser(t.app);
    const en = await b.get('/accessibility');
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('href="/language/cy?return=%2Faccessibility"');
    const switched = await b.get('/language/cy?return=/accessibility');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/accessibility');
    const cy = await b.get('/accessibility');
    expect(cy.body).toContain('<html lang="cy"');
    expect(cy.body).toContain('Datganiad hygyrchedd ar gyfer Bridgework');
    expect((await b.get('/language/en?return=//evil.example')).headers.location).toBe('/');
  });

  test.each(['/', '/sign-in', '/accessibility', '/cookies', '/privacy'])('%s renders for an anonymous visitor', async (url) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('govuk-phase-banner');
    expect(res.body).toContain('Bridgework');
  });

  test('the public home page links to everything a member of the public can start, each page answering without sign-in', async () => {
    for (const [lang, cookie] of [
      ['en', ''],
      ['cy', 'bw_lang=cy'],
    ] as const) {
      const home = await t.app.inject({ url: '/', headers: { cookie } });
      expect(home.statusCode).toBe(200);
      const links = [...home.body.matchAll(/<a class="govuk-link" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => m[1]);
      // In this order: refer yourself, still in work, your support, check a guarantee, check a decision in principle, find a service.
      expect(links, lang).toEqual(['/self-referral', '/in-work-support', '/my-support', '/check-a-guarantee', '/check-access-to-work', '/find-a-service']);
      for (const href of links) expect((await t.app.inject({ url: href ?? '', headers: { cookie } })).statusCode, href).toBe(200);
      // Staff sign-in is still there, but last and not the start button.
      expect(home.body).toContain('href="/sign-in"');
      expect(home.body.indexOf('href="/sign-in"')).toBeGreaterThan(home.body.indexOf('href="/find-a-service"'));
    }
    expect((await t.app.inject('/')).body).toContain('Refer yourself for employment support');
    expect((await t.app.inject({ url: '/', headers: { cookie: 'bw_lang=cy' } })).body).toContain('Atgyfeirio eich hun am gymorth cyflogaeth');
  });

  test('branding: no crown, royal arms, GOV.UK logotype or Crown copyright; the authority named, its own privacy and accessibility pages linked', async () => {
    const notGovUk = (html: string) => {
      for (const mark of [
        'govuk-logo',
        'govuk-header__logotype',
        'govuk-footer__crown',
        'govuk-footer__copyright-logo',
        'Crown copyright',
        'favicon.ico',
        'govuk-icon',
      ]) {
        expect(html, mark).not.toContain(mark);
      }
    };
    const home = (await t.app.inject('/')).body;
    notGovUk(home);
    expect(home).toContain('Content © the local authorities that run Bridgework and their partners');
    expect(home).toContain('href="/privacy"');
    expect(home).toContain('href="/accessibility"');
    expect(home).not.toContain('A service run by');
    // A Cardiff user sees Cardiff's name and, once set, Cardiff's own privacy notice and accessibility statement.
    await t.testDb.db.inTenant(t.tenants.cardiff, (tx) =>
      tx
        .updateTable('tenant_settings')
        .set({ privacy_notice_url: 'https://www.cardiff.gov.uk/privacy', accessibility_statement_url: 'https://www.cardiff.gov.uk/accessibility' })
        .execute(),
    );
    const cardiff = browser(t.app);
    await cardiff.signIn('tenant-admin@cardiff.bridgework.example');
    const en = (await cardiff.get('/home', { cookie: `${[...cardiff.jar].map(([k, v]) => `${k}=${v}`).join('; ')}; bw_lang=en` })).body;
    notGovUk(en);
    expect(en).toContain('A service run by Cardiff Council');
    expect(en).toContain('Content © Cardiff Council and its partners in this service');
    expect(en).toContain('href="https://www.cardiff.gov.uk/privacy"');
    expect(en).toContain('href="https://www.cardiff.gov.uk/accessibility"');
    // Leicester has set none: Bridgework's own pages.
    const leicester = browser(t.app);
    await leicester.signIn('tenant-admin@leicester.bridgework.example');
    const page = (await leicester.get('/home')).body;
    expect(page).toContain('A service run by Leicester City Council');
    expect(page).toContain('href="/privacy"');
  });

  test('an unknown page is a GOV.UK 404 page; an unknown API path is problem+json; an unknown FHIR path is an OperationOutcome', async () => {
    const page = await t.app.inject('/no-such-page');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
    const api = await t.app.inject('/api/v1/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 404, title: 'Not found' });
    const fhir = await t.app.inject('/fhir/Nothing/1');
    expect(fhir.statusCode).toBe(404);
    expect(fhir.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
  });

  test('the OpenAPI 3.1 document is generated from the route schemas', async () => {
    const doc = (await t.app.inject('/api/docs/openapi.json')).json() as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> } }>
      >;
      components: { securitySchemes: { clientCredentials: { flows: { clientCredentials: { tokenUrl: string } } } } };
    };
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/organisations']?.post?.requestBody?.content['application/json']?.schema;
    expect(create?.required).toEqual(['name', 'kind']);
    expect(Object.keys(create?.properties ?? {})).toEqual(['name', 'kind', 'email']);
    expect(doc.paths['/api/v1/organisations/{id}']?.get).toBeDefined();
    expect(doc.components.securitySchemes.clientCredentials.flows.clientCredentials.tokenUrl).toBe('/oauth/token');
  });

  test('the FHIR capability statement is served', async () => {
    const res = await t.app.inject('/fhir/metadata');
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.json()).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
  });
});
