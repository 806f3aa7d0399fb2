import type { FastifyRequest } from 'fastify';
import type { Language } from '../../../platform/db/index.ts';
import { LANGUAGE_COOKIE } from '../../../platform/http/pages.ts';
import { isLanguage, type Translate } from '../../../platform/i18n/index.ts';
import { PARTICIPANT_COOKIE, type ParticipantPrincipal, type ParticipantService } from '../participant-service.ts';

/**
 * The person signed in to their own pages, if any. The request then speaks their recorded language
 * (unless they chose the other with the toggle) and wears their council's branding.
 */
export async function signedInParticipant(
  request: FastifyRequest,
  participants: Pick<ParticipantService, 'loadSession'>,
  translator: (lang: Language) => Translate,
): Promise<ParticipantPrincipal | null> {
  const p = await participants.loadSession(request.cookies[PARTICIPANT_COOKIE]);
  if (!p) return null;
  if (!isLanguage(request.cookies[LANGUAGE_COOKIE])) {
    request.lang = p.language;
    request.t = translator(p.language);
  }
  await request.brandAs(p.tenantId);
  return p;
}
