import autocannon, { type Request } from 'autocannon';

/**
 * One load measurement, run in its own process so the load generator does not share the server's
 * event loop. Reads its spec as JSON from stdin, prints the result as JSON. `cookies` sends each
 * request with the next cookie header in turn (one web draft per request); `[<id>]` in the body
 * becomes a fresh id per request when `idReplacement` is set.
 */
type Spec = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  idReplacement?: boolean;
  seconds: number;
  connections: number;
  cookies?: string[];
};

// On stdin: a thousand cookies do not fit in a command line.
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const spec = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Spec;
let next = 0;
const result = await autocannon({
  url: spec.url,
  method: spec.method ?? 'GET',
  headers: spec.headers,
  body: spec.body,
  idReplacement: spec.idReplacement ?? false,
  connections: spec.connections,
  ...(spec.cookies ? { amount: spec.cookies.length } : { duration: spec.seconds }),
  ...(spec.cookies
    ? {
        requests: [
          {
            setupRequest: (request: Request): Request => {
              const cookie = spec.cookies?.[next++ % (spec.cookies?.length ?? 1)] ?? '';
              return { ...request, headers: { ...request.headers, cookie } };
            },
          },
        ],
      }
    : {}),
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    seconds: result.duration,
    p99: result.latency.p99,
    ok: result['2xx'] + result['3xx'],
    // autocannon counts a request it gave up waiting for among its errors: reported apart, not as a failure.
    failed: result['4xx'] + result['5xx'] + result.errors - result.timeouts,
    timeouts: result.timeouts,
  }),
);
