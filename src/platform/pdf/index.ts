export { type PdfBlock, type PdfDocument, renderPdf } from './render.ts';
