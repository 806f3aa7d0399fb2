import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv } from './csv.ts';

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

describe('reading CSV', () => {
  test.each([
    [
      'a,b\r\nc,d\r\n',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    ],
    [
      'a,b\nc,d',
      [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    ],
    ['"1,5","say ""hi"""\n', [{ line: 1, fields: ['1,5', 'say "hi"'] }]],
    [
      '"two\nlines",x\ny,z\n',
      [
        { line: 1, fields: ['two\nlines', 'x'] },
        { line: 3, fields: ['y', 'z'] },
      ],
    ],
    [
      '\ufeffa,,\n\nb\n',
      [
        { line: 1, fields: ['a', '', ''] },
        { line: 3, fields: ['b'] },
      ],
    ],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
  test('an open quote names its line', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow('line 2: a quoted field is not closed');
  });
  test('what toCsv writes, parseCsv reads back', () => {
    const rows = [['a', '1,5', 'say "hi"', 'two\nlines', '']];
    expect(parseCsv(toCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});
