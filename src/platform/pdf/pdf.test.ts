import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { figureAlts } from '../../../test/support/pdf.ts';
import { confidenceMark, layoutPdf, type PdfBlock, type PdfChart, type PdfDocument, provenanceNote, renderPdf } from './index.ts';
import { cleanText, flowText, wrapLines } from './text.ts';

const latin1 = (pdf: Buffer) => pdf.toString('latin1');

/** A PDF literal string as pdfkit writes it: UTF-16BE with a byte order mark once any character is past ASCII. */
function pdfString(text: string): string {
  const bytes = /^[\x20-\x7e]*$/u.test(text)
    ? text
    : `\xfe\xff${[...text].map((c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff)).join('')}`;
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
  return `(${bytes.replace(/[\n\r\t\b\f\\()]/gu, (c) => escapes[c] ?? c)})`;
}

/** An entry of the Info dictionary as written: pdfkit writes each value as an object of its own. */
function infoEntry(pdf: Buffer, key: string): string | undefined {
  const text = latin1(pdf);
  const ref = new RegExp(`/${key} (\\d+) 0 R`, 'u').exec(text)?.[1];
  if (ref === undefined) return undefined;
  const start = text.indexOf(`\n${ref} 0 obj\n`);
  if (start === -1) return undefined;
  const body = start + `\n${ref} 0 obj\n`.length;
  return text.slice(body, text.indexOf('\nendobj', body));
}

/** The decompressed text of every Flate stream in the file. */
function streams(pdf: Buffer): string[] {
  const found: string[] = [];
  let at = pdf.indexOf('stream\n');
  while (at !== -1) {
    const start = at + 'stream\n'.length;
    const end = pdf.indexOf('\nendstream', start);
    if (end === -1) break;
    try {
      found.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      found.push(pdf.subarray(start, end).toString('latin1'));
    }
    at = pdf.indexOf('stream\n', end + '\nendstream'.length);
  }
  return found;
}

/** Each page's content stream, in page order (every page has at least its page number, an artifact). */
const pageStreams = (pdf: Buffer) => streams(pdf).filter((s) => s.includes(' BDC'));

const pageCount = (pdf: Buffer) => latin1(pdf).match(/\/Type \/Page\n/gu)?.length ?? 0;

function expectWellFormed(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(latin1(pdf.subarray(-16)).trimEnd().endsWith('%%EOF')).toBe(true);
}

const everyBlock: PdfBlock[] = [
  { kind: 'heading', text: 'What Bridgework holds about you', level: 1 },
  { kind: 'paragraph', text: 'This is a copy of the information we hold about you.\nIt was made on 12 March 2026.' },
  { kind: 'heading', text: 'About you', level: 2 },
  {
    kind: 'facts',
    rows: [
      { label: 'Name', value: 'Sam Example' },
      { label: 'Address', value: '1 High Street\nSwansea\nSA1 1AA' },
    ],
  },
  { kind: 'heading', text: 'Your goals', level: 3 },
  { kind: 'list', items: ['Find part-time work', 'Keep going to physiotherapy'] },
  {
    kind: 'table',
    head: ['Date', 'Who', 'What happened'],
    rows: [
      ['3 March 2026', 'Employment specialist', 'First meeting'],
      ['10 March 2026', 'GP', 'Fit note reviewed'],
    ],
  },
];

const hours = [0, 5, 10, 15, 16, 20, 25, 30, 35, 40];
const chart: PdfChart = {
  title: 'Money a month at 0 to 40 hours of work a week',
  description: 'Total money a month goes from £854.70 without work to £2,087.46 at 40 hours a week. The table after the chart gives every figure.',
  xLabel: 'Hours of work a week',
  yLabel: 'Pounds a month',
  series: [
    { label: 'Total money a month', pattern: 'solid', points: hours.map((x) => ({ x, y: 854.7 + 31 * x })) },
    { label: 'Universal Credit', pattern: 'dashed', points: hours.map((x) => ({ x, y: Math.max(0, 854.7 - 16 * x) })) },
    { label: 'Take-home pay', pattern: 'dotted', points: hours.map((x) => ({ x, y: 47 * x })) },
  ],
  xTicks: [0, 5, 10, 15, 20, 25, 30, 35, 40],
  yFormat: (y) => `£${y.toLocaleString('en-GB')}`,
  marker: { x: 16, label: '16 hours' },
};

