import { parseArgs } from 'node:util';
import { assessAccessToWork } from '../domains/access-to-work/index.ts';
import { calculateUniversalCredit } from '../domains/benefits/index.ts';
import { calculateMatches } from '../domains/employers/index.ts';
import { systemClock } from '../platform/clock/index.ts';
import { InvalidInput } from '../platform/errors/index.ts';
import { londonIsoDate } from '../platform/i18n/index.ts';
import { USAGE, UsageError } from './cli-usage.ts';

/** The pure calculations `calc` runs: what their input is called, its example file, and the function. */
const CALCULATIONS: Readonly<Record<string, { what: string; file: string; run: (json: unknown) => unknown }>> = {
  'universal-credit': { what: 'household', file: 'household', run: calculateUniversalCredit },
  match: { what: 'match input', file: 'match', run: (json) => calculateMatches(json, londonIsoDate(systemClock.now())) },
  'access-to-work': { what: 'assessment', file: 'assessment', run: assessAccessToWork },
};

/** `calc <calculation>`: pure calculations over JSON on stdin. No configuration, no database. */
export async function calc(sub: string | undefined, args: readonly string[], out: (s: string) => void, input: () => Promise<string>): Promise<number> {
  const calculation = sub !== undefined && Object.hasOwn(CALCULATIONS, sub) ? CALCULATIONS[sub] : undefined;
  if (!calculation) throw new UsageError(USAGE);
  const { values } = parseArgs({ args: [...args], options: { pretty: { type: 'boolean' } } });
  const { what } = calculation;
  const text = await input();
  if (text.trim() === '') {
    throw new InvalidInput(
      [
        {
          path: '',
          message: `No ${what} was given: pipe one JSON ${what} into standard input, e.g. bridgework calc ${sub} < ${calculation.file}.json`,
        },
      ],
      'No input on standard input.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidInput(
      [
        {
          path: '',
          message: `The input is not valid JSON (${error instanceof Error ? error.message : String(error)}): give one JSON object for the ${what}.`,
        },
      ],
      'The input is not valid JSON.',
    );
  }
  const result = calculation.run(json);
  out(values.pretty ? JSON.stringify(result, null, 2) : JSON.stringify(result));
  return 0;
}
