import type { FastifyInstance } from 'fastify';

/**
 * A file sent in a `multipart/form-data` form. Its bytes sit in a private field, so the body
 * checks that walk every member of a parsed body (body-check.ts) see its name and type only.
 */
export class UploadedFile {
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly #bytes: Buffer;
  constructor(filename: string, contentType: string, bytes: Buffer) {
    this.filename = filename;
    this.contentType = contentType;
    this.size = bytes.length;
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

export type MultipartBody = Record<string, string | string[] | UploadedFile>;

/** The most a multipart form may send, across every part (a 5 MB file and its form). */
export const MULTIPART_BODY_LIMIT = 6 * 1024 * 1024;
const MAX_PARTS = 200;

const CRLF2 = Buffer.from('\r\n\r\n');

function headerParam(header: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  return m ? (m[1] as string) : null;
}

/**
 * A multipart/form-data body as form fields: text parts as strings (a name sent more than once,
 * as checkboxes are, as a list) and file parts as `UploadedFile`. A file input left empty (no
 * file name) is left out, as an empty text box is. Null when the body is not well formed.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody | null {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter has no line break before it: add one so every delimiter looks the same.
  const data = Buffer.concat([Buffer.from('\r\n'), body]);
  const out: MultipartBody = {};
  let at = data.indexOf(delimiter);
  if (at !== 0) return null;
  for (let parts = 0; ; parts++) {
    const afterDelimiter = at + delimiter.length;
    if (data.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') return out;
    if (parts >= MAX_PARTS) return null;
    const headersAt = afterDelimiter + 2;
    const headersEnd = data.indexOf(CRLF2, headersAt);
    if (headersEnd < 0) return null;
    const next = data.indexOf(delimiter, headersEnd + 4);
    if (next < 0) return null;
    const headers = data.subarray(headersAt, headersEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const type = headers.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '') ?? 'text/plain';
    const name = headerParam(disposition, 'name');
    if (name === null) return null;
    const content = data.subarray(headersEnd + 4, next);
    const filename = headerParam(disposition, 'filename');
    if (filename !== null) {
      // Some browsers send the whole path; only the last part is the file's name.
      const base = filename.split(/[\\/]/).pop() ?? '';
      if (base !== '') out[name] = new UploadedFile(base, type.trim().toLowerCase(), Buffer.from(content));
    } else {
      const value = content.toString('utf8');
      const had = out[name];
      out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : typeof had === 'string' ? [had, value] : value;
    }
    at = next;
  }
}

/** Accepts multipart/form-data bodies (file uploads) up to MULTIPART_BODY_LIMIT, parsed by `parseMultipart`. */
export function registerMultipart(app: FastifyInstance): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MULTIPART_BODY_LIMIT }, (request, body, done) => {
    const boundary = headerParam(`;${String(request.headers['content-type'] ?? '').replace(/^[^;]*/, '')}`, 'boundary');
    const parsed = boundary ? parseMultipart(body as Buffer, boundary) : null;
    if (parsed) return done(null, parsed);
    const error = Object.assign(new Error('The form upload is not well formed'), { statusCode: 400 });
    done(error, undefined);
  });
}

export type PdfProblem = 'missing' | 'empty' | 'too-big' | 'not-pdf';

/**
 * Why an uploaded file is not acceptable as a PDF of at most `maxBytes`: none sent, empty, too
 * big, or not a PDF. A PDF has the `.pdf` name, says it is `application/pdf`, and (what a renamed
 * file cannot fake) starts with the `%PDF-` signature.
 */
export function pdfProblem(file: unknown, maxBytes: number): PdfProblem | null {
  if (!(file instanceof UploadedFile)) return 'missing';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'too-big';
  const named = /\.pdf$/i.test(file.filename);
  const declared = file.contentType === 'application/pdf' || file.contentType === 'application/x-pdf';
  const signed = file.bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  return named && declared && signed ? null : 'not-pdf';
}
