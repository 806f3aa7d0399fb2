import { randomBytes } from 'node:crypto';

/** The last millisecond an id was made for in this process, and the counter within it. */
let last = { ms: -1, seq: 0 };

/**
 * A UUIDv7: time-ordered, so primary keys index well and shard evenly by tenant. Generated here
 * rather than in SQL because PostgreSQL 15 has no uuidv7(). Ids made in the same millisecond carry
 * a counter in the 12 bits after the version (RFC 9562 §6.2, method 1), so rows ordered by time
 * and then id come back in the order they were made; the last 62 bits stay random.
 *
 * @example const id = newId(); // '01936f0e-…'
 */
export function newId(now: Date = new Date()): string {
  const bytes = randomBytes(16);
  const time = now.getTime();
  // A counter starting at a random value in its lower half leaves room for 2,048 more ids in the millisecond.
  last = time === last.ms && last.seq < 0xfff ? { ms: time, seq: last.seq + 1 } : { ms: time, seq: (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) & 0x7ff };
  const ms = BigInt(time);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (last.seq >> 8);
  bytes[7] = last.seq & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Whether a database error is a violation of the named constraint (both drivers put the
 * constraint's name on the error). Lets the constraint decide, rather than a search before a write.
 */
export function violates(error: unknown, constraint: string): boolean {
  return typeof error === 'object' && error !== null && 'constraint' in error && (error as { constraint: unknown }).constraint === constraint;
}
