import { dirname, join, normalize, relative } from 'node:path';

export type Violation = { file: string; rule: string; detail: string };
type Edge = { from: string; to: string; typeOnly: boolean };

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Relative imports of one file, resolved to paths relative to the project root. */
export function importsOf(file: string, source: string): Edge[] {
  const edges: Edge[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[3] ?? '';
    if (spec.startsWith('.')) edges.push({ from: file, to: normalize(join(dirname(file), spec)), typeOnly: Boolean(m[2]) });
  }
  for (const m of source.matchAll(DYNAMIC)) {
    const spec = m[1] ?? '';
    if (spec.startsWith('.')) edges.push({ from: file, to: normalize(join(dirname(file), spec)), typeOnly: false });
  }
  return edges;
}

const domainOf = (path: string) => /^src\/domains\/([^/]+)\//.exec(path)?.[1] ?? null;

/** Runtime import cycles (type-only imports are erased, so they cannot form one). */
function cycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

/**
 * The dependency rules of docs/adr/0006-module-boundaries.md: platform never imports domains; a
 * domain reaches another only through its index.ts; web/ and api/ never touch a repo; rules files
 * do no I/O; no import cycles.
 */
export function checkImports(sources: ReadonlyMap<string, string>): Violation[] {
  const edges = [...sources].flatMap(([file, source]) => importsOf(file, source));
  const violations: Violation[] = [];
  for (const e of edges) {
    if (e.from.startsWith('src/platform/') && e.to.startsWith('src/domains/')) {
      violations.push({ file: e.from, rule: 'platform-imports-domain', detail: `imports ${e.to}` });
    }
    const fromDomain = domainOf(e.from);
    const toDomain = domainOf(e.to);
    if (toDomain && fromDomain !== toDomain && e.to !== `src/domains/${toDomain}/index.ts`) {
      violations.push({ file: e.from, rule: 'domain-bypasses-index', detail: `imports ${e.to}; use src/domains/${toDomain}/index.ts` });
    }
    if (/\/(web|api)\//.test(e.from) && e.to.endsWith('-repo.ts')) {
      violations.push({ file: e.from, rule: 'route-uses-repo', detail: `imports ${e.to}; go through the service` });
    }
    if (e.from.endsWith('-rules.ts') && (e.to.endsWith('-repo.ts') || e.to.includes('/platform/db/'))) {
      violations.push({ file: e.from, rule: 'rules-do-io', detail: `imports ${e.to}; rules are pure` });
    }
  }
  for (const [file, source] of sources) {
    if (file.endsWith('-rules.ts') && /from\s+['"](node:fs|node:net|node:http|pg|kysely|@electric-sql\/pglite)['"]/.test(source)) {
      violations.push({ file, rule: 'rules-do-io', detail: 'imports an I/O module; rules are pure' });
    }
  }
  for (const cycle of cycles(edges)) {
    violations.push({ file: cycle[0] ?? '', rule: 'import-cycle', detail: cycle.map((f) => relative('.', f)).join(' → ') });
  }
  return violations;
}
