import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { buttonHtml } from './button-html.ts';
import { chartHtml } from './chart-html.ts';
import { summaryListHtml } from './summary-list-html.ts';
import { tableHtml, tableScrollHtml } from './table-html.ts';

export type ViewEngine = { render(template: string, context: Readonly<Record<string, unknown>>): string };

type ExportedCallback = (err: Error | null, exported: unknown) => void;
type WithExports = { env: nunjucks.Environment; path: string; getExported(ctx: unknown, parentFrame?: unknown, cb?: unknown): void };

const importCaching = new WeakSet<nunjucks.Environment>();
const exportsOf = new WeakMap<object, unknown>();
/** Templates whose exported macros are remembered by their arguments (GOV.UK Frontend's). */
const memoisedMacros = new WeakMap<nunjucks.Environment, (path: string) => boolean>();

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
        const kept = !err && memoisedMacros.get(this.env)?.(this.path) ? memoiseAll(exported as Record<string, unknown>) : exported;
        if (!err) exportsOf.set(this, kept);
        done(err, kept);
      });
    };
    proto.getExported = Object.assign(cached, { cached: true as const });
  }
  importCaching.add(env);
}

const SafeString = nunjucks.runtime.SafeString;
/** Outputs kept per macro, least recently used dropped first; a call outside these bounds is not kept. */
const KEPT_PER_MACRO = 200;
const LONGEST_KEY = 4096;
const LONGEST_OUTPUT = 16_384;

/**
 * A macro's arguments as a string that is the same exactly when the arguments are (strings, numbers,
 * booleans, null, undefined, marked-safe strings, arrays and plain objects); null for anything else,
 * whose call is then not kept.
 */
export function argumentsKey(value: unknown): string | null {
  if (value === undefined) return 'u';
  if (value === null) return 'n';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return `#${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof SafeString) return `s${JSON.stringify(value.val)}`;
  let key: string;
  if (Array.isArray(value)) {
    key = '[';
    for (const item of value) {
      const k = argumentsKey(item);
      if (k === null) return null;
      key += `${k},`;
    }
    return `${key}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  key = '{';
  for (const name of Object.keys(value)) {
    const k = argumentsKey((value as Record<string, unknown>)[name]);
    if (k === null) return null;
    key += `${JSON.stringify(name)}:${k},`;
  }
  return `${key}}`;
}

type Macro = (...args: unknown[]) => unknown;

/**
 * A GOV.UK Frontend macro that gives its output again for arguments it has seen (ADR 0061). Its
 * output depends only on its params (it is imported without context and reads no global state), so
 * a page's layout components (skip link, service navigation, phase banner, back link) and repeated
 * buttons are made once. A call with a caller block or keyword arguments always runs the macro.
 */
function memoise(macro: Macro): Macro {
  const kept = new Map<string, unknown>();
  return function remembered(this: unknown, ...args: unknown[]) {
    const [params] = args;
    if (args.length > 1 || (params !== null && typeof params === 'object' && '__keywords' in params)) return macro.apply(this, args);
    const key = argumentsKey(params);
    if (key === null || key.length > LONGEST_KEY) return macro.apply(this, args);
    const hit = kept.get(key);
    if (hit !== undefined) {
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const output = macro.apply(this, args);
    if (String(output).length <= LONGEST_OUTPUT) {
      if (kept.size >= KEPT_PER_MACRO) kept.delete(kept.keys().next().value as string);
      kept.set(key, output);
    }
    return output;
  };
}

function memoiseAll(exported: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(exported).map(([name, v]) => [name, typeof v === 'function' ? memoise(v as Macro) : v]));
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
  // And the same table in a box that scrolls sideways on a narrow screen (ADR 0071).
  env.addGlobal('appTableScroll', tableScrollHtml);
  // And its summary list (summary-list-html.ts).
  env.addGlobal('appSummaryList', summaryListHtml);
  // And its button (button-html.ts).
  env.addGlobal('appButton', buttonHtml);
  // A chart in its box, or why there is none (chart-html.ts).
  env.addGlobal('appChart', chartHtml);
  cacheImports(env);
  memoisedMacros.set(env, (path) => path.startsWith(govukFrontendDist));
  env.addFilter('isoDate', (d: unknown) => (d instanceof Date ? d.toISOString() : String(d ?? '')));
  return { render: (template, context) => env.render(template, context) };
}
