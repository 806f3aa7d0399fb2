const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Makes any user input safe to lay out: well-formed UTF-16 (a lone surrogate becomes U+FFFD),
 * composed (NFC, so `w` + combining circumflex becomes the font's ŵ), one kind of line break, tabs
 * as spaces, no control or invisible format characters (the soft hyphen stays: pdfkit breaks lines
 * at it), and no more than a few combining marks on one letter.
 */
export function cleanText(text: string): string {
  return text
    .toWellFormed()
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\v\f\u0085]/gu, '\n')
    .replace(/\t/gu, ' ')
    .replace(/(?!\n)\p{Cc}|(?!\u00ad)\p{Cf}/gu, '')
    .replace(/(\p{M}{4})\p{M}+/gu, '$1');
}

/**
 * Readies cleaned text for pdfkit (headings, paragraphs, list items) in a column `width` wide, in
 * the font `measure` uses: runs of spaces become one, long runs of blank lines two, and the text is
 * broken into lines here (`wrapLines`), each a little narrower than the column so that pdfkit keeps
 * them as they are. Breaking here, not in pdfkit, is what keeps a web address whole or broken only
 * after a slash (pdfkit would break it at a hyphen, or anywhere once it was too long), and keeps a
 * pasted string of any length from costing pdfkit time and memory that grow with its square.
 */
export function flowText(text: string, width: number, measure: (s: string) => number): string {
  const collapsed = text.replace(/ {2,}/gu, ' ').replace(/\n{3,}/gu, '\n\n');
  return wrapLines(collapsed, Math.max(0, width - SLACK), measure).join('\n');
}

/** Points kept in hand on each pre-broken line, so pdfkit's own measure never finds it too wide. */
const SLACK = 2;

/**
 * Greedy line breaking at spaces for text drawn line by line (table cells, the footer): each
 * explicit line break is kept, and a word wider than the line is broken between characters (whole
 * graphemes), so nothing runs past `width`. Always returns at least one line, and at least one
 * grapheme per line however narrow `width` is.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  // Soft hyphens are break hints for pdfkit's own wrapping; this one does not hyphenate.
  for (const paragraph of text.replace(/\u00ad/gu, '').split('\n')) {
    let line = '';
    // Only ordinary spaces are break points: a no-break space keeps "16 hours" or "£1,000 a month" together as written.
    for (const word of paragraph.split(/ +/u)) {
      if (word === '') continue;
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate, width, measure)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      if (fits(word, width, measure)) {
        line = word;
        continue;
      }
      const pieces = splitWord(word, width, measure);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

/** The first `max` lines of `lines`, the last of them cut short with an ellipsis if any were dropped. */
export function clampLines(lines: readonly string[], max: number, width: number, measure: (s: string) => number): string[] {
  if (lines.length <= max) return [...lines];
  const kept = lines.slice(0, max);
  let last = kept[max - 1] ?? '';
  while (last !== '' && measure(`${last}…`) > width)
    last = [...segmenter.segment(last)]
      .slice(0, -1)
      .map((s) => s.segment)
      .join('');
  kept[max - 1] = `${last}…`;
  return kept;
}

/**
 * Whether `text` fits in `width`. Shaping a very long string just to learn that it is too wide is
 * slow, so one of more than 300 code units is taken not to fit: the caller then splits it by
 * adding up grapheme widths, which is right either way.
 */
function fits(text: string, width: number, measure: (s: string) => number): boolean {
  return text.length <= 300 && measure(text) <= width;
}

/**
 * Breaks a word too wide for `width`. A web address or path (anything with a slash) breaks only
 * after a slash, as many parts to a line as fit, so that every line of it still reads as part of an
 * address; only a part between slashes that is itself too wide is broken between graphemes.
 */
function splitWord(word: string, width: number, measure: (s: string) => number): string[] {
  if (!word.includes('/')) return splitGraphemes(word, width, measure);
  const parts = word.match(/[^/]*\/+|[^/]+$/gu) ?? [word];
  const pieces: string[] = [];
  let piece = '';
  for (const part of parts) {
    if (fits(piece + part, width, measure)) {
      piece += part;
      continue;
    }
    if (piece !== '') pieces.push(piece);
    piece = '';
    if (fits(part, width, measure)) {
      piece = part;
      continue;
    }
    const broken = splitGraphemes(part, width, measure);
    piece = broken.pop() ?? '';
    pieces.push(...broken);
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Breaks a word between graphemes into pieces no wider than `width` (at least one grapheme each).
 * Widths are added up grapheme by grapheme, each measured once, so a word of any length takes
 * time in proportion to its length; kerning is left out of the sum, so a little width is kept in hand.
 */
function splitGraphemes(word: string, width: number, measure: (s: string) => number): string[] {
  const widths = new Map<string, number>();
  const budget = width * 0.97;
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const { segment } of segmenter.segment(word)) {
    let w = widths.get(segment);
    if (w === undefined) {
      w = measure(segment);
      widths.set(segment, w);
    }
    if (piece !== '' && pieceWidth + w > budget) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += segment;
    pieceWidth += w;
  }
  pieces.push(piece);
  return pieces;
}
