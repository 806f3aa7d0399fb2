import { capabilities } from '../../src/capabilities.ts';
import { platformMessages } from '../../src/platform/i18n/index.ts';

/**
 * Finds words on a page that look like codes (lower case joined by hyphens, such as "uc-lcwra" or
 * "job-start") where a person reads them: text, not markup, addresses or code-like contexts
 * (<code>, <kbd>, <samp>, <pre>, an element marked `app-code`) or what someone typed into a
 * form (a <textarea>'s text, like an input's value). A hyphenated word that some
 * catalogue message uses ("part-time", "e-bost") is an ordinary word, not a code: every word a
 * person should see comes from the catalogues, so a hyphenated token that none of them uses has
 * leaked from the data.
 */
const TOKEN = /(?<![\w@./:-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w@/-]|\.[a-z])/g;

/** Ordinary hyphenated words that reach pages only in data people typed (a service's description, a referral's own words). */
const ALSO_ORDINARY = ['one-to-one', 'ran-amser', 'entry-level'];

let ordinary: Set<string> | null = null;
function ordinaryWords(): Set<string> {
  if (ordinary) return ordinary;
  const words = new Set<string>(ALSO_ORDINARY);
  for (const catalogue of [platformMessages, ...capabilities.flatMap((c) => c.messages ?? [])]) {
    for (const lang of ['en', 'cy'] as const) {
      for (const text of Object.values(catalogue[lang])) for (const m of text.toLowerCase().matchAll(TOKEN)) words.add(m[0]);
    }
  }
  ordinary = words;
  return words;
}

/** The visible text of a page: no scripts, styles, code-like elements, tags or attributes. */
export function visibleText(html: string): string {
  return (
    html
      .replace(/<(script|style|code|kbd|samp|pre|textarea)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<([a-z0-9]+)\b[^>]*class="[^"]*\bapp-code\b[^"]*"[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/gi, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/\S+@\S+/g, ' ')
      // Identifiers (UUIDs) are not words.
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ')
  );
}

/**
 * What each run of visible text (between spaces) held, remembered across pages: a test opens
 * thousands of pages whose navigation, headings and buttons repeat, and scanning them again was
 * a tenth of a page request's CPU in `bad-input.test.ts` (ADR 0069). Splitting at spaces finds the
 * same words: TOKEN's look-behind and look-ahead never match a space, as at either end of a string.
 */
const scanned = new Map<string, string[]>();
const SCANNED_LIMIT = 100_000;

/** The code-like words on a page that no catalogue uses, each once. */
export function codeLikeWords(html: string): string[] {
  const known = ordinaryWords();
  const found = new Set<string>();
  for (const run of visibleText(html).split(/\s+/)) {
    let words = scanned.get(run);
    if (words === undefined) {
      words = [...run.matchAll(TOKEN)].map((m) => m[0]).filter((w) => !known.has(w));
      if (scanned.size < SCANNED_LIMIT) scanned.set(run, words);
    }
    for (const w of words) found.add(w);
  }
  return [...found];
}
