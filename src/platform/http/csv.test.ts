import { describe, expect, test } from 'vitest';
import { toCsv } from './csv.ts';

describe('CSV (RFC 4180)', () => {
  test.each([
    [[['a', 'b']], 'a,b\r\n'],
    [[['1,5', 'x']], '"1,5",x\r\n'],
    [[['say "hi"']], '"say ""hi"""\r\n'],
    [[['two\nlines', 'cr\r']], '"two\nlines","cr\r"\r\n'],
    [[[null, 0, -4.5]], ',0,-4.5\r\n'],
    [[['h'], ['v']], 'h\r\nv\r\n'],
    [[], ''],
  ])('%j', (rows, expected) => {
    expect(toCsv(rows)).toBe(expected);
  });
});
