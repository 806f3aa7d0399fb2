import { z } from 'zod';
import { isoDate } from '../../platform/errors/index.ts';
import { CONSENT_METHODS } from './record.ts';

// Messages are catalogue keys: pages show them in English or Welsh.
const consent = {
  consentGivenOn: isoDate('records.error.consentGivenOn'),
  consentMethod: z.enum(CONSENT_METHODS, { error: 'records.error.consentMethod' }),
};

/** Sending a person's record to another area: where to, and the person's consent to it. */
export const transferOutSchema = z.object({
  destination: z.string({ error: 'records.error.destination' }).trim().min(1, 'records.error.destination').max(200, 'records.error.destinationLength'),
  ...consent,
});

/** Taking a record in: the person's consent, as the receiving team recorded it. */
export const transferInSchema = z.object(consent);

/** Why staff are exporting a record for a subject-access request, kept in the audit trail. */
export const subjectAccessSchema = z.object({
  reason: z.string({ error: 'records.error.reason' }).trim().min(1, 'records.error.reason').max(500, 'records.error.reasonLength'),
});
