import { randomInt } from 'node:crypto';
import { sha256Hex } from '../../platform/auth/index.ts';

/*
 * A guarantee's verification code: 12 random Crockford base32 characters (60 bits), printed in
 * groups as BW-XXXX-XXXX-XXXX so a person can read it out or type it. Crockford's alphabet has no
 * I, L, O or U, and reading a code back forgives case, spaces, dashes and I/L/O typed for 1/1/0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/** A new code, as printed. */
export function newVerificationCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return formatCode(chars);
}

export const formatCode = (chars: string): string => `BW-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;

/**
 * What someone typed, as the 12 characters of a code, or null if it cannot be one. Upper case, no
 * spaces or dashes, an optional leading BW, and I/L read as 1, O as 0 (Crockford's decoding).
 */
export function normaliseCode(typed: string): string | null {
  let s = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/gu, '')
    .replace(/[IL]/gu, '1')
    .replace(/O/gu, '0');
  if (s.length === LENGTH + 2 && s.startsWith('BW')) s = s.slice(2);
  return s.length === LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

/** The lookup key for a code (its 12 characters): only this is stored where anyone could search. */
export const codeHash = (chars: string): string => sha256Hex(`bridge-back-code:${chars}`);
