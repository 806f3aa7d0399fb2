import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { summaryListHtml } from './summary-list-html.ts';
import { tableHtml } from './table-html.ts';

export type ViewEngine = { render(template: string, context: Readonly<Record<string, unknown>>): string };

type ExportedCallback = (err: Error | null, exported: unknown) => void;
type WithExports = { env: nunjucks.Environment; getExported(ctx: unknown, parentFrame?: unknown, cb?: unknown): void };

const importCaching = new WeakSet<nunjucks.Environment>();
const exportsOf = new WeakMap<object, unknown>();

/**
 * `{% from "x" import y %}` runs x's top level on every render to collect its macros (a new frame
 * and context, each macro made again): a tenth of the case page's render in a profile (ADR 0051).
 * Without `with context` the macros do not depend on the render that imports them, and a cached
 * template never changes while the process runs, so each template's exports are made once (ADR
 * 0053). Only for the environments given here; an import with context runs as before.
 */
function cacheImports(env: nunjucks.Environment): void {
  if (importCaching.has(env)) return;
  const proto = (nunjucks.Template as unknown as { prototype: WithExports }).prototype;
  if (!(proto.getExported as { cached?: true }).cached) {
    const original = proto.getExported;
    const cached = function getExported(this: WithExports, ctx: unknown, parentFrame?: unknown, cb?: unknown) {
      if (typeof ctx !== 'function' || !importCaching.has(this.env)) return original.call(this, ctx, parentFrame, cb);
      const done = ctx as ExportedCallback;
      if (exportsOf.has(this)) return done(null, exportsOf.get(this));
      return original.call(this, (err: Error | null, exported: unknown) => {
        if (!err) exportsOf.set(this, exported);
        done(err, exported);
      });
    };
    proto.getExported = Object.assign(cached, { cached: true as const });
  }
  importCaching.add(env);
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where GOV.UK Frontend's templates and built assets live inside its npm package. */
export const govukFrontendDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/**
 * Nunjucks with GOV.UK Frontend. Compiled templates are cached for the life of the process (the
 * first render of each template pays for compiling it), autoescaping is on.
 *
 * @example const views = createViewEngine({ roots: [domainsDir] }); views.render('pages/home.njk', ctx);
 */
export function createViewEngine(options: { roots?: readonly string[] } = {}): ViewEngine {
  const loader = new nunjucks.FileSystemLoader([join(here, 'templates'), govukFrontendDist, ...(options.roots ?? [])], {
    noCache: false,
    watch: false,
  });
  // GOV.UK Frontend's templates import each other by relative path ("./macros/attributes.njk"),
  // which Nunjucks resolves against the importing file's path again on every render; the answer
  // never changes, so each pair is resolved once (about a twentieth of an error page's CPU).
  const resolved = new Map<string, string>();
  const resolve = loader.resolve.bind(loader);
  loader.resolve = (from, to) => {
    const key = `${from}\n${to}`;
    let path = resolved.get(key);
    if (path === undefined) {
      path = resolve(from, to);
      resolved.set(key, path);
    }
    return path;
  };
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // GOV.UK's table markup without a macro call per cell (table-html.ts).
  env.addGlobal('appTable', tableHtml);
  // And its summary list (summary-list-html.ts).
  env.addGlobal('appSummaryList', summaryListHtml);
  cacheImports(env);
  env.addFilter('isoDate', (d: unknown) => (d instanceof Date ? d.toISOString() : String(d ?? '')));
  return { render: (template, context) => env.render(template, context) };
}
