import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/**
 * A local stand-in for GOV.UK Notify's API (POST /v2/notifications/email and /sms), reached through
 * the official client's base-URL constructor. It keeps what it was sent, answers 201 as Notify does,
 * and 400 with a ValidationError for an address containing `invalid`.
 */
export async function startNotifyStub() {
  const received: StubRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += String(c);
    });
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const to = String(body.email_address ?? body.phone_number ?? '');
      res.setHeader('content-type', 'application/json');
      if (to.includes('invalid')) {
        res.statusCode = 400;
        res.end(JSON.stringify({ status_code: 400, errors: [{ error: 'ValidationError', message: 'email_address Not a valid email address' }] }));
        return;
      }
      res.statusCode = 201;
      res.end(JSON.stringify({ id: crypto.randomUUID(), reference: body.reference, content: { body: '', subject: '' }, uri: '', template: {} }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
