import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePolicyParameter, policyFileSchema, valueAt } from './policy-parameter.ts';

const policyDir = join(import.meta.dirname, '..', '..', '..', 'policy');

describe('policy parameters', () => {
  test.each(readdirSync(policyDir).filter((f) => f.endsWith('.json')))('%s has dated values, a unit and a source', (file) => {
    expect(() => policyFileSchema.parse(JSON.parse(readFileSync(join(policyDir, file), 'utf8')))).not.toThrow();
  });

  const parameter = parsePolicyParameter({
    name: 'example',
    description: 'an example',
    unit: 'GBP/month',
    values: { '2025-04-07': 400.14, '2024-04-08': 393.45 },
    confidence: 'V',
    reference: { title: 'Example source', url: 'https://example.org/source' },
  });

  test('picks the value in force on the date, whatever order the file lists them in', () => {
    expect(valueAt(parameter, '2025-04-06').value).toBe(393.45);
    expect(valueAt(parameter, '2025-04-07')).toMatchObject({ value: 400.14, effectiveFrom: '2025-04-07', unit: 'GBP/month' });
  });

  test('refuses a date before any value', () => {
    expect(() => valueAt(parameter, '2020-01-01')).toThrow(/no value in force/);
  });
});
