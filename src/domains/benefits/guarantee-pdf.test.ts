import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../platform/i18n/index.ts';
import { layoutPdf, type PdfBlock, type PdfDocument } from '../../platform/pdf/index.ts';
import type { Award, AwardBenefit, Guarantee } from './guarantee.ts';
import { guaranteeMessages } from './guarantee-messages.ts';
import { certificateDocument, type GuaranteeDocument, returnPackDocument } from './guarantee-pdf.ts';
import { protectionFor } from './guarantee-rules.ts';

// What the certificate and the return pack say, block by block, in both languages: the law as it
// stands (no revoked rule, income-related ESA ended by date, DWP may still reassess) and a footer
// that owns up to anything resting on less than a primary source.
const translate = createTranslator([guaranteeMessages]);

function documentFor(benefit: AwardBenefit, decisionDate: string, jobStart: string, over: Partial<Guarantee> = {}): GuaranteeDocument {
  const p = protectionFor({ award: { benefit, decisionDate }, jobStartDate: jobStart });
  const esaGroup = benefit.startsWith('esa') ? ('wrag' as const) : null;
  const award: Award = {
    id: 'a1',
    caseId: 'c1',
    benefit,
    esaGroup,
    decisionDate,
    evidence: ['award-letter'],
    evidenceNote: '',
    recordedAt: new Date('2026-01-01T09:00:00Z'),
    recordedBy: 'Sam Specialist',
  };
  const guarantee: Guarantee = {
    id: 'g1',
    caseId: 'c1',
    jobId: 'j1',
    awardId: 'a1',
    status: 'active',
    startsOn: p.startsOn,
    protectedUntil: p.protectedUntil,
    protectingRule: p.protectingRule,
    rules: { applied: p.applied, notApplied: p.notApplied },
    job: { employer: 'Cardiff Bakery', role: 'Baker', startDate: jobStart },
    award: { benefit, esaGroup, decisionDate },
    verificationCode: 'BW-7K3M-Q9PX-2D4R',
    remindedAt: null,
    usedAt: null,
    jobEndedOn: null,
    withdrawnAt: null,
    withdrawnReason: null,
    withdrawnNote: null,
    restatedAt: null,
    restatedFrom: null,
    createdAt: new Date(`${jobStart}T09:00:00Z`),
    version: 1,
    ...over,
  };
  return {
    guarantee,
    award,
    person: { name: 'Carys Jones', dateOfBirth: '1990-05-04', address: '1 High Street, Cardiff' },
    teamName: 'IPS team',
    councilName: 'Cardiff Council',
    councilNameCy: 'Cyngor Caerdydd',
    specialistName: 'Sam Specialist',
    checkUrl: 'https://bridgework.example/check-a-guarantee',
    issuedAt: new Date('2026-12-02T09:00:00Z'),
  };
}

const blockWords = (b: PdfBlock): string => {
  if (b.kind === 'heading' || b.kind === 'paragraph') return b.text;
  if (b.kind === 'list') return b.items.join('\n');
  if (b.kind === 'facts') return b.rows.map((r) => `${r.label}: ${r.value}`).join('\n');
  if (b.kind === 'keep') return b.blocks.map(blockWords).join('\n');
  return '';
};
const words = (doc: PdfDocument): string => doc.blocks.map(blockWords).join('\n');

describe('the certificate', () => {
  test.each(['en', 'cy'] as const)('Carys (income-related ESA, LCW since June 2025) is protected to 2 September 2026, not 2028 (%s)', (lang) => {
    const doc = certificateDocument(documentFor('esa-income-related', '2025-06-01', '2026-03-02'), translate(lang), lang);
    const text = words(doc);
    expect(text).not.toMatch(/\b104\b|\b2028\b/u);
    expect(text).toContain(lang === 'en' ? '2 September 2026' : '2 Medi 2026');
    // Protected past 1 July 2026: the return is to UC or New Style ESA from that day.
    expect(text).toContain(
      lang === 'en' ? 'on or after 1 July 2026, it is a claim for Universal Credit' : 'ar 1 Gorffennaf 2026 neu wedyn, cais am Gredyd Cynhwysol',
    );
    expect(text).toContain('SI 2026/409'.replace('SI', lang === 'en' ? 'SI' : 'OS'));
    expect(text).toContain(lang === 'en' ? 'DWP can still carry out a new assessment' : 'Gall DWP gynnal asesiad newydd o hyd');
    // The platform promise is [U] and the end of income-related ESA is [S]: the footer says what each means.
    expect(doc.provenance).toEqual(expect.arrayContaining(['U', 'S']));
  });

  test('a Universal Credit certificate cites regulation 28(3)-(4)(b) and says DWP may reassess', () => {
    const text = words(certificateDocument(documentFor('uc-lcwra', '2025-01-10', '2026-11-16'), translate('en'), 'en'));
    expect(text).toContain('regulation 28(3) and (4)(b)');
    expect(text).toContain('DWP can still carry out a new Work Capability Assessment if the person’s condition changes');
    expect(text).not.toContain('income-related');
  });

  test('a guarantee stored before the re-statement names the revoked rule as revoked, never as law', () => {
    const d = documentFor('esa-new-style', '2025-06-01', '2026-03-02');
    const revoked = { rule: 'esa-work-or-training' as const, until: '2028-02-28', statutory: true, parameters: [] };
    d.guarantee = {
      ...d.guarantee,
      protectingRule: 'esa-work-or-training',
      protectedUntil: '2028-02-28',
      rules: { applied: [...d.guarantee.rules.applied, revoked], notApplied: [] },
    };
    const text = words(certificateDocument(d, translate('en'), 'en'));
    expect(text).toContain('An ESA linking term revoked on 1 May 2012');
    expect(text).toContain('is not law, so it protects nothing');
    expect(text).not.toMatch(/\b104\b|work or training/u);
  });
});

