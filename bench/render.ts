import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { caseModelCompiled, caseModelQuery } from '../src/domains/participants/case-read-repo.ts';
import { migrations } from '../src/migrations/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { createViewEngine, govukFrontendDist, type ViewEngine } from '../src/platform/views/view-engine.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed.ts';
import { createServices } from '../src/services.ts';
import { seedBenchReferrals } from './referrals.ts';

/**
 * `BENCH_ONLY=render`: page renders alone (Nunjucks, no database, no HTTP), issue 12 design item 7.
 * The app serves the specialist's inbox (two lists of 200), a case page and the caseload once each
 * on an in-memory PGlite, through a view engine that keeps each page's template and context; each is
 * then rendered again in a loop for `BENCH_RENDER_SECONDS` (default 2), one core, and reported as
 * milliseconds a render.
 */
const SECONDS = Number(process.env.BENCH_RENDER_SECONDS ?? 2);
const domainsDir = join(dirname(fileURLToPath(import.meta.url)), '../src/domains');
const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '../src/platform/views/templates');

/**
 * The engine as it was before `appTable` (2026-12-02) and `appSummaryList` (2026-12-03), for a same-run
 * comparison: the same templates and filters, with every table and summary list rendered by GOV.UK
 * Frontend's own govukTable and govukSummaryList macros.
 */
function govukMacroEngine(): ViewEngine {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([templatesDir, govukFrontendDist, domainsDir]), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('isoDate', (d: unknown) => (d instanceof Date ? d.toISOString() : String(d ?? '')));
  const table = new nunjucks.Template('{% from "govuk/components/table/macro.njk" import govukTable %}{{ govukTable(params) }}', env);
  env.addGlobal('appTable', (params: unknown) => new nunjucks.runtime.SafeString(table.render({ params })));
  const summaryList = new nunjucks.Template('{% from "govuk/components/summary-list/macro.njk" import govukSummaryList %}{{ govukSummaryList(params) }}', env);
  env.addGlobal('appSummaryList', (params: unknown) => new nunjucks.runtime.SafeString(summaryList.render({ params })));
  const button = new nunjucks.Template('{% from "govuk/components/button/macro.njk" import govukButton %}{{ govukButton(params) }}', env);
  env.addGlobal('appButton', (params: unknown) => new nunjucks.runtime.SafeString(button.render({ params })));
  return { render: (template, context) => env.render(template, context) };
}

type Captured = { template: string; context: Readonly<Record<string, unknown>> };

/** `BENCH_RENDER_PROFILE=<dir>`: a V8 CPU profile of each page's "now" loop, without the setup around it. */
const PROFILE_DIR = process.env.BENCH_RENDER_PROFILE;

async function profiled<T>(name: string, run: () => T): Promise<T> {
  if (!PROFILE_DIR) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = run();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(PROFILE_DIR, `render-${name.replace(/[^a-z]+/gi, '-')}.cpuprofile`), JSON.stringify(profile));
  session.disconnect();
  return result;
}

type Tally = { n: number; cpuMs: number; wallMs: number; bytes: number };

/** Renders `page` for `seconds`, adding the renders and the process's CPU time (user + system) to `tally`. */
function timeRenders(views: ViewEngine, page: Captured, seconds: number, tally: Tally): void {
  let html = '';
  const cpu = process.cpuUsage();
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    html = views.render(page.template, page.context);
    tally.n++;
  }
  const used = process.cpuUsage(cpu);
  tally.cpuMs += (used.user + used.system) / 1000;
  tally.wallMs += performance.now() - start;
  tally.bytes = html.length;
}

/**
 * Before and now in alternating rounds (four of each), so that a change in the machine's load
 * falls on both; CPU time, not wall time, because the machine is shared and a render that waits for
 * a core is not slower.
 */
function compareRenders(before: ViewEngine, now: ViewEngine, page: Captured): { old: Tally; cur: Tally } {
  const old: Tally = { n: 0, cpuMs: 0, wallMs: 0, bytes: 0 };
  const cur: Tally = { n: 0, cpuMs: 0, wallMs: 0, bytes: 0 };
  before.render(page.template, page.context);
  now.render(page.template, page.context);
  for (let round = 0; round < 4; round++) {
    timeRenders(before, page, SECONDS / 4, old);
    timeRenders(now, page, SECONDS / 4, cur);
  }
  return { old, cur };
}

