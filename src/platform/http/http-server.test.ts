import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createHttpServer } from './http-server.ts';

describe('the caller’s address', () => {
  test.each([
    [undefined, '127.0.0.1'],
    ['127.0.0.1', '203.0.113.9'],
    ['10.0.0.5, 127.0.0.0/8', '203.0.113.9'],
    ['10.0.0.0/8', '127.0.0.1'],
  ])('TRUST_PROXY=%s: the sign-in throttle sees %s', async (trust, expected) => {
    const config = loadConfig({ NODE_ENV: 'test', ...(trust ? { TRUST_PROXY: trust } : {}) });
    const app = await createHttpServer({ logger: false, trustProxy: config.trustProxy });
    app.get('/ip', async (request) => request.ip);
    const res = await app.inject({ url: '/ip', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.body).toBe(expected);
    await app.close();
  });

  test('a TRUST_PROXY that is not a list of addresses stops the start', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    // A hop count cannot check the immediate peer; this Fastify ignores one, so it is refused here.
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY/);
  });
});