describe('the return pack', () => {
  test.each(['en', 'cy'] as const)('an income-related ESA job ending after 1 July 2026 returns to UC or New Style ESA (%s)', (lang) => {
    const d = documentFor('esa-income-related', '2025-06-01', '2026-03-02', {
      status: 'used',
      jobEndedOn: '2026-08-14',
      usedAt: new Date('2026-08-14T09:00:00Z'),
    });
    const doc = returnPackDocument(d, translate(lang), lang);
    const text = words(doc);
    expect(text).toContain(lang === 'en' ? 'this return is a claim for Universal Credit, or for New Style ESA' : 'cais am Gredyd Cynhwysol yw’r dychwelyd hwn');
    expect(text).toContain(lang === 'en' ? 'Claim Universal Credit (or New Style ESA' : 'Credyd Cynhwysol (neu ESA Dull Newydd');
    expect(text).not.toContain(lang === 'en' ? 'Claim income-related ESA' : '(ESA yn seiliedig ar incwm)');
    expect(text).toContain(lang === 'en' ? 'DWP may still carry out a new assessment' : 'Gall DWP gynnal asesiad newydd o hyd');
    expect(text).not.toMatch(/No new assessment is due|Nid oes asesiad newydd yn ddyledus/u);
    expect(doc.provenance).toEqual(expect.arrayContaining(['S', 'U']));
  });

  test('a job ending before 1 July 2026 returns to income-related ESA', () => {
    const d = documentFor('esa-income-related', '2025-06-01', '2026-03-02', {
      status: 'used',
      jobEndedOn: '2026-05-01',
      usedAt: new Date('2026-05-01T09:00:00Z'),
    });
    const text = words(returnPackDocument(d, translate('en'), 'en'));
    expect(text).toContain('Claim income-related ESA again');
    expect(text).not.toContain('this return is a claim for Universal Credit');
  });

  test('never gives DWP a revoked rule as a reason', () => {
    const d = documentFor('esa-new-style', '2025-06-01', '2026-03-02', { status: 'used', jobEndedOn: '2026-04-01', usedAt: new Date('2026-04-01T09:00:00Z') });
    d.guarantee.rules.applied.push({ rule: 'esa-work-or-training', until: '2028-02-28', statutory: true, parameters: [] });
    const text = words(returnPackDocument(d, translate('en'), 'en'));
    expect(text).not.toMatch(/revoked|104|2028/u);
  });
});

describe('laid out on A4', () => {
  // Each document rendered as it is downloaded: its pages, and no kept-together group across a page break.
  const cases = [
    ['a Universal Credit certificate', () => certificateDocument(documentFor('uc-lcwra', '2025-01-10', '2026-11-16'), translate('en'), 'en'), 3],
    [
      'an income-related ESA certificate in Welsh',
      () => certificateDocument(documentFor('esa-income-related', '2025-06-01', '2026-03-02'), translate('cy'), 'cy'),
      3,
    ],
    [
      'a return pack',
      () =>
        returnPackDocument(
          documentFor('esa-income-related', '2025-06-01', '2026-03-02', { status: 'used', jobEndedOn: '2026-08-14', usedAt: new Date('2026-08-14T09:00:00Z') }),
          translate('en'),
          'en',
        ),
      3,
    ],
    [
      'a Welsh return pack',
      () =>
        returnPackDocument(
          documentFor('uc-lcwra', '2025-01-10', '2026-03-02', { status: 'used', jobEndedOn: '2026-08-14', usedAt: new Date('2026-08-14T09:00:00Z') }),
          translate('cy'),
          'cy',
        ),
      3,
    ],
  ] as const;
  test.each(cases)('%s runs to at most its pages, with every kept-together group on one page', async (_, make, most) => {
    const { layout } = await layoutPdf(make());
    expect(layout.pages).toBeLessThanOrEqual(most);
    expect(layout.kept.length).toBeGreaterThan(0);
    expect(layout.kept.filter((k) => k.firstPage !== k.lastPage)).toEqual([]);
  });

  test('the certificate keeps "Protected until" with its heading, and the return pack its signature with "Yours faithfully"', async () => {
    const cert = await layoutPdf(certificateDocument(documentFor('uc-lcwra', '2025-01-10', '2026-11-16'), translate('en'), 'en'));
    expect(cert.layout.kept.map((k) => k.label)).toEqual(expect.arrayContaining(['period', 'check']));
    const packDoc = returnPackDocument(
      documentFor('uc-lcwra', '2025-01-10', '2026-03-02', { status: 'used', jobEndedOn: '2026-08-14', usedAt: new Date('2026-08-14T09:00:00Z') }),
      translate('en'),
      'en',
    );
    const signOff = packDoc.blocks.find((b) => b.kind === 'keep' && b.label === 'sign-off');
    expect(signOff && blockWords(signOff)).toMatch(/Yours faithfully[\s\S]*Sam Specialist/u);
  });
});
