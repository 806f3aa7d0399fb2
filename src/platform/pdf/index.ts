export type { PdfChart } from './chart.ts';
export { type Confidence, confidenceMark, provenanceNote } from './provenance.ts';
export { type PdfBlock, type PdfDocument, renderPdf } from './render.ts';
