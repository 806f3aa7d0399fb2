/**
 * How sure a figure or rule is, as the policy files tag it: V verified against the law or an official
 * table, S read in a secondary source, D derived from other figures, U unverified (or platform policy).
 */
export type Confidence = 'V' | 'S' | 'D' | 'U';

const ORDER: readonly Confidence[] = ['S', 'D', 'U'];
const MEANING: Readonly<Record<'en' | 'cy', Readonly<Record<Exclude<Confidence, 'V'>, string>>>> = {
  en: { S: '[S] from a secondary source, not the law itself', D: '[D] worked out from other figures', U: '[U] not verified, or platform policy' },
  cy: { S: '[S] o ffynhonnell eilaidd, nid o’r gyfraith ei hun', D: '[D] wedi’i gyfrifo o ffigurau eraill', U: '[U] heb ei wirio, neu bolisi’r platfform' },
};
const LEAD = { en: 'Not checked against a primary source: ', cy: 'Heb ei wirio yn erbyn ffynhonnell sylfaenol: ' } as const;

/** The tag to print beside a value or rule that is less than verified ("[S]"), or nothing when it is verified. */
export const confidenceMark = (c: Confidence): string => (c === 'V' ? '' : `[${c}]`);

/**
 * The footer line a document carries when anything in it rests on a value tagged [S], [D] or [U]:
 * which tags it uses and what each means. Null when every value it uses is verified.
 *
 * @example provenanceNote(['V', 'U'], 'en') // 'Not checked against a primary source: [U] not verified, or platform policy.'
 */
export function provenanceNote(tags: readonly Confidence[], language: 'en' | 'cy'): string | null {
  const used = ORDER.filter((c) => tags.includes(c)) as Exclude<Confidence, 'V'>[];
  if (used.length === 0) return null;
  return `${LEAD[language]}${used.map((c) => MEANING[language][c]).join('; ')}.`;
}
