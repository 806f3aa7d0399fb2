export type { PdfChart } from './chart.ts';
export { type Confidence, confidenceMark, provenanceNote } from './provenance.ts';
export { layoutPdf, type PdfBlock, type PdfDocument, type PdfLayout, renderPdf } from './render.ts';
