import { type FontFace, selectFace } from './fonts.ts';

/** Declares what pdfkit accepts at run time but @types/pdfkit leaves out. */
declare global {
  namespace PDFKit.Mixins {
    interface StructureElementOptions {
      /** For TH: which cells it heads. */
      scope?: 'Row' | 'Column' | 'Both';
      /** The area the element takes on its page (left, top, right, bottom from the top left), written as its layout BBox. */
      bbox?: [number, number, number, number];
      /** How the element sits in the flow of the page, written as its layout Placement. */
      placement?: 'Block' | 'Inline';
    }
  }
}

/** A4 in points, with margins wide enough to read comfortably and room below for the footer. */
export const PAGE = { size: 'A4', margins: { top: 60, left: 64, right: 64, bottom: 84 } } as const;

export const TYPE = {
  body: 12,
  lineGap: 3,
  small: 10,
  heading: {
    1: { size: 24, before: 18, after: 10 },
    2: { size: 18, before: 16, after: 8 },
    3: { size: 14, before: 12, after: 6 },
  },
  blockGap: 10,
  gridGap: 20,
} as const;

export const COLOUR = { text: '#0b0c0c', secondary: '#505a5f', rule: '#b1b4b6' } as const;

/** What the block renderers share: the document, its structure root and the text column. */
export type Layout = {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
  left: number;
  width: number;
};

export function useFont(doc: PDFKit.PDFDocument, face: FontFace, size: number): void {
  selectFace(doc, face);
  doc.fontSize(size);
}

/** The height of one line of text in the current font and size, with the document's line gap. */
export function lineHeight(doc: PDFKit.PDFDocument): number {
  return doc.currentLineHeight(true) + TYPE.lineGap;
}

export function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.maxY();
}

export function pageTop(doc: PDFKit.PDFDocument): number {
  return doc.page.margins.top;
}

/** Starts a new page unless `height` more fits on this one (or this page is still empty). */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > pageBottom(doc) && doc.y > pageTop(doc)) newPage(doc);
}

/** A new page, carrying on any open tagged content; the cursor at its top. */
export function newPage(doc: PDFKit.PDFDocument): void {
  doc.continueOnNewPage();
  doc.y = pageTop(doc);
}

/** Draws decoration (rules, repeated table heads, the footer) as an artifact: not part of the text a reader hears. */
export function asArtifact(doc: PDFKit.PDFDocument, draw: () => void, pagination = false): void {
  doc.markContent('Artifact', pagination ? { type: 'Pagination' } : undefined);
  draw();
  doc.endMarkedContent();
}

export function horizontalRule(doc: PDFKit.PDFDocument, x: number, y: number, width: number, thickness = 1): void {
  asArtifact(doc, () => {
    doc
      .save()
      .lineWidth(thickness)
      .strokeColor(COLOUR.rule)
      .moveTo(x, y)
      .lineTo(x + width, y)
      .stroke()
      .restore();
  });
}
