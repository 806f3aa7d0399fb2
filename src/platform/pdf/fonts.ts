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
