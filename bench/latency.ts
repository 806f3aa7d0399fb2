/**
 * A closed-loop load of GET requests, run in its own process: `connections` loops each send the
 * next URL of the list as soon as the last answer came, for `seconds`. Prints requests per second
 * and the 50th, 95th and 99th percentile latencies (ms), exact over every request.
 */
type Spec = { urls: string[]; seconds: number; connections: number };

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const spec = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Spec;
const latencies: number[] = [];
let failed = 0;
let next = 0;
const started = performance.now();
const until = started + spec.seconds * 1000;
await Promise.all(
  Array.from({ length: spec.connections }, async () => {
    while (performance.now() < until) {
      const url = spec.urls[next++ % spec.urls.length] ?? '';
      const t0 = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
      latencies.push(performance.now() - t0);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0) * 10) / 10;
process.stdout.write(JSON.stringify({ total: latencies.length, seconds, rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), failed }));
