import { describe, expect, test } from 'vitest';
import { suppress } from './national-figures.ts';

describe('small-number suppression', () => {
  test.each([
    [0, 10, { kind: 'suppressed' }],
    [9, 10, { kind: 'suppressed' }],
    [10, 10, { kind: 'count', value: 10 }],
    [250, 10, { kind: 'count', value: 250 }],
  ])('%i with a minimum of %i', (count, minimum, expected) => {
    expect(suppress(count, minimum)).toEqual(expected);
  });
});
