import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTranslator } from '../../platform/i18n/index.ts';
import { type PdfBlock, renderPdf } from '../../platform/pdf/index.ts';
import { findObligationWording } from '../participation/index.ts';
import { referralMessages } from '../referrals/index.ts';
import { caseMessages } from './case-messages.ts';
import { buildExport, participantExportSchema } from './participant-export.ts';
import { buildExportPdf, eventDetail, formatDay } from './participant-export-pdf.ts';
import { participantMessages } from './web/participant-messages.ts';

const translator = createTranslator([caseMessages, referralMessages, participantMessages]);
const at = (iso: string) => new Date(iso);

import { held, ids, record } from '../../../test/support/participant-record.ts';

function blockText(b: PdfBlock): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.join('\n');
    case 'facts':
      return b.rows.map((r) => `${r.label}: ${r.value}`).join('\n');
    case 'table':
      return [b.head, ...b.rows].map((r) => r.join(' | ')).join('\n');
    case 'chart':
      return `${b.chart.title}\n${b.chart.description}`;
    case 'keep':
      return b.blocks.map(blockText).join('\n');
    case 'pageBreak':
      return '';
  }
}
const textOf = (blocks: readonly PdfBlock[]) => blocks.map(blockText).join('\n');

describe('the machine-readable export', () => {
  const generatedAt = at('2026-11-23T09:00:00Z');

  test('is the documented version 1 shape, with codes and ISO dates', () => {
    const data = participantExportSchema.parse(buildExport(record(), generatedAt));
    expect(data).toMatchObject({
      format: 'bridgework.participant-record',
      version: 1,
      generatedAt: '2026-11-23T09:00:00.000Z',
      person: { givenName: 'Rhian', familyName: 'Evans', dateOfBirth: '1984-06-30', nhsNumber: '9434765919' },
      contact: { town: 'Caerdydd', postcode: 'CF10 1AA', email: 'rhian@example.com' },
      preferences: { language: 'cy', contactMethod: 'email', doNotContact: ['post'] },
      accessibilityNeeds: 'Large print letters',
      participation: { regime: 'voluntary-health', reason: null },
      case: { id: ids.case, team: 'Cardiff IPS team', phase: 'in-work', openedAt: '2026-11-02T10:00:00.000Z', closedAt: null, healthTeam: ['Dr Priya Shah'] },
      referral: {
        reference: 'BW-TEST-0001',
        receivedAt: '2026-11-01T09:00:00.000Z',
        health: { conditionsText: 'Anxiety', conditionCategories: ['mental-health'], fitNote: 'may-be-fit', fitNoteAdvice: 'Altered hours' },
      },
      profile: { workHistory: 'Shop work for 10 years', healthInOwnWords: 'Busy places make me anxious', updatedAt: '2026-11-05T10:00:00.000Z' },
    });
    expect(data.consents).toEqual({
      current: ['share-with-employment-team', 'contact-employers'],
      changes: [{ at: '2026-11-22T10:00:00.000Z', by: 'Rhian Evans', withdrawn: ['share-with-health-team'], given: ['contact-employers'] }],
    });
    expect(data.plan[1]).toEqual({
      id: ids.action,
      kind: 'action',
      goalId: ids.goal,
      text: 'Update my CV',
      owner: 'participant',
      dueOn: '2026-11-30',
      status: 'done',
      addedBy: 'participant',
      createdAt: '2026-11-06T10:00:00.000Z',
    });
    expect(data.appointments).toEqual([
      {
        id: ids.appointment,
        startsAt: '2026-11-20T10:00:00.000Z',
        mode: 'in-person',
        place: 'Cardiff Central Library',
        attendanceRequired: false,
        outcome: 'attended',
        outcomeNote: null,
        followUpOf: null,
      },
    ]);
    expect(data.jobs[0]?.weeks).toEqual([{ week: 1, hours: 16, hourlyPay: null }]);
    expect(data.history.map((e) => e.kind)).toEqual(['consent', 'plan', 'phase']);
    expect(data.benefitsBeforeWork).toEqual([]);
    expect(data.bridgeBackGuarantees).toEqual([]);
  });

  test('holds what other capabilities add about the person, as they give it', () => {
    const data = participantExportSchema.parse(buildExport(record({ sections: held }), generatedAt));
    expect(data.version).toBe(1);
    expect(data.benefitsBeforeWork).toEqual(held.benefitsBeforeWork);
    expect(data.bridgeBackGuarantees).toEqual(held.bridgeBackGuarantees);
  });

  test('a version 1 copy made before the benefit sections were added still reads as version 1', () => {
    const { benefitsBeforeWork: _b, bridgeBackGuarantees: _g, ...older } = buildExport(record(), generatedAt);
    const data = participantExportSchema.parse(older);
    expect(data.version).toBe(1);
    expect(data.benefitsBeforeWork).toBeUndefined();
  });

  test('a record without health fields exports them as null, never leaves them out', () => {
    const data = participantExportSchema.parse(buildExport(record({ health: null }), generatedAt));
    expect(data.referral.health).toBeNull();
    expect(data.profile.healthInOwnWords).toBeNull();
  });

  test('the shape can be published as a JSON Schema', () => {
    const schema = z.toJSONSchema(participantExportSchema) as { required: string[]; description: string };
    expect(schema.description).toBe('A copy of everything Bridgework holds about one person');
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'person', 'consents', 'referral', 'case', 'history', 'jobs']));
    // Added to version 1 later, so optional to a reader of older copies.
    expect(schema.required).not.toContain('benefitsBeforeWork');
    expect(schema.required).not.toContain('bridgeBackGuarantees');
  });
});

