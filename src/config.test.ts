import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';

const production = {
  NODE_ENV: 'production',
  BRIDGEWORK_SECRET: 'x'.repeat(32),
  DATABASE_URL: 'postgres://bridgework@db/bridgework',
  AUDIT_SIGNING_KEY_PATH: '/keys/audit.pem',
};

describe('password hash cost', () => {
  test('is the standard cost unless a test run asks for less', () => {
    expect(loadConfig(production).passwordCost).toBe('standard');
    expect(loadConfig({ NODE_ENV: 'test' }).passwordCost).toBe('standard');
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'test-only' }).passwordCost).toBe('test-only');
  });

  test('the test-only cost is refused in production, and an unknown cost anywhere', () => {
    expect(() => loadConfig({ ...production, PASSWORD_HASH_COST: 'test-only' })).toThrow(/PASSWORD_HASH_COST=test-only is for test runs, never production/);
    expect(() => loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'none' })).toThrow(/PASSWORD_HASH_COST/);
    expect(loadConfig({ ...production, PASSWORD_HASH_COST: 'standard' }).passwordCost).toBe('standard');
  });
});
