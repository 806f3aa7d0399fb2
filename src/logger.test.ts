import { describe, expect, test } from 'vitest';
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
