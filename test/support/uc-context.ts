import { at } from '../../src/domains/benefits/benefit-parameters.ts';
import type { Reason } from '../../src/domains/benefits/universal-credit.ts';
import { toPence, type UcContext } from '../../src/domains/benefits/universal-credit-money.ts';
import type { PolicyValue } from '../../src/platform/policy/index.ts';

/**
 * A calculation's context for testing one UC rule on its own: the real parameters on `date`, and the
 * reasons said and parameters used, kept for the test to read.
 */
export function ucContext(date: string, adults = 1): { ctx: UcContext; reasons: Reason[]; used: Map<string, PolicyValue> } {
  const reasons: Reason[] = [];
  const used = new Map<string, PolicyValue>();
  const param: UcContext['param'] = (p) => {
    const v = at(p, date);
    if (!used.has(v.name)) used.set(v.name, v);
    return v.value;
  };
  const ctx: UcContext = {
    date,
    param,
    penceOf: (p) => toPence(param(p)),
    say: (code, text, values = {}) => {
      reasons.push({ code, text, values });
    },
    who: (i) => (adults === 2 ? `Adult ${i + 1}` : 'The claimant'),
    use: (v) => {
      if (!used.has(v.name)) used.set(v.name, v);
    },
  };
  return { ctx, reasons, used };
}
