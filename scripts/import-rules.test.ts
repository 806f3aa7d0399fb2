import { describe, expect, test } from 'vitest';
import { checkImports } from './import-rules.ts';

const rulesOf = (files: Record<string, string>) => checkImports(new Map(Object.entries(files))).map((v) => v.rule);

describe('import rules', () => {
  test('a clean tree passes', () => {
    expect(
      rulesOf({
        'src/platform/db/index.ts': "export { x } from './x.ts';",
        'src/platform/db/x.ts': 'export const x = 1;',
        'src/domains/a/index.ts': "import { x } from '../../platform/db/index.ts';",
        'src/domains/b/b-service.ts': "import { y } from '../a/index.ts';",
      }),
    ).toEqual([]);
  });

  test('platform importing a domain is refused', () => {
    expect(rulesOf({ 'src/platform/http/h.ts': "import { a } from '../../domains/a/index.ts';", 'src/domains/a/index.ts': '' })).toContain(
      'platform-imports-domain',
    );
  });

  test('reaching into another domain past its index is refused', () => {
    expect(rulesOf({ 'src/domains/b/b.ts': "import { r } from '../a/a-repo.ts';" })).toContain('domain-bypasses-index');
  });

  test('routes using a repo, and rules doing I/O, are refused', () => {
    expect(rulesOf({ 'src/domains/a/web/a-routes.ts': "import { q } from '../a-repo.ts';" })).toContain('route-uses-repo');
    expect(rulesOf({ 'src/domains/a/a-rules.ts': "import { readFileSync } from 'node:fs';" })).toContain('rules-do-io');
  });

  test('a runtime cycle is refused, a type-only one is not', () => {
    expect(rulesOf({ 'src/a.ts': "import { b } from './b.ts';", 'src/b.ts': "import { a } from './a.ts';" })).toContain('import-cycle');
    expect(rulesOf({ 'src/a.ts': "import type { B } from './b.ts';", 'src/b.ts': "import { a } from './a.ts';" })).not.toContain('import-cycle');
  });
});
