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
 * Readies cleaned text for pdfkit's own wrapping (headings, paragraphs, list items) in a column
 * `width` wide, in the font `measure` uses: runs of spaces become one, long runs of blank lines
 * two, and a word too wide for the column is broken between graphemes onto lines of its own.
 * pdfkit would break such a word itself, but in time and memory that grow with the square of its
 * length, which a long enough pasted string turns into a crash.
 */
export function flowText(text: string, width: number, measure: (s: string) => number): string {
  return text
    .replace(/ {2,}/gu, ' ')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/[^ \n]{8,}/gu, (word) => (fits(word, width, measure) ? word : splitWord(word, width, measure).join('\n')));
}

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
    for (const word of paragraph.split(/\s+/u)) {
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
 * Breaks a word between graphemes into pieces no wider than `width` (at least one grapheme each).
 * Widths are added up grapheme by grapheme, each measured once, so a word of any length takes
 * time in proportion to its length; kerning is left out of the sum, so a little width is kept in hand.
 */
function splitWord(word: string, width: number, measure: (s: string) => number): string[] {
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
