import { calculateUniversalCredit, parseHousehold, universalCredit } from '../src/domains/benefits/universal-credit-rules.ts';
import { UC_EXAMPLES } from '../test/support/uc-examples.ts';

/**
 * Households calculated per second on one core, in process: `universalCredit` over parsed
 * households, and `calculateUniversalCredit` (parse with the schema, then calculate) over the raw
 * JSON values, each beside a ceiling measured in the same run: the same loop doing only
 * `JSON.parse(JSON.stringify(household))`. The households are the worked-example table (every
 * element and rule, each tax year), taken in turn.
 */
const SECONDS = Number(process.env.BENCH_CALC_SECONDS ?? 2);

type Rate = { perSecond: number; count: number };

function measure(households: readonly unknown[], work: (h: unknown) => unknown): Rate {
  let sink = 0;
  const loop = (ms: number) => {
    let count = 0;
    const started = performance.now();
    const until = started + ms;
    while (performance.now() < until) {
      // Check the clock every 256 households, so the clock is not what is measured.
      for (let k = 0; k < 256; k++) {
        if (work(households[count % households.length]) !== undefined) sink++;
        count++;
      }
    }
    return { perSecond: count / ((performance.now() - started) / 1000), count };
  };
  loop(Math.min(300, SECONDS * 200)); // warm up: let the JIT compile the path first
  const rate = loop(SECONDS * 1000);
  if (sink === 0) throw new Error('nothing was calculated');
  return rate;
}

export function benchCalculations(): string[] {
  const raw = UC_EXAMPLES.map((e) => JSON.parse(JSON.stringify(e.input)) as unknown);
  const parsed = raw.map(parseHousehold);
  const ceiling = measure(raw, (h) => JSON.parse(JSON.stringify(h)));
  const pure = measure(parsed, (h) => universalCredit(h as ReturnType<typeof parseHousehold>));
  const edge = measure(raw, calculateUniversalCredit);
  const row = (name: string, r: Rate) =>
    `${name.padEnd(56)} ${Math.round(r.perSecond).toLocaleString('en-GB').padStart(12)} ${(r.perSecond / ceiling.perSecond).toFixed(2).padStart(10)}`;
  return [
    `Universal Credit, one core, in process, ${SECONDS} s each, ${raw.length} households in turn`,
    `${'loop'.padEnd(56)} ${'households/s'.padStart(12)} ${'× ceiling'.padStart(10)}`,
    row('JSON.parse(JSON.stringify(household)) (ceiling)', ceiling),
    row('universalCredit (parsed household)', pure),
    row('calculateUniversalCredit (zod parse + calculate)', edge),
    '',
  ];
}
