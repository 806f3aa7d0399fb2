import { describe, expect, test } from 'vitest';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';

describe('password hashes', () => {
  test('the standard cost is argon2id at OWASP baseline: 19 MiB, 2 passes, 1 lane', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse')).toBe(false);
  });

  test('the test-only cost is argon2id at its minimum, and checks the same way', async () => {
    const stored = await hashPassword('correct horse', 'test-only');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse')).toBe(false);
  });

  test('a malformed hash is a mismatch, and the timing equaliser answers at either cost', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    await expect(burnPasswordCheck('anything')).resolves.toBeUndefined();
    await expect(burnPasswordCheck('anything', 'test-only')).resolves.toBeUndefined();
  });
});
