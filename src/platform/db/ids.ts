import { randomBytes } from 'node:crypto';

/**
 * A UUIDv7: time-ordered, so primary keys index well and shard evenly by tenant. Generated here
 * rather than in SQL because PostgreSQL 15 has no uuidv7().
 *
 * @example const id = newId(); // '01936f0e-…'
 */
export function newId(now: Date = new Date()): string {
  const bytes = randomBytes(16);
  const ms = BigInt(now.getTime());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
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
