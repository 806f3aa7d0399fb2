import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeReferral, newPeople } from '../support/referrals.ts';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

/** The design pass over staff tables and banners (issue 17, item 9). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const person = newPeople('1979-01-01');

/** The rows of the summary list on a page, as [key, value] text. */
const summary = (html: string) =>
  [...html.matchAll(/<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map(
    (m) =>
      [
        (m[1] ?? '').replace(/<[^>]+>/g, '').trim(),
        (m[2] ?? '')
          .replace(/<br>/g, '\n')
          .replace(/<[^>]+>/g, '')
          .trim(),
      ] as const,
  );
/** A table section of the page after a heading (or the whole page), header cells and rows of cells as HTML. */
function table(html: string, after = '') {
  const from = html.slice(html.indexOf(after));
  const t0 = from.slice(from.indexOf('<table'), from.indexOf('</table>'));
  const head = [...t0.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => (m[1] ?? '').trim());
  const rows = [...t0.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
    .map((m) => [...(m[1] ?? '').matchAll(/<t[dh] [^>]*class="govuk-table__(?:cell|header)[^"]*"[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1] ?? ''))
    .filter((r) => r.length > 0 && !r[0]?.includes('scope="col"'));
  return { head, rows };
}

describe(`staff tables and banners on ${testDatabaseKind}`, () => {
  test('the inbox keeps references whole, shows statuses as tags, and no first-contact date once accepted', async () => {
    const waiting = await makeReferral(t, 'leicester', { ...person('waiting'), nhsNumber: '' });
    const taken = await makeReferral(t, 'leicester', { ...person('taken'), nhsNumber: '' });
    const s = browser(t.app);
    await s.signIn('specialist@leicester.bridgework.example');
    const accepted = await s.post(`/referrals/${taken.id}/accept`, { _csrf: await s.csrf(`/referrals/${taken.id}`) });
    expect(accepted.statusCode).toBe(303);

    const inbox = (await s.get('/referrals/inbox')).body;
    const fresh = table(inbox);
    expect(fresh.head).toContain('First contact due');
    const waitingRow = fresh.rows.find((r) => r[0]?.includes(waiting.reference));
    expect(waitingRow?.[0]).toMatch(/class="govuk-link app-nowrap"/);
    expect(waitingRow?.[3]).toMatch(/<strong class="govuk-tag govuk-tag--blue">Waiting for the team<\/strong>/);
    const working = table(inbox, 'Accepted and under way');
    expect(working.head).not.toContain('First contact due');
    const takenRow = working.rows.find((r) => r[0]?.includes(taken.reference));
    expect(takenRow?.[3]).toMatch(/govuk-tag--turquoise">Accepted</);
    expect(takenRow?.[4]).toBe('Triaged');

    // The accepted referral's page: the success banner and no warning for the normal open case, no first-contact date.
    const page = await s.get(accepted.headers.location as string);
    expect(page.body).toContain('govuk-notification-banner--success');
    expect(page.body).not.toContain('govuk-warning-text');
    expect(page.body).toContain('A case is open for this person.');
    expect(page.body).not.toContain('First contact due');
    const waitingPage = (await s.get(`/referrals/${waiting.id}`)).body;
    expect(summary(waitingPage).map(([k]) => k)).toContain('First contact due by');
  });

  test('the referral page shows the postcode alone on its Postcode row and the address on its own row', async () => {
    const r = await makeReferral(t, 'leicester', { ...person('postcode'), nhsNumber: '' });
    const s = browser(t.app);
    await s.signIn('specialist@leicester.bridgework.example');
    const rows = summary((await s.get(`/referrals/${r.id}`)).body);
    expect(rows).toContainEqual(['Postcode', 'LE1 6ZG']);
    expect(rows).toContainEqual(['Address', '1 High Street']);
  });

  test('the caseload has no column that is empty in every row; a young person is flagged by their name', async () => {
    const young = await makeReferral(t, 'leicester', { ...person('young'), dateOfBirth: '2006-05-01', neet: true, nhsNumber: '' });
    const s = browser(t.app);
    await s.signIn('specialist@leicester.bridgework.example');
    expect((await s.post(`/referrals/${young.id}/accept`, { _csrf: await s.csrf(`/referrals/${young.id}`) })).statusCode).toBe(303);
    const caseload = table((await s.get('/cases')).body);
    expect(caseload.head).not.toContain('Needs to know');
    for (let col = 0; col < caseload.head.length; col += 1) {
      expect(
        caseload.rows.some((r) => (r[col] ?? '').replace(/<[^>]+>/g, '').trim() !== ''),
        `column ${caseload.head[col]}`,
      ).toBe(true);
    }
    expect(caseload.rows.find((r) => r[0]?.includes('Alex Morgan') && r[0]?.includes('govuk-tag--purple'))).toBeDefined();
  });
});
