/** Reading what a tagged PDF from src/platform/pdf says about its structure, without a PDF library. */

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** A PDF literal string's bytes (between its parentheses) as text: escapes undone, UTF-16BE when it starts with a byte order mark. */
function decodePdfString(raw: string): string {
  const bytes = raw.replace(/\\([nrtbf()\\])/gu, (_, c: string) => ESCAPES[c] ?? c);
  if (!bytes.startsWith('\xfe\xff')) return bytes;
  let text = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return text;
}

/** The alternative text of every `Figure` structure element, in the order written. */
export function figureAlts(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/S \/Figure\n\/Alt \(((?:[^\\)]|\\[\s\S])*)\)/gu)].map((m) => decodePdfString(m[1] ?? ''));
}
