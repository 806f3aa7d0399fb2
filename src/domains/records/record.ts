import type { Json, Timestamp } from '../../platform/db/index.ts';

/** How the person gave their consent to the record moving (as the referral's consent is recorded). */
export const CONSENT_METHODS = ['verbal', 'written', 'online'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A record that left this local authority for another area. */
export type TransferOut = {
  id: string;
  participantId: string;
  destination: string;
  consentGivenOn: string;
  consentMethod: ConsentMethod;
  bundleIdentifier: string;
  sentByName: string;
  sentAt: Date;
};

/** A record taken in from another local authority or installation, with where it came from. */
export type TransferIn = {
  id: string;
  source: string;
  bundleIdentifier: string;
  senderName: string;
  senderGssCode: string | null;
  recordAsOf: Date;
  personName: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  participantId: string | null;
  consentGivenOn: string;
  consentMethod: ConsentMethod;
  importedByName: string;
  importedAt: Date;
};

export type RecordTables = {
  record_transfers_out: {
    tenant_id: string;
    id: string;
    participant_id: string;
    destination: string;
    consent_given_on: string;
    consent_method: ConsentMethod;
    bundle_identifier: string;
    sent_by: string;
    sent_by_name: string;
    sent_at: Timestamp;
  };
  record_transfers_in: {
    tenant_id: string;
    id: string;
    source: string;
    bundle_identifier: string;
    sender_name: string;
    sender_gss_code: string | null;
    record_as_of: Timestamp;
    person_name: string;
    date_of_birth: string | null;
    nhs_number: string | null;
    participant_id: string | null;
    consent_given_on: string;
    consent_method: ConsentMethod;
    bundle: Json;
    imported_by_kind: 'user' | 'system';
    imported_by: string | null;
    imported_by_name: string;
    imported_at: Timestamp;
  };
};
