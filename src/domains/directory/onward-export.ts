import { formatIsoDate, londonIsoDate } from '../../platform/i18n/index.ts';
import { type ExportSectionsProvider, NO_EXPORT_SECTIONS } from '../participants/index.ts';
import { ONWARD_COLUMNS, onwardTables as tables, toOnward } from './onward-repo.ts';

/** The person's onward referrals for their download and portable record (the participants capability's export sections). */
export const onwardExportSections: ExportSectionsProvider = async (tx, who) => {
  const rows = await tables(tx)
    .selectFrom('onward_referrals')
    .select(ONWARD_COLUMNS)
    .where('participant_id', '=', who.participantId)
    .orderBy('sent_at', 'desc')
    .execute();
  const onward = rows.map(toOnward);
  return {
    ...NO_EXPORT_SECTIONS,
    // The readable copy: each referral in the reader's words; no blocks when there is none.
    readable: (t, lang) => [
      {
        heading: t('onward.export.heading'),
        blocks: onward.length
          ? [
              {
                kind: 'list' as const,
                items: onward.map((o) =>
                  t('onward.export.item', { service: o.serviceName, on: formatIsoDate(londonIsoDate(o.sentAt), lang), status: t(`onward.status.${o.status}`) }),
                ),
              },
            ]
          : [],
      },
    ],
    onwardReferrals: onward.map((o) => ({
      id: o.id,
      service: o.serviceName,
      status: o.status,
      need: o.need,
      sentAt: o.sentAt.toISOString(),
      updatedAt: (o.completedAt ?? o.respondedAt ?? o.sentAt).toISOString(),
      outcome: o.outcome ?? o.declineReason,
    })),
  };
};
