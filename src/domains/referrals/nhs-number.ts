/** Removes the spaces and hyphens people type between the groups of an NHS number. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * Whether the input is an NHS number: 10 digits whose last is the modulus-11 check digit of the
 * first nine (weights 10 down to 2). The check catches most single-digit typos and swapped digits.
 */
export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  // 11 stands for 0; 10 cannot be written as one digit, so no number is issued with those nine.
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** A valid NHS number grouped 3-3-4 ("943 476 5919"), as the NHS writes it; throws on an invalid one. */
export function formatNhsNumber(input: string): string {
  // The number is left out of the message: it identifies a patient and messages reach logs.
  if (!isValidNhsNumber(input)) throw new Error('Not a valid NHS number');
  const digits = normaliseNhsNumber(input);
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** For display: ten digits grouped 3-3-4; anything else (an old or foreign record) as it is. */
export function spacedNhsNumber(input: string): string {
  const digits = normaliseNhsNumber(input);
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : input;
}
