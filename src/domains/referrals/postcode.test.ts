import { describe, expect, it } from 'vitest';
import { normaliseDistrict, normalisePostcode, postcodeDistrict } from './postcode.ts';

describe('normalisePostcode', () => {
  it.each([
    ['le1 6zg', 'LE1 6ZG'],
    ['LE16ZG', 'LE1 6ZG'],
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['cf101ep', 'CF10 1EP'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(['', 'LE1', 'LE1 6Z', 'LE1 6ZGG', 'LE 6ZG', '1E1 6ZG', 'ABC1 1AA', 'LE1-6ZG', 'LE1 66G', '12345'])('refuses %j', (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });
});

describe('postcodeDistrict', () => {
  it('is the outward code', () => {
    expect(postcodeDistrict('LE1 6ZG')).toBe('LE1');
    expect(postcodeDistrict('SW1A 1AA')).toBe('SW1A');
    expect(postcodeDistrict('cf101ep')).toBe('CF10');
  });

  it('refuses something that is not a postcode', () => {
    expect(() => postcodeDistrict('LE1')).toThrow('Not a UK postcode');
  });
});

describe('normaliseDistrict', () => {
  it.each([
    ['le1', 'LE1'],
    ['CF10', 'CF10'],
    ['sw1a', 'SW1A'],
    [' m1 ', 'M1'],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseDistrict(input)).toBe(expected);
  });

  it.each(['', 'LE', '1LE', 'ABC1', 'LE1 6ZG', 'LE1-'])('refuses %j', (input) => {
    expect(normaliseDistrict(input)).toBeNull();
  });
});