describe('renderPdf', () => {
  test('renders every kind of block to a tagged A4 PDF with the font embedded and the metadata set', async () => {
    const pdf = await renderPdf({
      title: 'What Bridgework holds about you',
      language: 'en',
      author: 'Bridgework',
      subject: 'Subject access copy',
      blocks: everyBlock,
      footer: 'Official sensitive',
    });
    expectWellFormed(pdf);
    const text = latin1(pdf);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Regular/u);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Bold/u);
    expect(text).toMatch(/\/FontFile2 /u);
    expect(text).not.toContain('Helvetica');
    expect(infoEntry(pdf, 'Title')).toBe(pdfString('What Bridgework holds about you'));
    expect(infoEntry(pdf, 'Author')).toBe(pdfString('Bridgework'));
    expect(infoEntry(pdf, 'Subject')).toBe(pdfString('Subject access copy'));
    expect(text).toContain('/Lang (en-GB)');
    expect(text).toContain('/DisplayDocTitle true');
    expect(text).toContain('/Marked true');
    expect(text).toContain('/Type /StructTreeRoot');
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    for (const type of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']) expect(text).toContain(`/S /${type}\n`);
    expect(text).toContain('/Scope /Row');
    expect(text).toContain('/Scope /Column');
    expect(pageCount(pdf)).toBe(1);
  });

  test('renders Welsh with ŵ, ŷ and â from the embedded font, labelled as Welsh', async () => {
    const title = 'Beth mae Bridgework yn ei gadw amdanoch chi – dŵr a tŷ';
    const pdf = await renderPdf({
      title,
      language: 'cy',
      footer: 'Gwasanaeth iechyd a gwaith',
      blocks: [
        { kind: 'heading', text: 'Eich gwybodaeth' },
        { kind: 'paragraph', text: 'ŵ ŷ â ê î ô û ï ë Ŵ Ŷ – Dŵr, tŷ, gŵyl, ŷd, ffôn.' },
        { kind: 'facts', rows: [{ label: 'Enw', value: 'Siôn Gŵyn' }] },
        { kind: 'table', head: ['Dyddiad', 'Beth'], rows: [['1 Ionawr', 'Cyfarfod â’r cynghorydd']] },
      ],
    });
    expectWellFormed(pdf);
    const text = latin1(pdf);
    expect(infoEntry(pdf, 'Title')).toBe(pdfString(title));
    expect(text).toContain('/Lang (cy-GB)');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+SourceSans3-Regular/u);
    // The embedded subset maps glyphs back to ŵ (U+0175), ŷ (U+0177) and â (U+00E2), so they are drawn and extract as text.
    const toUnicode = streams(pdf)
      .filter((s) => s.includes('beginbfrange'))
      .join('\n');
    for (const code of ['0175', '0177', '00e2']) expect(toUnicode).toContain(`<${code}>`);
  });

  test('a long document runs onto more pages, each with its page number', async () => {
    const blocks: PdfBlock[] = [];
    for (let i = 1; i <= 15; i++) {
      blocks.push({ kind: 'heading', text: `Section ${i}`, level: 2 });
      blocks.push({ kind: 'paragraph', text: 'Bridgework holds this so that your employment specialist can support you. '.repeat(6) });
    }
    const pdf = await renderPdf({ title: 'Long', language: 'en', blocks });
    expectWellFormed(pdf);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    // Headings become bookmarks.
    expect(latin1(pdf)).toContain('/PageMode /UseOutlines');
    // Page numbers are marked as pagination artifacts, so a screen reader does not read them as content.
    expect(streams(pdf).filter((s) => s.includes('/Artifact <<\n/Type /Pagination')).length).toBe(pages);
  });

  test('a long table breaks across pages, tagging each row once', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Row ${i}`, i % 10 === 0 ? 'A long note. '.repeat(80) : 'Short note']);
    const pdf = await renderPdf({ title: 'Table', language: 'en', blocks: [{ kind: 'table', head: ['When', 'Note'], rows }] });
    expectWellFormed(pdf);
    expect(pageCount(pdf)).toBeGreaterThan(2);
    expect(latin1(pdf).match(/\/S \/TR\n/gu)).toHaveLength(rows.length + 1);
  });

  test('a very long string without spaces is broken onto lines rather than running off the page, and quickly', async () => {
    const word = 'x'.repeat(50_000);
    const started = performance.now();
    const pdf = await renderPdf({
      title: word,
      language: 'en',
      footer: word,
      blocks: [
        { kind: 'heading', text: word },
        { kind: 'paragraph', text: word },
        { kind: 'list', items: [word] },
        { kind: 'facts', rows: [{ label: word, value: word }] },
        { kind: 'table', head: [word], rows: [[word]] },
      ],
    });
    expectWellFormed(pdf);
    expect(pageCount(pdf)).toBeGreaterThan(5);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test('a kept-together group moves whole to the next page rather than split; a page break starts a new page', async () => {
    const group: PdfBlock[] = [
      { kind: 'heading', text: 'Protected period', level: 2 },
      {
        kind: 'facts',
        rows: [
          { label: 'From', value: '1 March 2026' },
          { label: 'Protected until', value: '28 February 2027' },
        ],
      },
      { kind: 'paragraph', text: 'Yours faithfully,\n\nSam Specialist, IPS team' },
    ];
    // Filler that leaves a few lines at the foot of page 1, whatever the exact line height.
    for (let lines = 36; lines <= 44; lines += 1) {
      const filler: PdfBlock = { kind: 'paragraph', text: Array.from({ length: lines }, (_, i) => `Line ${i + 1}`).join('\n') };
      const kept = await layoutPdf({ title: 'Kept', language: 'en', blocks: [filler, { kind: 'keep', label: 'period', blocks: group }] });
      expect(kept.layout.kept).toHaveLength(1);
      expect(kept.layout.kept[0]?.firstPage, `${lines} lines`).toBe(kept.layout.kept[0]?.lastPage);
      expect(pageCount(kept.pdf)).toBe(kept.layout.pages);
    }
    const broken = await layoutPdf({
      title: 'Break',
      language: 'en',
      blocks: [{ kind: 'paragraph', text: 'One' }, { kind: 'pageBreak' }, { kind: 'paragraph', text: 'Two' }],
    });
    expect(broken.layout.pages).toBe(2);
  });

  test('metadata that looks like XML or PDF syntax stays text', async () => {
    const title = 'Fish & chips <b>) ( \\ </rdf:li> endstream %%EOF';
    const pdf = await renderPdf({ title, author: 'A & B', language: 'en', blocks: [] });
    expectWellFormed(pdf);
    expect(infoEntry(pdf, 'Title')).toBe(pdfString(title));
    const xmp = streams(pdf).find((s) => s.includes('<x:xmpmeta'));
    expect(xmp).toContain('Fish &#38; chips &#60;b&#62;) ( \\ &#60;/rdf:li&#62; endstream %%EOF</rdf:li>');
    expect(xmp).toContain('<rdf:li>A &#38; B</rdf:li>');
  });

  test('the same document and creation date give the same bytes', async () => {
    const doc: PdfDocument = { title: 'Same', language: 'cy', blocks: everyBlock, createdAt: new Date('2026-03-12T09:00:00Z') };
    const [a, b] = await Promise.all([renderPdf(doc), renderPdf(doc)]);
    expect(a.equals(b)).toBe(true);
    expect(infoEntry(a, 'CreationDate')).toBe('(D:20260312090000Z)');
  });

  test('draws a chart as one Figure, read out as its title and description rather than the labels drawn in it', async () => {
    const pdf = await renderPdf({
      title: 'Chart',
      language: 'en',
      blocks: [
        { kind: 'heading', text: 'Money at different hours', level: 2 },
        { kind: 'chart', chart },
      ],
    });
    expectWellFormed(pdf);
    expect(pageCount(pdf)).toBe(1);
    expect(figureAlts(pdf)).toEqual([`${chart.title}. ${chart.description}`]);
    expect(latin1(pdf)).toMatch(/\/S \/Figure\n\/Alt \([^\n]*\)\n\/A <<\n\/O \/Layout\n\/Placement \/Block\n\/BBox \[64 [\d. ]+\]/u);
    // Everything drawn for the chart, its labels and legend included, is one marked-content sequence of the Figure.
    const page = pageStreams(pdf)[0] ?? '';
    const figure = page.slice(page.indexOf('/Figure <<'), page.indexOf('EMC', page.indexOf('/Figure <<')));
    expect(figure).toMatch(/^\/Figure <<\n\/MCID \d+\n>> BDC\n/u);
    expect(figure.match(/ BDC/gu)).toHaveLength(1);
    expect(figure.match(/\bTJ\b/gu)?.length).toBeGreaterThan(15);
    // Dashed and dotted lines, a clip to the plot, and filled point shapes: the lines are told apart without colour.
    expect(figure).toContain('[7 4] 0 d');
    expect(figure).toContain('[0.01 4] 0 d');
    expect(figure).toMatch(/ re\nW n\n/u);
    expect(figure.match(/\nf\n/gu)?.length).toBeGreaterThanOrEqual(3 * hours.length + 3);
  });

  test('a chart is kept whole on one page, with the heading before it', async () => {
    const filler: PdfBlock[] = Array.from({ length: 6 }, () => ({
      kind: 'paragraph',
      text: 'Bridgework holds this so that your employment specialist can support you. '.repeat(4),
    }));
    const pdf = await renderPdf({
      title: 'Chart',
      language: 'en',
      blocks: [...filler, { kind: 'heading', text: 'Money at different hours', level: 2 }, { kind: 'chart', chart }, ...filler],
    });
    const pages = pageStreams(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const first = pages.findIndex((s) => s.includes('/Figure <<'));
    expect(first).toBeGreaterThan(0);
    expect(pages.filter((s) => s.includes('/Figure <<'))).toHaveLength(1);
    expect(pages[first]).toContain('/H2 <<');
    expect(pages.slice(0, first).some((s) => s.includes('/H2 <<'))).toBe(false);
  });

  test('a chart and a creation date give the same bytes every time', async () => {
    const doc: PdfDocument = { title: 'Siart', language: 'cy', blocks: [...everyBlock, { kind: 'chart', chart }], createdAt: new Date('2026-03-12T09:00:00Z') };
    const [a, b] = await Promise.all([renderPdf(doc), renderPdf(doc)]);
    expect(a.equals(b)).toBe(true);
  });

  test('a chart with no data, flat data, odd numbers or a great many long labels still renders, on one page', async () => {
    const line = (points: { x: number; y: number }[]) => ({ label: 'Line', pattern: 'solid' as const, points });
    const charts: PdfChart[] = [
      { ...chart, series: [], xTicks: undefined, marker: undefined },
      { ...chart, series: [line([])] },
      { ...chart, series: [line(hours.map((x) => ({ x, y: 0 })))], xTicks: [] },
      { ...chart, series: [line([{ x: 7, y: 350 }])], xTicks: undefined, marker: { x: 7, label: '' } },
      {
        ...chart,
        series: [
          line([
            { x: Number.NaN, y: 1 },
            { x: 1, y: Number.POSITIVE_INFINITY },
            { x: 2, y: -50 },
            { x: 3, y: 40 },
          ]),
        ],
        xTicks: [Number.NaN, 0, 5],
        marker: { x: Number.NaN, label: 'nowhere' },
      },
      {
        ...chart,
        series: [
          line([
            { x: -1e300, y: -1e300 },
            { x: 1e300, y: 1e300 },
          ]),
        ],
        xTicks: undefined,
        marker: { x: 1e308, label: 'far' },
      },
      {
        ...chart,
        title: '',
        description: '',
        xLabel: 'x'.repeat(5000),
        yLabel: 'y '.repeat(2000),
        yFormat: (y) => `${y}`.repeat(200),
        series: Array.from({ length: 120 }, (_, i) => ({ label: `Series ${i} `.repeat(i % 7), pattern: 'dotted' as const, points: [{ x: i, y: i * i }] })),
      },
    ];
    for (const c of charts) {
      const pdf = await renderPdf({ title: 'Chart', language: 'en', blocks: [{ kind: 'chart', chart: c }] });
      expectWellFormed(pdf);
      expect(pageCount(pdf)).toBe(1);
      expect(latin1(pdf)).toContain('/S /Figure\n');
    }
  });

  test('any text in any block renders to a complete PDF', async () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }));
    const block: fc.Arbitrary<PdfBlock> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), text, level: fc.constantFrom(1 as const, 2 as const, 3 as const) }),
      fc.record({ kind: fc.constant('paragraph' as const), text }),
      fc.record({ kind: fc.constant('list' as const), items: fc.array(text, { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('facts' as const), rows: fc.array(fc.record({ label: text, value: text }), { maxLength: 4 }) }),
      fc.record({
        kind: fc.constant('table' as const),
        head: fc.array(text, { maxLength: 4 }),
        rows: fc.array(fc.array(text, { maxLength: 5 }), { maxLength: 4 }),
      }),
      fc.record({
        kind: fc.constant('chart' as const),
        chart: fc.record({
          title: text,
          description: text,
          xLabel: text,
          yLabel: text,
          series: fc.array(
            fc.record({
              label: text,
              pattern: fc.constantFrom('solid' as const, 'dashed' as const, 'dotted' as const),
              points: fc.array(fc.record({ x: fc.double(), y: fc.double() }), { maxLength: 6 }),
            }),
            { maxLength: 4 },
          ),
          marker: fc.option(fc.record({ x: fc.double(), label: text }), { nil: undefined }),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.option(text, { nil: undefined }), fc.array(block, { maxLength: 6 }), async (title, footer, blocks) => {
        expectWellFormed(await renderPdf({ title, language: 'en', blocks, footer }));
      }),
      { numRuns: 40 },
    );
  });
});

describe('text', () => {
  const measure = (s: string) => [...s].length;

  test('cleanText keeps Welsh letters, composes them and drops what cannot be shown', () => {
    expect(cleanText('dw\u0302r ty\u0302')).toBe('dŵr tŷ');
    expect(cleanText('a\u0000b\u0007c\r\nd\te\u202ef\ud800')).toBe('abc\nd ef\ufffd');
  });

  test('wrapLines keeps every line within the width, breaking long words', () => {
    const lines = wrapLines(`short words then ${'x'.repeat(25)} and more`, 10, measure);
    expect(lines.every((line) => measure(line) <= 10)).toBe(true);
    expect(lines).toEqual(['short', 'words then', 'x'.repeat(9), 'x'.repeat(9), 'x'.repeat(7), 'and more']);
    expect(wrapLines('', 10, measure)).toEqual(['']);
    expect(wrapLines('wide', 0, measure)).toEqual(['w', 'i', 'd', 'e']);
  });

  test('flowText breaks the text into lines that fit the column, a word wider than it on lines of its own', () => {
    const flowed = flowText(`a ${'y'.repeat(95)} b`, 30, measure);
    expect(flowed.split('\n').every((line) => measure(line) <= 30)).toBe(true);
    expect(flowed.replace(/\s/gu, '')).toBe(`a${'y'.repeat(95)}b`);
  });

  test('a web address breaks only after a slash, never at a hyphen or inside a part', () => {
    const url = 'https://www.gov.uk/government/publications/universal-credit-work-allowance-and-taper-rate/guidance-notes';
    for (const width of [20, 30, 45, 60]) {
      const lines = wrapLines(`See ${url} for more.`, width, measure);
      const pieces = lines.filter((l) => /gov|publications|universal|guidance/u.test(l));
      expect(lines.join('').replace(/^See|for more\.$/gu, '')).toContain(url);
      // Every line of the address but its last ends at a slash, unless a part between slashes is wider than the line.
      for (const piece of pieces.slice(0, -1)) {
        const part = piece.split(' ').at(-1) ?? '';
        expect(part.endsWith('/') || measure(part) > width * 0.9, `${width}: ${piece}`).toBe(true);
      }
    }
    // The same in a paragraph drawn by pdfkit: flowText hands it lines already broken.
    expect(flowText(url, 40, measure).split('\n').slice(0, 2)).toEqual(['https://www.gov.uk/government/', 'publications/']);
  });
});

describe('provenance: what rests on less than a primary source says so in the footer', () => {
  test.each([
    [['V'], 'en', null],
    [[], 'en', null],
    [['V', 'U'], 'en', 'Not checked against a primary source: [U] not verified, or platform policy.'],
    [
      ['U', 'S', 'D', 'S'],
      'en',
      'Not checked against a primary source: [S] from a secondary source, not the law itself; [D] worked out from other figures; [U] not verified, or platform policy.',
    ],
    [['S'], 'cy', 'Heb ei wirio yn erbyn ffynhonnell sylfaenol: [S] o ffynhonnell eilaidd, nid o’r gyfraith ei hun.'],
  ] as const)('%j in %s', (tags, lang, note) => {
    expect(provenanceNote(tags, lang)).toBe(note);
  });

  test('marks a value only when it is less than verified', () => {
    expect(confidenceMark('V')).toBe('');
    expect(confidenceMark('D')).toBe('[D]');
  });

  test('a document with a long footer and every tag still renders one well-formed page per page of content', async () => {
    const footer = 'Bridgework bridge-back guarantee. Verification code BW-7K3M-Q9PX-2D4R. '.repeat(3);
    for (const language of ['en', 'cy'] as const) {
      const pdf = await renderPdf({ title: 'Certificate', language, blocks: [{ kind: 'paragraph', text: 'One page.' }], footer, provenance: ['S', 'D', 'U'] });
      expectWellFormed(pdf);
      expect(latin1(pdf)).toMatch(/\/Type \/Pages\n\/Count 1\n/u);
    }
  });
});
