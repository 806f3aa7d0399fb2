import { randomInt } from 'node:crypto';
import { sha256Hex } from '../auth/index.ts';

/*
 * A verifiable document's code: 12 random Crockford base32 characters (60 bits, so a guesser needs
 * about 10^18 tries), printed in groups after a short prefix naming the kind (BW-XXXX-XXXX-XXXX) so
 * a person can read it out or type it. Crockford's alphabet has no I, L, O or U; reading a code back
 * forgives case, spaces, dashes and I/L/O typed for 1/1/0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/** A new code, as printed. */
export function newVerificationCode(prefix: string): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return formatCode(prefix, chars);
}

export const formatCode = (prefix: string, chars: string): string => `${prefix}-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;

/**
 * What someone typed, as the 12 characters of a code, or null if it cannot be one: upper case, no
 * spaces or dashes, the kind's prefix optional, and I/L read as 1, O as 0 (Crockford's decoding).
 */
export function normaliseCode(typed: string, prefix: string): string | null {
  let s = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/gu, '')
    .replace(/[IL]/gu, '1')
    .replace(/O/gu, '0');
  const p = prefix.toUpperCase().replace(/[IL]/gu, '1').replace(/O/gu, '0');
  if (s.length === LENGTH + p.length && s.startsWith(p)) s = s.slice(p.length);
  return s.length === LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

/** The lookup key for a code's 12 characters in a namespace: only this is stored where anyone could search. */
export const codeHash = (namespace: string, chars: string): string => sha256Hex(`${namespace}:${chars}`);
