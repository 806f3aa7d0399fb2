import { describe, expect, it } from 'vitest';
import { parseMultipart, pdfProblem, UploadedFile } from './multipart.ts';

const B = 'XyZ';
const body = (...parts: string[]) => Buffer.from(`${parts.map((p) => `--${B}\r\n${p}\r\n`).join('')}--${B}--\r\n`, 'latin1');

describe('parseMultipart', () => {
  it('reads text fields, repeated names as a list, and files with their type', () => {
    const parsed = parseMultipart(
      body(
        'Content-Disposition: form-data; name="title"\r\n\r\nAn agreement',
        'Content-Disposition: form-data; name="purposes"\r\n\r\nreferral-in',
        'Content-Disposition: form-data; name="purposes"\r\n\r\noutcomes',
        'Content-Disposition: form-data; name="signedCopy"; filename="C:\\scans\\dsa.pdf"\r\nContent-Type: Application/PDF\r\n\r\n%PDF-1.7\r\nbinary\r\n',
      ),
      B,
    );
    expect(parsed?.title).toBe('An agreement');
    expect(parsed?.purposes).toEqual(['referral-in', 'outcomes']);
    const file = parsed?.signedCopy as UploadedFile;
    expect(file).toBeInstanceOf(UploadedFile);
    expect([file.filename, file.contentType, file.bytes.toString('latin1')]).toEqual(['dsa.pdf', 'application/pdf', '%PDF-1.7\r\nbinary\r\n']);
    // The bytes are not an own enumerable member: the body checks walk names, not megabytes.
    expect(Object.keys(file)).toEqual(['filename', 'contentType', 'size']);
  });

  it('leaves out a file input left empty', () => {
    expect(parseMultipart(body('Content-Disposition: form-data; name="f"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n'), B)).toEqual({});
  });

  it.each([
    { name: 'no closing delimiter', raw: `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx` },
    { name: 'a part without a name', raw: `--${B}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${B}--\r\n` },
    { name: 'text before the first delimiter', raw: `junk\r\n--${B}--\r\n` },
    { name: 'a part without headers', raw: `--${B}\r\nno blank line\r\n--${B}--\r\n` },
  ])('refuses a body with $name', ({ raw }) => {
    expect(parseMultipart(Buffer.from(raw, 'latin1'), B)).toBeNull();
  });
});

describe('pdfProblem', () => {
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const file = (name: string, type: string, bytes: Buffer) => new UploadedFile(name, type, bytes);
  it.each([
    { name: 'a PDF', f: file('a.pdf', 'application/pdf', pdf), max: 100, out: null },
    { name: 'a PDF with an upper-case name and the older type', f: file('A.PDF', 'application/x-pdf', pdf), max: 100, out: null },
    { name: 'exactly at the limit', f: file('a.pdf', 'application/pdf', pdf), max: pdf.length, out: null },
    { name: 'one byte over the limit', f: file('a.pdf', 'application/pdf', pdf), max: pdf.length - 1, out: 'too-big' },
    { name: 'nothing sent', f: undefined, max: 100, out: 'missing' },
    { name: 'a text field', f: 'a.pdf', max: 100, out: 'missing' },
    { name: 'an empty file', f: file('a.pdf', 'application/pdf', Buffer.alloc(0)), max: 100, out: 'empty' },
    { name: 'a renamed Word file', f: file('a.pdf', 'application/pdf', Buffer.from('PK\u0003\u0004word')), max: 100, out: 'not-pdf' },
    { name: 'a PDF named .doc', f: file('a.doc', 'application/pdf', pdf), max: 100, out: 'not-pdf' },
    { name: 'a PDF sent as text', f: file('a.pdf', 'text/plain', pdf), max: 100, out: 'not-pdf' },
    { name: 'a signature not at the start', f: file('a.pdf', 'application/pdf', Buffer.from(' %PDF-1.4')), max: 100, out: 'not-pdf' },
  ])('$name: $out', ({ f, max, out }) => {
    expect(pdfProblem(f, max)).toBe(out);
  });
});
