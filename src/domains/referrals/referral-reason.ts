import type { Referral } from './referral.ts';

type Words = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/**
 * A referral's reason in words for one reader: the structured reason's label in their language,
 * then whatever text was given. Kept apart in storage so a Welsh reader never gets an English label.
 *
 * @example reasonInWords({ reasonCode: 'out-of-area', statusReason: 'Lives in the county' }, t) // "Out of area: Lives in the county"
 */
export function reasonInWords(r: Pick<Referral, 'reasonCode' | 'statusReason'>, t: Words): string | null {
  const parts = [r.reasonCode ? t(`referrals.rejection.${r.reasonCode}`) : null, r.statusReason].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(': ') : null;
}
