import { z } from 'zod';

/*
 * The tenant admin's two footer links (ADR 0039): the authority's privacy notice and its
 * accessibility statement for the service. Each is a web address starting with https:// (the
 * database holds the same check, migration 0024), or empty for Bridgework's own page. Every message
 * is a key under `links.error.`, one per box, so the error summary names the box.
 */

export type TenantLinks = { privacyNoticeUrl: string | null; accessibilityStatementUrl: string | null };

const MAX_LENGTH = 500;
const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : undefined), z.string().optional());

/** One box: why its address is refused, or null when it is fine. */
function addressProblem(url: string): 'https' | 'format' | 'tooLong' | null {
  if (url.length > MAX_LENGTH) return 'tooLong';
  if (!/^https:\/\//i.test(url)) return 'https';
  // A host with a dot, and no spaces anywhere: what a link in a footer needs to work.
  if (/\s/.test(url) || !z.url({ protocol: /^https$/, hostname: /\./ }).safeParse(url).success) return 'format';
  return null;
}

export const tenantLinksSchema = z.object({ privacyNoticeUrl: text, accessibilityStatementUrl: text }).transform((v, ctx): TenantLinks => {
  const out: TenantLinks = { privacyNoticeUrl: null, accessibilityStatementUrl: null };
  for (const [field, name] of [
    ['privacyNoticeUrl', 'privacy'],
    ['accessibilityStatementUrl', 'accessibility'],
  ] as const) {
    const url = v[field] ?? '';
    if (url === '') continue;
    const problem = addressProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: `links.error.${name}.${problem}` });
    else out[field] = url;
  }
  return out;
});
