import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Source Sans 3 (Adobe, SIL Open Font License 1.1), from the `source-sans` npm package. Its TrueType
 * faces cover Welsh in full (ŵ ŷ â ê î ô û ï ë …), which the standard 14 PDF fonts (WinAnsi) cannot.
 * pdfkit embeds only the glyphs a document uses.
 */
export const FONT_NAME = 'SourceSans3';

export const fontFiles = {
  regular: require.resolve('source-sans/TTF/SourceSans3-Regular.ttf'),
  bold: require.resolve('source-sans/TTF/SourceSans3-Bold.ttf'),
} as const;

export type FontFace = keyof typeof fontFiles;

/** A face as pdfkit parsed it (a fontkit font): pdfkit takes one wherever it takes a path. */
type ParsedFace = { postscriptName: string; layout: (...args: never[]) => unknown };

/**
 * Each face parsed once per process, not once per document. Given a path, pdfkit reads and parses
 * the TrueType file for every document, and decodes its tables again as the text is measured: about
 * 30 ms of the 35 ms of CPU a one-paragraph PDF cost. A parsed face only answers questions about
 * the font (glyphs, widths, substitutions), so documents can share it; each document still makes
 * its own subset of the glyphs it uses (ADR 0069).
 */
const parsedFaces = new Map<FontFace, ParsedFace>();

/** What to hand pdfkit for `face`: the parsed face once one document has parsed it, else the file. */
export function fontSource(face: FontFace): string {
  // pdfkit's types say a path (bytes, for `font()`); 0.20 takes a fontkit font too (anything with `layout`).
  return (parsedFaces.get(face) as unknown as string | undefined) ?? fontFiles[face];
}

/** Sets `face` as the document's font; the first time in a process, keeps the face pdfkit parsed. */
export function selectFace(doc: PDFKit.PDFDocument, face: FontFace): void {
  const parsed = parsedFaces.get(face);
  if (parsed) {
    // The face's own name as the cache key: the document finds the font it already embeds for the face.
    doc.font(parsed as unknown as Buffer, parsed.postscriptName);
    return;
  }
  doc.font(fontFiles[face]);
  rememberFace(doc, face);
}

/** Keeps the face the document's current font was parsed from, if pdfkit exposes it as expected. */
export function rememberFace(doc: PDFKit.PDFDocument, face: FontFace): void {
  const current = (doc as unknown as { _font?: { font?: Partial<ParsedFace> } })._font?.font;
  if (typeof current?.layout === 'function' && typeof current.postscriptName === 'string') parsedFaces.set(face, current as ParsedFace);
}
