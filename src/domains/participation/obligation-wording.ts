/**
 * Wording that tells a person they are obliged to take part, or threatens a consequence. On a
 * voluntary regime a letter or message must not carry it (see actionAllowed 'obligation-wording'),
 * so text is checked against this list before it is sent.
 *
 * Why the list is shaped as it is:
 * - It matches wording, not meaning. Single words ("sanction", "compulsory", "gorfodol") are flagged
 *   even when negated ("no sanctions", "not compulsory"): a voluntary letter should speak of choice,
 *   not of a penalty that does not apply, and whoever wrote it can reword.
 * - Phrases about attending or about benefits have a reassuring negative that we want letters to use
 *   ("You do not have to attend", "Does dim rhaid i chi ddod", "Leaving has no effect on your
 *   benefits"), so only their obliging or threatening form is matched.
 * - A few fixed terms that are about the person's rights are let through ("mandatory reconsideration",
 *   "ailystyriaeth orfodol": asking DWP to look again at a decision).
 * - Welsh mutates the first letter of a word after certain words ("cosb" → "y gosb", "gorfodol" →
 *   "yn orfodol"), so the mutated forms are listed too.
 * - Boundaries are letters and digits in any script, not \b, which knows only ASCII letters; a hyphen
 *   is a boundary, so "compliance" is found inside "non-compliance".
 */

type Phrase = { language: 'en' | 'cy'; pattern: string };

/** Before a match: not just after a letter or digit. After a match: not followed by one. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
/** A few words within one sentence that never cross "ddim" (not), for a Welsh phrase whose parts are apart. */
const GAP_WITHOUT_DDIM = '(?:(?!ddim)[^.!?\\n]){0,40}?';

const PHRASES: readonly Phrase[] = [
  // English
  { language: 'en', pattern: 'sanction(?:s|ed|ing)?' },
  // A "mandatory reconsideration" is the person's own right to challenge a DWP decision, not an obligation.
  { language: 'en', pattern: 'mandatory(?! reconsideration)' },
  { language: 'en', pattern: 'compulsory' },
  { language: 'en', pattern: 'compliance' },
  { language: 'en', pattern: 'claimant commitment' },
  { language: 'en', pattern: 'must attend' },
  { language: 'en', pattern: "(?<!(?:not|n[’']t) )required to attend" },
  { language: 'en', pattern: 'you have to attend' },
  { language: 'en', pattern: 'fail(?:ure|s|ed|ing)? to attend' },
  { language: 'en', pattern: 'good reason for missing' },
  { language: 'en', pattern: 'your benefits? (?:may|will|could|might|can) be (?:stopped|reduced|cut|suspended)' },
  // Welsh
  { language: 'cy', pattern: '(?:c|g|ngh|ch)osb(?:i|au)?' },
  { language: 'cy', pattern: 'sancsiwn|sancsiynau' },
  { language: 'cy', pattern: '(?<!ailystyriaeth )g?orfodol' },
  { language: 'cy', pattern: '(?:c|g|ngh|ch)ydymffurfi(?:o|aeth)' },
  { language: 'cy', pattern: 'ymrwymiad hawlydd' },
  // "Does dim rhaid i chi ddod" / "Nid oes rhaid i chi fynychu" is the reassurance, not the obligation.
  { language: 'cy', pattern: '(?<!(?:dim|oes) )rhaid i chi (?:fynychu|ddod)' },
  // "gall eich budd-daliadau gael eu lleihau"; not "Ni fydd eich budd-daliadau yn cael eu lleihau".
  {
    language: 'cy',
    pattern: `(?<!(?:ni|na|nid|nad) [\\p{L}']+ )eich budd-dal(?:iadau)?${GAP_WITHOUT_DDIM} (?:eu|ei) (?:lleihau|leihau|atal|hatal|stopio|torri|dorri)`,
  },
];

// Spaces in a pattern stand for any run of white space, so a line break inside a phrase still matches.
const MATCHERS: readonly RegExp[] = PHRASES.map((p) => new RegExp(`${START}(?:${p.pattern.replaceAll(' ', '\\s+')})${END}`, 'giu'));

/**
 * The obligation or sanction wording in a text, as it appears there, in order and each once.
 *
 * @example findObligationWording('You must attend or your benefits may be stopped.') // ['must attend', 'your benefits may be stopped']
 */
export function findObligationWording(text: string): string[] {
  const found = MATCHERS.flatMap((matcher) => [...text.matchAll(matcher)].map((m) => ({ at: m.index, end: m.index + m[0].length, text: m[0] })));
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const phrases: string[] = [];
  let coveredTo = -1;
  for (const match of found) {
    // A match inside one already taken ("compliance" inside a longer phrase) adds nothing.
    if (match.end <= coveredTo) continue;
    coveredTo = match.end;
    if (!phrases.some((p) => p.toLowerCase() === match.text.toLowerCase())) phrases.push(match.text);
  }
  return phrases;
}
