import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

describe('logs', () => {
  test('redact secrets and personal data wherever they appear', () => {
    const lines: string[] = [];
    const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(line) });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer secret-token', cookie: 'bw_session=abc.def', 'user-agent': 'test' } },
        user: { email: 'sam@example.org', name: 'Sam Okafor', password: 'hunter2hunter2' },
        form: { nhsNumber: '9434765919', dateOfBirth: '1990-01-01' },
      },
      'something happened',
    );
    const line = lines.join('');
    for (const secret of ['secret-token', 'bw_session=abc', 'sam@example.org', 'Sam Okafor', 'hunter2', '9434765919', '1990-01-01']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('"user-agent":"test"');
    expect(JSON.parse(line)).toMatchObject({ level: 30, msg: 'something happened' });
  });
});

describe('where logs go', () => {
  test('development: the terminal gets warnings only, the log file gets every request as JSON', () => {
    const config = loadConfig({ NODE_ENV: 'development', BRIDGEWORK_DATA_DIR: 'some-dir' });
    expect(config.logLevel).toBe('warn');
    expect(config.logFile).toBe(join('some-dir', 'logs', 'bridgework.log'));
    const terminal: string[] = [];
    const file: string[] = [];
    const logger = createLogger(config, { write: (line: string) => void terminal.push(line) }, { write: (line: string) => void file.push(line) });
    logger.info({ url: '/home' }, 'request completed');
    logger.warn('the job queue is behind');
    expect(terminal.map((l) => JSON.parse(l).msg)).toEqual(['the job queue is behind']);
    expect(file.map((l) => JSON.parse(l).msg)).toEqual(['request completed', 'the job queue is behind']);
  });

  test('asked for, the terminal gets info as before; production logs info to standard output and no file', () => {
    expect(loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'info' }).logLevel).toBe('info');
    const production = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x@localhost/db',
      BRIDGEWORK_SECRET: 'x'.repeat(32),
      AUDIT_SIGNING_KEY_PATH: 'key.pem',
    });
    expect(production.logLevel).toBe('info');
    expect(production.logFile).toBeUndefined();
    const terminal: string[] = [];
    createLogger({ logLevel: 'silent' }, { write: (line: string) => void terminal.push(line) }).warn('not shown');
    expect(terminal).toEqual([]);
  });
});
