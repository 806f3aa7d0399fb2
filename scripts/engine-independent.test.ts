import { describe, expect, test } from 'vitest';
import { engineIndependentTests } from './engine-independent.ts';

describe('the files the PostgreSQL run leaves out', () => {
  const pure = engineIndependentTests(process.cwd());

  test('are the pure ones: rules tables, the PDF builder, the calc CLI', () => {
    expect(pure).toContain('src/domains/benefits/universal-credit-rules.test.ts');
    expect(pure).toContain('src/platform/pdf/pdf.test.ts');
    expect(pure).toContain('test/integration/calc-cli.test.ts');
  });

  test('never one that makes a database, itself or through a helper under test/', () => {
    for (const file of [
      'test/http/bad-input.test.ts',
      'test/integration/directory-cli.test.ts',
      'src/platform/db/database.test.ts',
      'test/integration/record-cli.test.ts',
    ]) {
      expect(pure).not.toContain(file);
    }
    expect(pure.some((f) => f.startsWith('test/e2e/'))).toBe(false);
  });
});
