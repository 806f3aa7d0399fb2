// The shape of a UK postcode, not a check that it exists: an outward code (area letters, district
// digit, optional letter or digit) and an inward code (sector digit, two unit letters).
const OUTWARD = '[A-Z]{1,2}[0-9][A-Z0-9]?';
const POSTCODE = new RegExp(`^(${OUTWARD})([0-9][A-Z]{2})$`);
const DISTRICT = new RegExp(`^${OUTWARD}$`);

// People type postcodes in any case, with no space, one space or several.
const squash = (input: string): string => input.toUpperCase().replace(/\s+/g, '');

/** A postcode in its usual written form ("le1 6zg" → "LE1 6ZG"), or null when it is not one. */
export function normalisePostcode(input: string): string | null {
  const match = POSTCODE.exec(squash(input));
  return match ? `${match[1]} ${match[2]}` : null;
}

/** The outward code, or postcode district, of a postcode ("LE1 6ZG" → "LE1"); throws on a non-postcode. */
export function postcodeDistrict(postcode: string): string {
  const normalised = normalisePostcode(postcode);
  if (normalised === null) throw new Error('Not a UK postcode');
  return normalised.slice(0, normalised.indexOf(' '));
}

/** A postcode district given on its own ("le1" → "LE1", "CF10"), or null when it is not one. */
export function normaliseDistrict(input: string): string | null {
  const district = squash(input);
  return DISTRICT.test(district) ? district : null;
}
