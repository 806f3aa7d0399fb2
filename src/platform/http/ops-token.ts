import { createHash, timingSafeEqual } from 'node:crypto';
import { Unauthenticated } from '../errors/index.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an `Authorization: Bearer …` header carries `expected`. Both sides are hashed first so the
 * comparison is constant-time whatever their lengths: the time taken says nothing about the token.
 */
export function bearerMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}

/** Refuses (401) a request to a machine endpoint (metrics, GOV.UK Notify's callback) without its token. */
export function requireBearer(header: string | undefined, expected: string): void {
  if (!bearerMatches(header, expected)) throw new Unauthenticated('This endpoint needs its bearer token');
}
