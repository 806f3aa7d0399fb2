import { z } from 'zod';
import { isoDate } from '../../platform/errors/index.ts';
import { AWARD_BENEFITS, ESA_GROUPS, EVIDENCE_KINDS, isEsa, WITHDRAW_REASONS } from './guarantee.ts';

// Messages are catalogue keys: pages show them in English or Welsh, machines get them in English.
const optionalText = (max: number) => z.string({ error: 'guarantee.error.tooLong' }).trim().max(max, 'guarantee.error.tooLong').default('');
/** Checkboxes post one value or several under one name; JSON sends a list. */
const someOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.enum(values), z.array(z.enum(values))], { error: message })
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])])
    .refine((v) => v.length > 0, message);

/** The prior award as evidenced. The decision date must not be in the future: the service checks that with its clock. */
export const awardSchema = z
  .object({
    benefit: z.enum(AWARD_BENEFITS, { error: 'guarantee.error.benefit' }),
    esaGroup: z
      .union([z.literal(''), z.enum(ESA_GROUPS)], { error: 'guarantee.error.group' })
      .optional()
      .transform((v) => (v ? v : null)),
    decisionDate: isoDate('guarantee.error.decisionDate'),
    evidence: someOf(EVIDENCE_KINDS, 'guarantee.error.evidence'),
    evidenceNote: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (isEsa(v.benefit) && !v.esaGroup) ctx.addIssue({ code: 'custom', path: ['esaGroup'], message: 'guarantee.error.group' });
    if (v.evidence.includes('other') && !v.evidenceNote) ctx.addIssue({ code: 'custom', path: ['evidenceNote'], message: 'guarantee.error.evidenceNote' });
  })
  // An ESA group means nothing for Universal Credit; a radio once chosen cannot be unchosen, so it is ignored rather than refused.
  .transform((v) => ({ ...v, esaGroup: isEsa(v.benefit) ? v.esaGroup : null }));
export type AwardInput = z.output<typeof awardSchema>;

export const withdrawSchema = z.object({
  reason: z.enum(WITHDRAW_REASONS, { error: 'guarantee.error.withdrawReason' }),
  note: optionalText(1000),
});

export const createForJobSchema = z.object({ jobId: z.uuid('guarantee.error.job') });