describe('the readable export', () => {
  const generatedAt = at('2026-11-23T09:00:00Z');

  test('is in the reader’s language, with every section', () => {
    const cy = buildExportPdf(record(), translator('cy'), 'cy', generatedAt);
    expect(cy.language).toBe('cy');
    expect(cy.title).toBe('Copi o bopeth sydd gennym amdanoch chi');
    const headings = cy.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toEqual([
      'Amdanoch chi',
      'Sut rydych chi’n cymryd rhan',
      'Yr hyn rydych chi’n cytuno iddo',
      'Eich atgyfeiriad',
      'Eich iechyd',
      'Eich cymorth',
      'Eich proffil gwaith',
      'Eich cynllun',
      'Apwyntiadau',
      'Nodiadau',
      'Swyddi',
      'Beth sydd wedi digwydd',
    ]);
    const text = textOf(cy.blocks);
    expect(text).toContain('30 Mehefin 1984');
    expect(text).toContain('Busy places make me anxious');
    expect(text).toContain('Cardiff Central Library');
    expect(text).toContain('Nid ydych chi’n cytuno mwyach i: Rhannu sut rydw i’n dod yn fy mlaen gyda fy nhîm iechyd.');

    const en = textOf(buildExportPdf(record(), translator('en'), 'en', generatedAt).blocks);
    expect(en).toContain('What your referral said about your health: Anxiety');
    expect(en).toContain('Update my CV: To do → Done');
    expect(en).toContain('Getting to know you → Vocational profile');
    expect(en).toContain('Library assistant, City Library');
  });

  test('adds what other capabilities hold after the jobs, in the reader’s words, and says when nothing is held', () => {
    for (const lang of ['en', 'cy'] as const) {
      const doc = buildExportPdf(record({ sections: held }), translator(lang), lang, generatedAt);
      const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b.kind === 'heading' ? b.text : ''));
      const [benefit, guarantees] = held.readable(translator(lang), lang).map((s) => s.heading);
      expect(headings.slice(-4)).toEqual([translator(lang)('participant.export.jobs'), benefit, guarantees, translator(lang)('participant.export.history')]);
      const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === benefit);
      expect(textOf(doc.blocks.slice(at, at + 5))).toBe(
        [benefit, 'Universal Credit (LCWRA)', guarantees, translator(lang)('participant.export.nothing'), translator(lang)('participant.export.history')].join(
          '\n',
        ),
      );
    }
  });

  test('has no obligation or sanction wording for a voluntary participant, in English or Welsh', () => {
    for (const lang of ['en', 'cy'] as const) {
      const doc = buildExportPdf(record(), translator(lang), lang, generatedAt);
      expect(findObligationWording([doc.title, doc.footer ?? '', textOf(doc.blocks)].join('\n'))).toEqual([]);
    }
  });

  test('renders to a PDF', async () => {
    const pdf = await renderPdf(buildExportPdf(record(), translator('cy'), 'cy', generatedAt));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('a closed case says why it closed; an empty record says nothing was recorded', () => {
    const closed = record({
      summary: { ...record().summary, phase: 'closed', closedAt: at('2026-11-23T09:00:00Z'), closureReason: 'left-programme' },
      plan: [],
      appointments: [],
      notes: [],
      jobs: [],
      events: [],
    });
    const text = textOf(buildExportPdf(closed, translator('en'), 'en', generatedAt).blocks);
    expect(text).toContain('Why support ended: Left the programme');
    expect(text.match(/Nothing recorded\./g)?.length).toBe(5);
  });

  test('dates are words in either language', () => {
    expect(formatDay('2026-03-01', 'en')).toBe('1 March 2026');
    expect(formatDay('2026-03-01', 'cy')).toBe('1 Mawrth 2026');
    expect(formatDay('not a date', 'en')).toBe('not a date');
  });

  test('an entry the reader has no label for is "another change", with its words', () => {
    const e = { id: 'x', at: generatedAt, actorName: 'Sam', kind: 'something-new', from: null, to: null, reason: 'Because', details: {} };
    expect(eventDetail(e, record(), translator('en'), 'en')).toBe('Because');
  });
});
