import { formatIsoDate } from '../../platform/i18n/index.ts';
import { type ExportSectionsProvider, NO_EXPORT_SECTIONS } from '../participants/index.ts';
import { findByParticipant, fitNotesOf, weeksOf } from './retention-repo.ts';

/** Support to stay in work for the person's download (the participants capability's export sections). */
export const retentionExportSections: ExportSectionsProvider = async (tx, who) => {
  const found = await findByParticipant(tx, who.participantId);
  if (!found) return NO_EXPORT_SECTIONS;
  const [notes, weeks] = [await fitNotesOf(tx, found.id), await weeksOf(tx, found.id)];
  return {
    ...NO_EXPORT_SECTIONS,
    inWorkRetention: [
      {
        id: found.id,
        referredBy: found.referredBy,
        employer: found.employerName,
        jobTitle: found.jobTitle,
        hoursPerWeek: found.hoursPerWeek,
        absenceSpells: found.absenceSpells,
        absenceDays: found.absenceDays,
        status: found.status,
        adjustments: found.adjustments,
        planSharedWithEmployer: found.planSharedWithEmployer,
        fitNotes: notes.map((n) => ({
          fitness: n.fitness,
          advice: n.advice,
          condition: n.condition,
          comments: n.comments,
          from: n.from,
          to: n.to,
          followUpNeeded: n.followUpNeeded,
          issuedOn: n.issuedOn,
        })),
        phasedReturn: weeks.map((w) => ({
          week: w.week,
          startsOn: w.startsOn,
          endsOn: w.endsOn,
          hours: w.hours,
          duties: w.duties,
          reviewOn: w.reviewOn,
          doneAt: w.doneAt ? w.doneAt.toISOString() : null,
        })),
        outcome: found.outcome,
        absenceDaysAfter: found.absenceDaysAfter,
      },
    ],
    readable: (t, lang) => [
      {
        heading: t('retention.export.heading'),
        blocks: [
          {
            kind: 'paragraph' as const,
            text: t('retention.export.job', { job: found.jobTitle, employer: found.employerName, status: t(`retention.status.${found.status}`) }),
          },
          ...(weeks.length
            ? [
                {
                  kind: 'list' as const,
                  items: weeks.map((w) =>
                    t('retention.export.week', { week: String(w.week), from: formatIsoDate(w.startsOn, lang), hours: String(w.hours), duties: w.duties }),
                  ),
                },
              ]
            : []),
        ],
      },
    ],
  };
};
