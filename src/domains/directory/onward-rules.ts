import { createHmac, timingSafeEqual } from 'node:crypto';

export const ONWARD_STATUSES = ['sent', 'accepted', 'declined', 'completed'] as const;
export type OnwardStatus = (typeof ONWARD_STATUSES)[number];
export type OnwardAction = 'accept' | 'decline' | 'outcome';
export type LinkPurpose = 'respond' | 'outcome';

/** What a person may agree to share with a provider; the need (what help is asked for) is always sent. */
export const SHAREABLE_ITEMS = ['name', 'contact', 'date-of-birth', 'address'] as const;
export type ShareableItem = (typeof SHAREABLE_ITEMS)[number];

/**
 * The status an action leads to, or null when the action does not apply: the provider accepts or
 * declines a referral that was sent, and records the outcome of one it accepted.
 */
export function nextOnwardStatus(from: OnwardStatus, action: OnwardAction): OnwardStatus | null {
  if (from === 'sent' && action === 'accept') return 'accepted';
  if (from === 'sent' && action === 'decline') return 'declined';
  if (from === 'accepted' && action === 'outcome') return 'completed';
  return null;
}

/**
 * The version of an onward referral as a FHIR Task (ETag, If-Match): each status is one step further
 * than the last, and a referral never goes back, so the step is the version.
 */
export const onwardVersion = (status: OnwardStatus): number => (status === 'sent' ? 1 : status === 'completed' ? 3 : 2);

/** The link purpose that allows an action: answering a referral, or recording its outcome. */
export const purposeFor = (action: OnwardAction): LinkPurpose => (action === 'outcome' ? 'outcome' : 'respond');

/** The details a person agreed to share, and nothing else, from what the case holds. */
export function sharedDetails(
  person: {
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    email: string | null;
    phone: string | null;
    addressLine1: string;
    town: string | null;
    postcode: string;
  },
  items: readonly ShareableItem[],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (items.includes('name')) out.name = `${person.givenName} ${person.familyName}`;
  if (items.includes('contact')) {
    if (person.email) out.email = person.email;
    if (person.phone) out.phone = person.phone;
  }
  if (items.includes('date-of-birth')) out.dateOfBirth = person.dateOfBirth;
  if (items.includes('address')) out.address = [person.addressLine1, person.town, person.postcode].filter(Boolean).join(', ');
  return out;
}

export type LinkParts = { tenantId: string; referralId: string; purpose: LinkPurpose; expiresAt: number; nonce: string };

const signature = (secret: string, p: LinkParts) =>
  createHmac('sha256', secret).update(`onward:${p.tenantId}:${p.referralId}:${p.purpose}:${p.expiresAt}:${p.nonce}`).digest('base64url');

/** A link token: its parts in the clear and an HMAC over them, so a changed part (a later expiry, another referral) does not verify. */
export function signLink(secret: string, p: LinkParts): string {
  return [p.tenantId, p.referralId, p.purpose, String(p.expiresAt), p.nonce, signature(secret, p)].join('.');
}

/** The parts of a token whose signature verifies, or null (malformed, altered, or signed with another key). */
export function readLink(secret: string, token: string): LinkParts | null {
  const parts = token.split('.');
  if (parts.length !== 6) return null;
  const [tenantId = '', referralId = '', purpose = '', expires = '', nonce = '', mac = ''] = parts;
  if ((purpose !== 'respond' && purpose !== 'outcome') || !/^[0-9]{1,15}$/.test(expires) || nonce.length < 16) return null;
  const p: LinkParts = { tenantId, referralId, purpose, expiresAt: Number(expires), nonce };
  const expected = Buffer.from(signature(secret, p));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? p : null;
}

export type LinkState = 'valid' | 'invalid' | 'expired' | 'used';

/**
 * Whether a verified link may be used now. The referral keeps the hash of its one live link's
 * random part: a link already used (or replaced by a newer one) no longer matches; past its expiry
 * it is expired, even unused.
 */
export function linkState(
  p: LinkParts | null,
  stored: { nonceHash: string | null; purpose: LinkPurpose | null } | null,
  nonceHash: string | null,
  now: number,
): LinkState {
  if (p === null || stored === null) return 'invalid';
  if (stored.nonceHash === null || stored.nonceHash !== nonceHash || stored.purpose !== p.purpose) return 'used';
  if (now >= p.expiresAt) return 'expired';
  return 'valid';
}

/**
 * Whether a provider is due a reminder: still waiting on them (an answer to a sent referral, an
 * outcome of an accepted one), `days` or more since the referral was sent or last reminded.
 */
export function onwardReminderDue(r: { status: OnwardStatus; waitingSince: Date; remindedAt: Date | null }, now: Date, days: number): boolean {
  if (r.status !== 'sent' && r.status !== 'accepted') return false;
  const since = r.remindedAt && r.remindedAt > r.waitingSince ? r.remindedAt : r.waitingSince;
  return now.getTime() - since.getTime() >= days * 86_400_000;
}
