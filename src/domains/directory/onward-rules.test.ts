import { describe, expect, test } from 'vitest';
import {
  type LinkParts,
  linkState,
  nextOnwardStatus,
  onwardReminderDue,
  onwardVersion,
  purposeFor,
  readLink,
  sharedDetails,
  signLink,
} from './onward-rules.ts';

const SECRET = 'test-secret-that-is-long-enough-for-hmac';
const parts: LinkParts = {
  tenantId: '0193b2c4-0000-7000-8000-000000000001',
  referralId: '0193b2c4-0000-7000-8000-000000000002',
  purpose: 'respond',
  expiresAt: Date.parse('2026-12-15T09:00:00Z'),
  nonce: 'abcdefghijklmnopqrstuvwx',
};
const NOW = Date.parse('2026-12-01T09:00:00Z');

describe('the onward referral lifecycle', () => {
  test.each([
    ['sent', 'accept', 'accepted'],
    ['sent', 'decline', 'declined'],
    ['sent', 'outcome', null],
    ['accepted', 'outcome', 'completed'],
    ['accepted', 'accept', null],
    ['accepted', 'decline', null],
    ['declined', 'accept', null],
    ['declined', 'outcome', null],
    ['completed', 'outcome', null],
    ['completed', 'decline', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextOnwardStatus(from, action)).toBe(to);
  });

  test('accepting and declining take an answering link; the outcome takes an outcome link', () => {
    expect(purposeFor('accept')).toBe('respond');
    expect(purposeFor('decline')).toBe('respond');
    expect(purposeFor('outcome')).toBe('outcome');
  });
});

describe('signed links: signature, expiry and single use', () => {
  const token = signLink(SECRET, parts);

  test('a token reads back to its parts with the right key only', () => {
    expect(readLink(SECRET, token)).toEqual(parts);
    expect(readLink('another-secret-of-some-sufficient-length', token)).toBeNull();
  });

  test.each([
    ['a later expiry', (p: string[]) => p.with(3, String(parts.expiresAt + 86_400_000))],
    ['another referral', (p: string[]) => p.with(1, '0193b2c4-0000-7000-8000-000000000003')],
    ['another tenant', (p: string[]) => p.with(0, '0193b2c4-0000-7000-8000-000000000009')],
    ['the outcome purpose', (p: string[]) => p.with(2, 'outcome')],
    ['an unknown purpose', (p: string[]) => p.with(2, 'delete')],
    ['another nonce', (p: string[]) => p.with(4, 'zyxwvutsrqponmlkjihgfedc')],
    ['a short nonce', (p: string[]) => p.with(4, 'short')],
    ['a forged signature', (p: string[]) => p.with(5, 'AAAA')],
    ['a missing part', (p: string[]) => p.slice(0, 5)],
    ['an extra part', (p: string[]) => [...p, 'x']],
    ['a non-numeric expiry', (p: string[]) => p.with(3, 'soon')],
  ])('changing %s breaks it', (_what, change) => {
    expect(readLink(SECRET, change(token.split('.')).join('.'))).toBeNull();
  });

  test.each([
    { why: 'unused, before expiry', stored: { nonceHash: 'h1', purpose: 'respond' }, hash: 'h1', now: NOW, state: 'valid' },
    { why: 'one millisecond before expiry', stored: { nonceHash: 'h1', purpose: 'respond' }, hash: 'h1', now: parts.expiresAt - 1, state: 'valid' },
    { why: 'at expiry', stored: { nonceHash: 'h1', purpose: 'respond' }, hash: 'h1', now: parts.expiresAt, state: 'expired' },
    { why: 'after expiry', stored: { nonceHash: 'h1', purpose: 'respond' }, hash: 'h1', now: parts.expiresAt + 1, state: 'expired' },
    { why: 'used (the referral keeps no live link)', stored: { nonceHash: null, purpose: null }, hash: 'h1', now: NOW, state: 'used' },
    { why: 'replaced by a newer link', stored: { nonceHash: 'h2', purpose: 'respond' }, hash: 'h1', now: NOW, state: 'used' },
    { why: 'used and expired: used wins', stored: { nonceHash: null, purpose: null }, hash: 'h1', now: parts.expiresAt + 1, state: 'used' },
    { why: 'the live link is for the outcome now', stored: { nonceHash: 'h1', purpose: 'outcome' }, hash: 'h1', now: NOW, state: 'used' },
    { why: 'no such referral', stored: null, hash: 'h1', now: NOW, state: 'invalid' },
  ] as const)('$why → $state', ({ stored, hash, now, state }) => {
    expect(linkState(parts, stored, hash, now)).toBe(state);
  });

  // Signed with the right key but not a shape the service ever issues: the shape checks refuse it
  // before the signature is compared (a leaked key must not make any string a usable link).
  test.each([
    ['an unknown purpose', { purpose: 'delete' }],
    ['an empty purpose', { purpose: '' }],
    ['a non-numeric expiry', { expiresAt: 'soon' }],
    ['an expiry with a letter before it', { expiresAt: 'x1765789200000' }],
    ['an expiry with a letter after it', { expiresAt: '1765789200000x' }],
    ['an expiry of 16 digits', { expiresAt: '1765789200000000' }],
    ['a nonce of 15 characters', { nonce: 'abcdefghijklmno' }],
  ])('a token signed with %s is refused', (_what, change) => {
    expect(readLink(SECRET, signLink(SECRET, { ...parts, ...change } as unknown as LinkParts))).toBeNull();
  });

  test.each([
    ['the outcome purpose', { purpose: 'outcome' }],
    ['a nonce of 16 characters', { nonce: 'abcdefghijklmnop' }],
    ['an expiry of 15 digits', { expiresAt: 176578920000000 }],
  ] as const)('a token signed with %s is read', (_what, change) => {
    const p = { ...parts, ...change } as LinkParts;
    expect(readLink(SECRET, signLink(SECRET, p))).toEqual(p);
  });

  test('a link is used when the referral keeps none, even if no hash is given', () => {
    expect(linkState(parts, { nonceHash: null, purpose: 'respond' }, null, NOW)).toBe('used');
  });

  test('a token that does not verify is invalid whatever is stored', () => {
    expect(linkState(null, { nonceHash: 'h1', purpose: 'respond' }, 'h1', NOW)).toBe('invalid');
  });
});

