import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
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
 * The engine as it was before `appTable` (2026-12-02), for a same-run comparison: the same templates
 * and filters, with every table rendered by GOV.UK Frontend's own govukTable macro.
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
  return { render: (template, context) => env.render(template, context) };
}

type Captured = { template: string; context: Readonly<Record<string, unknown>> };

function timeRenders(views: ViewEngine, page: Captured): { ms: number; bytes: number } {
  let html = views.render(page.template, page.context);
  const until = performance.now() + SECONDS * 1000;
  let n = 0;
  const start = performance.now();
  while (performance.now() < until) {
    html = views.render(page.template, page.context);
    n++;
  }
  return { ms: (performance.now() - start) / n, bytes: html.length };
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
        `Page renders alone (Nunjucks, one core, ${SECONDS} s each): ms a render with GOV.UK's table macro (before), with appTable (now), ratio, page size`,
      ];
      for (const [name, url] of pages) {
        last.clear();
        const res = await app.inject({ method: 'GET', url, cookies });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
        const page = [...last.values()].at(-1);
        if (!page) throw new Error(`${url} rendered nothing`);
        const old = timeRenders(before, page);
        const { ms, bytes } = timeRenders(views, page);
        lines.push(
          `${name.padEnd(40)} ${old.ms.toFixed(2).padStart(7)} ms ${ms.toFixed(2).padStart(7)} ms ${(ms / old.ms).toFixed(2).padStart(6)} × (goal ≤ 0.5)  ${(bytes / 1024).toFixed(0).padStart(5)} KB`,
        );
      }
      return lines;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}
