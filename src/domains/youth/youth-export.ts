import { formatIsoDate } from '../../platform/i18n/index.ts';
import { type ExportSectionsProvider, NO_EXPORT_SECTIONS } from '../participants/index.ts';
import { findPathway, offersOfCase } from './youth-repo.ts';

/** The young person's pathway for their download (the participants capability's export sections): their triage, clock and offers. */
export const youthExportSections: ExportSectionsProvider = async (tx, who) => {
  const pathway = await findPathway(tx, who.caseId);
  if (!pathway) return NO_EXPORT_SECTIONS;
  const offers = await offersOfCase(tx, who.caseId);
  return {
    ...NO_EXPORT_SECTIONS,
    youthPathway: {
      aims: pathway.aims,
      mentalHealth: pathway.mentalHealth,
      housing: pathway.housing,
      caring: pathway.caring,
      notes: pathway.notes,
      clockStartsOn: pathway.clockStartsOn,
      workingDays: pathway.workingDays,
      offerDue: pathway.offerDue,
      offers: offers.map((o) => ({
        id: o.id,
        type: o.type,
        provider: o.provider,
        details: o.details,
        offeredOn: o.offeredOn,
        startsOn: o.startsOn,
        status: o.status,
        declineReason: o.declineReason,
        takenUpOn: o.takenUpOn,
        sustainedOn: o.sustainedOn,
        endedOn: o.endedOn,
      })),
    },
    readable: (t, lang) => [
      {
        heading: t('youth.export.heading'),
        blocks: [
          { kind: 'paragraph' as const, text: t('youth.export.due', { due: formatIsoDate(pathway.offerDue, lang) }) },
          ...(offers.length
            ? [
                {
                  kind: 'list' as const,
                  items: offers.map((o) =>
                    t('youth.export.offer', {
                      type: t(`youth.type.${o.type}`),
                      provider: o.provider,
                      on: formatIsoDate(o.offeredOn, lang),
                      status: t(`youth.status.${o.status}`),
                    }),
                  ),
                },
              ]
            : []),
        ],
      },
    ],
  };
};
