import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { summaryListHtml } from './summary-list-html.ts';
import { tableHtml } from './table-html.ts';

export type ViewEngine = { render(template: string, context: Readonly<Record<string, unknown>>): string };

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
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // GOV.UK's table markup without a macro call per cell (table-html.ts).
  env.addGlobal('appTable', tableHtml);
  // And its summary list (summary-list-html.ts).
  env.addGlobal('appSummaryList', summaryListHtml);
  env.addFilter('isoDate', (d: unknown) => (d instanceof Date ? d.toISOString() : String(d ?? '')));
  return { render: (template, context) => env.render(template, context) };
}
