import type { LoadedSession, Principal } from '../auth/index.ts';
import type { Language } from '../db/index.ts';
import type { Translate } from '../i18n/index.ts';
import type { TenantBranding } from './branding.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (pages) or the authenticated client (API, FHIR); null when anonymous. */
    principal: Principal | null;
    /** A session part-way through its second factor: only the second-factor pages accept it. */
    pendingSession: LoadedSession | null;
    lang: Language;
    t: Translate;
    cspNonce: string;
    csrfToken: string;
    /** The local authority whose service the page belongs to (header, footer); null: none known. */
    branding: TenantBranding | null;
    brandAs(tenantId: string): Promise<void>;
  }
  interface FastifyInstance {
    /** Every route registered, method and URL pattern. */
    registeredRoutes: readonly { method: string; url: string }[];
  }
  interface FastifyReply {
    /** Renders a page with the layout's context (language, CSRF token, principal) and sends it. */
    page(template: string, context?: Readonly<Record<string, unknown>>, status?: number): FastifyReply;
  }
}
