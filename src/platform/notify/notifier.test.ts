import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../test/support/test-db.ts';
import { fixedClock } from '../clock/index.ts';
import { newId } from '../db/index.ts';
import { createJobRunner } from '../jobs/index.ts';
import {
  createOutboxNotifier,
  listOutbox,
  type Notifier,
  personChannel,
  queueNotification,
  queueNotifications,
  SEND_NOTIFICATION_JOB,
  sendNotificationHandler,
} from './notifier.ts';

let t: TestDatabase;
const clock = fixedClock('2026-11-23T09:00:00Z');
const tenantId = newId();
const message = () => ({
  tenantId,
  id: newId(),
  channel: 'email' as const,
  recipient: 'sam@example.org',
  template: 'test',
  subject: 'Hello',
  body: 'A message',
  language: 'en' as const,
});

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.owner.insertInto('tenants').values({ id: tenantId, gss_code: 'W06000015', name: 'Cardiff', name_cy: 'Caerdydd', nation: 'wales' }).execute();
}, 120_000);
afterAll(() => t.dispose());

const runnerWith = (notifier: Notifier) =>
  createJobRunner({ db: t.db, clock, handlers: { [SEND_NOTIFICATION_JOB]: sendNotificationHandler({ db: t.db, clock, notifier }) } });

describe(`notifications on ${testDatabaseKind}`, () => {
  test('a message queued in a transaction that rolls back is neither kept nor sent', async () => {
    const m = message();
    await expect(
      t.db.inTenant(tenantId, async (tx) => {
        await queueNotification(tx, clock, m);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    expect((await listOutbox(t.db, tenantId)).map((r) => r.id)).not.toContain(m.id);
  });

  test('without Notify, a queued message is kept in the outbox, and the queue row holds only ids', async () => {
    const m = message();
    await t.db.inTenant(tenantId, (tx) => queueNotification(tx, clock, m));
    const job = await t.db.global((tx) => tx.selectFrom('jobs').selectAll().where('name', '=', SEND_NOTIFICATION_JOB).executeTakeFirstOrThrow());
    expect(job.payload).toEqual({ messageId: m.id });
    await runnerWith(createOutboxNotifier()).runDue();
    const row = (await listOutbox(t.db, tenantId)).find((r) => r.id === m.id);
    expect(row).toMatchObject({ recipient: 'sam@example.org', subject: 'Hello', state: 'kept' });
  });

  test('several messages queued together are each kept once, with one job each', async () => {
    const ms = [message(), message(), message()];
    await t.db.inTenant(tenantId, (tx) => queueNotifications(tx, clock, ms));
    const jobs = await t.db.global((tx) => tx.selectFrom('jobs').select('payload').where('name', '=', SEND_NOTIFICATION_JOB).execute());
    for (const m of ms) expect(jobs.filter((j) => (j.payload as { messageId: string }).messageId === m.id)).toHaveLength(1);
    await runnerWith(createOutboxNotifier()).runDue();
    const outbox = await listOutbox(t.db, tenantId);
    for (const m of ms) expect(outbox.find((r) => r.id === m.id)?.state).toBe('kept');
  });

  test('a person is written to by email, or else by text, and never by a way they refused', () => {
    const person = { email: 'sam@example.com', phone: '07700900123', doNotContact: [] };
    expect(personChannel(person)).toEqual({ channel: 'email', recipient: 'sam@example.com' });
    expect(personChannel({ ...person, doNotContact: ['email'] })).toEqual({ channel: 'sms', recipient: '07700900123' });
    expect(personChannel({ ...person, email: null })).toEqual({ channel: 'sms', recipient: '07700900123' });
    expect(personChannel({ ...person, doNotContact: ['email', 'text'] })).toBeNull();
    expect(personChannel({ email: null, phone: null, doNotContact: [] })).toBeNull();
    // Text first for someone who asked to be texted, unless they also refused texts.
    expect(personChannel({ ...person, contactMethod: 'text' })).toEqual({ channel: 'sms', recipient: '07700900123' });
    expect(personChannel({ ...person, contactMethod: 'text', doNotContact: ['text'] })).toEqual({ channel: 'email', recipient: 'sam@example.com' });
    expect(personChannel({ ...person, contactMethod: 'phone' })).toEqual({ channel: 'email', recipient: 'sam@example.com' });
  });
});
