export type { PdfChart } from './chart.ts';
export { type PdfBlock, type PdfDocument, renderPdf } from './render.ts';
