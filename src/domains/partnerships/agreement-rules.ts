import { addDays } from '../../platform/clock/index.ts';

export const AGREEMENT_PURPOSES = ['referral-in', 'onward-referral', 'outcomes', 'case-work'] as const;
export type AgreementPurpose = (typeof AGREEMENT_PURPOSES)[number];
export const DATA_CATEGORIES = ['identity', 'contact', 'date-of-birth', 'address', 'need', 'health', 'employment', 'benefits'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const ARTICLE6 = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'] as const;
export const ARTICLE9 = [
  'explicit-consent',
  'employment-social-security',
  'vital-interests',
  'health-social-care',
  'public-health',
  'substantial-public-interest',
] as const;

export type AgreementFacts = { id: string; purposes: readonly AgreementPurpose[]; dataCategories: readonly DataCategory[]; startsOn: string; endsOn: string };

export type SharingCheck =
  | { allowed: true; agreementId: string }
  | { allowed: false; reason: 'none' | 'not-started' | 'lapsed' | 'wrong-purpose' | 'wrong-category'; missing: readonly DataCategory[] };

/**
 * Whether sharing `categories` for `purpose` with a partner is covered on `today` (ISO date) by
 * one of its agreements: in force that day (from its start to its end, both included), for that
 * purpose, and covering every category. When none covers it, the reason is the nearest miss, in
 * the order an administrator would fix it: no agreement at all, none in force yet, all lapsed,
 * none for this purpose, or the categories not all covered (with those missing).
 */
export function checkSharing(
  agreements: readonly AgreementFacts[],
  purpose: AgreementPurpose,
  categories: readonly DataCategory[],
  today: string,
): SharingCheck {
  if (agreements.length === 0) return { allowed: false, reason: 'none', missing: [] };
  const inForce = agreements.filter((a) => a.startsOn <= today && today <= a.endsOn);
  if (inForce.length === 0) {
    const future = agreements.some((a) => a.startsOn > today);
    return { allowed: false, reason: future && agreements.every((a) => a.endsOn >= today) ? 'not-started' : 'lapsed', missing: [] };
  }
  const forPurpose = inForce.filter((a) => a.purposes.includes(purpose));
  if (forPurpose.length === 0) return { allowed: false, reason: 'wrong-purpose', missing: [] };
  const covering = forPurpose.find((a) => categories.every((c) => a.dataCategories.includes(c)));
  if (covering) return { allowed: true, agreementId: covering.id };
  // The agreement that misses least: name what it lacks.
  const missing = forPurpose.map((a) => categories.filter((c) => !a.dataCategories.includes(c))).sort((x, y) => x.length - y.length)[0] as DataCategory[];
  return { allowed: false, reason: 'wrong-category', missing };
}

/** Agreements that end within `days` of `today` (ISO) and have not been warned about yet. */
export function endingSoon<T extends { endsOn: string; warned: boolean }>(agreements: readonly T[], today: string, days: number): T[] {
  const limit = addDays(today, days);
  return agreements.filter((a) => !a.warned && a.endsOn >= today && a.endsOn <= limit);
}