describe('only what the person agreed is shared', () => {
  const person = {
    givenName: 'Daniel',
    familyName: 'Okoro',
    dateOfBirth: '1985-11-30',
    email: 'daniel@example.com',
    phone: '07700 900123',
    addressLine1: '1 High Street',
    town: 'Leicester',
    postcode: 'LE4 6AB',
  };
  test.each([
    [[], {}],
    [['name'], { name: 'Daniel Okoro' }],
    [['contact'], { email: 'daniel@example.com', phone: '07700 900123' }],
    [['date-of-birth'], { dateOfBirth: '1985-11-30' }],
    [['address'], { address: '1 High Street, Leicester, LE4 6AB' }],
    [
      ['name', 'contact', 'date-of-birth', 'address'],
      { name: 'Daniel Okoro', email: 'daniel@example.com', phone: '07700 900123', dateOfBirth: '1985-11-30', address: '1 High Street, Leicester, LE4 6AB' },
    ],
  ] as const)('%j → %j', (items, shared) => {
    expect(sharedDetails(person, items)).toEqual(shared);
  });

  test('contact details the person does not have are left out, not sent empty', () => {
    expect(sharedDetails({ ...person, email: null, town: null }, ['contact', 'address'])).toEqual({ phone: '07700 900123', address: '1 High Street, LE4 6AB' });
    expect(sharedDetails({ ...person, email: null, phone: null }, ['contact'])).toEqual({});
  });
});

describe('reminders within the tenant’s service level', () => {
  const sent = new Date('2026-12-01T09:00:00Z');
  const at = (days: number, hours = 0) => new Date(sent.getTime() + days * 86_400_000 + hours * 3_600_000);
  test.each([
    { status: 'sent', reminded: null, now: at(4, 23), days: 5, due: false },
    { status: 'sent', reminded: null, now: at(5), days: 5, due: true },
    { status: 'accepted', reminded: null, now: at(5), days: 5, due: true },
    { status: 'declined', reminded: null, now: at(30), days: 5, due: false },
    { status: 'completed', reminded: null, now: at(30), days: 5, due: false },
    { status: 'sent', reminded: at(5), now: at(9, 23), days: 5, due: false },
    { status: 'sent', reminded: at(5), now: at(10), days: 5, due: true },
    { status: 'sent', reminded: null, now: at(1), days: 1, due: true },
  ] as const)('$status, reminded $reminded, now $now, every $days days → $due', ({ status, reminded, now, days, due }) => {
    expect(onwardReminderDue({ status, waitingSince: sent, remindedAt: reminded }, now, days)).toBe(due);
  });

  test('a reminder older than the wait (an outcome now awaited) counts from the wait', () => {
    expect(onwardReminderDue({ status: 'accepted', waitingSince: at(8), remindedAt: at(5) }, at(12), 5)).toBe(false);
    expect(onwardReminderDue({ status: 'accepted', waitingSince: at(8), remindedAt: at(5) }, at(13), 5)).toBe(true);
  });
});

describe('the version of an onward referral as a FHIR Task', () => {
  test('each step is one version further, and the answers share theirs', () => {
    expect(onwardVersion('sent')).toBe(1);
    expect(onwardVersion('accepted')).toBe(2);
    expect(onwardVersion('declined')).toBe(2);
    expect(onwardVersion('completed')).toBe(3);
  });
});
