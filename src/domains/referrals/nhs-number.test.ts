import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber, spacedNhsNumber } from './nhs-number.ts';

describe('isValidNhsNumber', () => {
  it('accepts 9434765919', () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 90+36+24+28+42+30+20+27+2 = 299
    // 299 mod 11 = 2 (11×27 = 297); 11 − 2 = 9 = the 10th digit.
    expect(isValidNhsNumber('9434765919')).toBe(true);
  });

  it('accepts 9434765870, whose check digit comes out as 11 and is written 0', () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 8×3 + 7×2 = 90+36+24+28+42+30+20+24+14 = 308
    // 308 mod 11 = 0 (11×28 = 308); 11 − 0 = 11 → 0 = the 10th digit.
    expect(isValidNhsNumber('9434765870')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('9434765871')).toBe(false);
  });

  it('rejects every number whose check digit would be 10', () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 6×2 = 297 + 12 = 309
    // 309 mod 11 = 1 (11×28 = 308); 11 − 1 = 10, which no single digit can match.
    for (let last = 0; last <= 9; last += 1) expect(isValidNhsNumber(`943476596${last}`)).toBe(false);
  });

  it('rejects the wrong length', () => {
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('')).toBe(false);
  });

  it('rejects letters and other characters', () => {
    expect(isValidNhsNumber('943476591A')).toBe(false);
    expect(isValidNhsNumber('A434765919')).toBe(false);
    expect(isValidNhsNumber('943.476.5919')).toBe(false);
  });

  it('accepts the number typed with spaces or hyphens', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(isValidNhsNumber(' 943 476 5919 ')).toBe(true);
  });
});

describe('normaliseNhsNumber', () => {
  it('removes spaces and hyphens and nothing else', () => {
    expect(normaliseNhsNumber('943 476-5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943.476.5919')).toBe('943.476.5919');
  });
});

describe('formatNhsNumber', () => {
  it('groups a valid number 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('943-476-5870')).toBe('943 476 5870');
  });

  it('refuses an invalid number without repeating it', () => {
    expect(() => formatNhsNumber('9434765918')).toThrow('Not a valid NHS number');
  });
});

describe('spacedNhsNumber', () => {
  it('groups any ten digits 3-3-4 for display, and leaves anything else as it is', () => {
    expect(spacedNhsNumber('9434765919')).toBe('943 476 5919');
    expect(spacedNhsNumber('943-476 5919')).toBe('943 476 5919');
    expect(spacedNhsNumber('94347659')).toBe('94347659');
    expect(spacedNhsNumber('A943476591')).toBe('A943476591');
  });
});