/** The case model query built and compiled by Kysely each time (before) and compiled once (now, ADR 0051), CPU µs a request. */
function compileLine(db: { owner: Parameters<typeof caseModelQuery>[0] }): string {
  const N = 2000;
  const id = '00000000-0000-4000-8000-000000000001';
  let before = 0;
  let now = 0;
  for (let round = 0; round < 4; round++) {
    let t = process.cpuUsage();
    for (let i = 0; i < N; i++) caseModelQuery(db.owner, id, id, new Date()).compile();
    let used = process.cpuUsage(t);
    before += used.user + used.system;
    t = process.cpuUsage();
    for (let i = 0; i < N; i++) caseModelCompiled(id, id, new Date());
    used = process.cpuUsage(t);
    now += used.user + used.system;
  }
  const us = (total: number) => (total / (4 * N)).toFixed(1).padStart(7);
  return `${'case model query, CPU µs a request'.padEnd(40)} ${us(before)} µs ${us(now)} µs ${(now / before).toFixed(3).padStart(6)} ×  (built and compiled each time → compiled once)`;
}

export async function benchRender(): Promise<string[]> {
  const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  try {
    await migrateToLatest(db.owner, migrations);
    await seedDemo(db, systemClock);
    await seedBenchReferrals(db, 1000);
    const views = createViewEngine({ roots: [domainsDir] });
    const last = new Map<string, Captured>();
    const recording: ViewEngine = {
      render(template, context) {
        last.set(template, { template, context });
        return views.render(template, context);
      },
    };
    const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db, clock: systemClock });
    const app = await createApp(services, { logger: false, views: recording });
    try {
      const signInPage = await app.inject({ method: 'GET', url: '/sign-in' });
      const cookies = Object.fromEntries(signInPage.cookies.map((c) => [c.name, c.value]));
      const csrf = /name="_csrf" value="([^"]+)"/.exec(signInPage.body)?.[1] ?? '';
      const signedIn = await app.inject({
        method: 'POST',
        url: '/sign-in',
        cookies,
        payload: { _csrf: csrf, email: 'specialist@leicester.bridgework.example', password: DEMO_PASSWORD },
      });
      for (const c of signedIn.cookies) cookies[c.name] = c.value;
      const pages: [string, string][] = [['GET /referrals/inbox (2 lists of 200)', '/referrals/inbox']];
      const caseload = await app.inject({ method: 'GET', url: '/cases', cookies });
      pages.push(['GET /cases (caseload)', '/cases']);
      const caseId = /href="\/cases\/([0-9a-f-]{36})"/.exec(caseload.body)?.[1];
      if (caseId) pages.push(['GET /cases/:id (case page)', `/cases/${caseId}`]);
      const before = govukMacroEngine();
      const lines = [
        `Page renders alone (Nunjucks, one core, ${SECONDS} s each in alternating rounds): CPU ms a render with GOV.UK's table and summary-list macros (before), with appTable and appSummaryList (now), ratio, page size`,
      ];
      for (const [name, url] of pages) {
        last.clear();
        const res = await app.inject({ method: 'GET', url, cookies });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
        const page = [...last.values()].at(-1);
        if (!page) throw new Error(`${url} rendered nothing`);
        const { old, cur } = compareRenders(before, views, page);
        if (PROFILE_DIR) await profiled(name, () => timeRenders(views, page, SECONDS / 2, { n: 0, cpuMs: 0, wallMs: 0, bytes: 0 }));
        const ms = (t: Tally) => (t.cpuMs / t.n).toFixed(2).padStart(7);
        const wall = (t: Tally) => (t.wallMs / t.n).toFixed(2).padStart(7);
        lines.push(
          `${name.padEnd(40)} ${ms(old)} ms ${ms(cur)} ms ${(cur.cpuMs / cur.n / (old.cpuMs / old.n)).toFixed(2).padStart(6)} × (goal ≤ 0.5)  ${(cur.bytes / 1024).toFixed(0).padStart(5)} KB  (wall ${wall(old)} → ${wall(cur)} ms)`,
        );
      }
      lines.push(compileLine(db));
      return lines;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}
