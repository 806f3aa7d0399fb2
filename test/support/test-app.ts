import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { DEMO_PASSWORD } from '../../src/seed.ts';
import { createServices, type Services } from '../../src/services.ts';
import { codeLikeWords } from './code-like.ts';
import { createTestDatabase, TEST_SEED_TIME, type TestDatabase } from './test-db.ts';

export type TestApp = {
  app: FastifyInstance;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  testDb: TestDatabase;
  tenants: { leicester: string; cardiff: string };
  close(): Promise<void>;
};

/** A migrated database seeded with the demo data, and the real app over it, driven with `app.inject`. */
/** `logger`: the app's request log, for tests that read what it writes (none by default). */
export async function createTestApp(env: NodeJS.ProcessEnv = {}, options: { logger?: Logger } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase('seeded');
  const clock = fixedClock(TEST_SEED_TIME);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PASSWORD_HASH_COST: 'test-only', ...env });
  const services = createServices({ config, db: testDb.db, clock });
  const app = await createApp(services, { logger: options.logger ?? false });
  await app.ready();
  const rows = await testDb.db.global((tx) => tx.selectFrom('tenants').select(['id', 'gss_code']).execute());
  const id = (gss: string) => rows.find((r) => r.gss_code === gss)?.id ?? '';
  return {
    app,
    services,
    clock,
    testDb,
    tenants: { leicester: id('E06000016'), cardiff: id('W06000015') },
    async close() {
      await app.close();
      await testDb.dispose();
    },
  };
}

/**
 * Every page a test opens is checked for words that look like codes ("uc-lcwra", "job-start") in
 * what a person reads: a code a person sees must go through the catalogue, in both languages. What
 * the form just sent (`typed`) is the person's own text, which a page rightly shows back to them
 * (a generated "f-3" in an error summary is not a code of ours).
 */
function noCodes(url: string, res: LightMyRequestResponse, typed: readonly string[] = []): LightMyRequestResponse {
  if (String(res.headers['content-type'] ?? '').startsWith('text/html')) {
    // String(): some tests send a list as a field's value (URLSearchParams joins it).
    const theirs = typed.map((v) => String(v).toLowerCase());
    const codes = codeLikeWords(res.body).filter((word) => !theirs.some((v) => v.includes(word)));
    if (codes.length > 0) throw new Error(`${url} shows code-like words a person reads: ${codes.join(', ')} (word them through the catalogue)`);
  }
  return res;
}

/** A browser-like cookie jar over `app.inject`, from `remoteAddress` (default 127.0.0.1). */
export function browser(app: FastifyInstance, options: { remoteAddress?: string } = {}) {
  const from = options.remoteAddress ? { remoteAddress: options.remoteAddress } : {};
  const jar = new Map<string, string>();
  const remember = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    return res;
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    jar,
    async get(url: string, headers: Record<string, string> = {}) {
      return noCodes(url, remember(await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(), ...headers }, ...from })));
    },
    async post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
      return noCodes(
        url,
        remember(
          await app.inject({
            method: 'POST',
            url,
            headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
            payload: new URLSearchParams(form).toString(),
            ...from,
          }),
        ),
        Object.values(form),
      );
    },
    /** Loads `url` and returns the CSRF token its form carries. */
    async csrf(url: string): Promise<string> {
      const res = await this.get(url);
      const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
      if (!token) throw new Error(`no CSRF token on ${url} (status ${res.statusCode})`);
      return token;
    },
    async signIn(email: string, password = DEMO_PASSWORD) {
      const token = await this.csrf('/sign-in');
      return this.post('/sign-in', { _csrf: token, email, password });
    },
  };
}
export type Browser = ReturnType<typeof browser>;

/** Creates an OAuth client in a tenant and returns a bearer token for it. */
export async function bearerToken(t: TestApp, gssCode: string, scopes: string, organisation?: string): Promise<string> {
  const { clientId, clientSecret } = await t.services.clients.createClient({ gssCode, name: `test client ${scopes}`, scopes, organisation });
  const res = await t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  const body = res.json() as { access_token: string };
  return body.access_token;
}
