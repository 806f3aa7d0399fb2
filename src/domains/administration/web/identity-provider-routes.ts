import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  actorOf,
  backChannelLogoutPath,
  formatRoleMap,
  JWKS_PATH,
  type OidcService,
  PROVIDER_KINDS,
  ROLES,
  requireRole,
  type StaffService,
} from '../../../platform/auth/index.ts';
import { DomainError, parseInput } from '../../../platform/errors/index.ts';
import { type FormErrors, formErrors } from '../../../platform/http/pages.ts';
import { formatMoment } from '../../../platform/i18n/index.ts';

const VIEWS = 'administration/web/views';
const idSchema = z.object({ id: z.uuid('The id must be a UUID') });
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type ProviderForm = Record<string, string>;

/**
 * The tenant admin's sign-in settings (ADR 0044): the tenant's identity providers (Entra ID, NHS
 * CIS2), whether local passwords are still allowed, and the links from a provider's identity to a
 * staff account.
 */
export function registerIdentityProviderPages(app: FastifyInstance, deps: { oidc: OidcService; staff: StaffService; baseUrl: string }): void {
  const { oidc } = deps;
  const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');

  async function renderList(request: FastifyRequest, reply: FastifyReply, tenantId: string, errors?: FormErrors, status = 200) {
    const [providers, local] = await Promise.all([oidc.listProviders(tenantId), oidc.localSignInAllowed(tenantId)]);
    return reply.page(
      `${VIEWS}/sign-in-providers.njk`,
      {
        title: request.t('providers.title'),
        saved: (request.query as Record<string, string | undefined>).saved ?? null,
        local,
        errors,
        rows: providers.map((p) => [
          { html: `<a class="govuk-link" href="/admin/sign-in/providers/${p.id}">${escapeHtml(p.name)}</a>` },
          { text: request.t(`providers.kind.${p.kind}`) },
          { text: request.t(p.enabled ? 'providers.status.on' : 'providers.status.off') },
        ]),
        redirectUri: oidc.redirectUri,
        jwksUri: `${deps.baseUrl}${JWKS_PATH}`,
      },
      status,
    );
  }

  app.get('/admin/sign-in', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    return renderList(request, reply, user.tenantId);
  });

  app.post('/admin/sign-in/local', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const choice = bodyOf(request).localSignIn;
    if (choice !== 'yes' && choice !== 'no') {
      return renderList(request, reply, user.tenantId, formErrors([{ path: 'localSignIn', message: 'providers.local.error' }], request.t), 400);
    }
    await oidc.setLocalSignIn(user.tenantId, actorOf(user), choice === 'yes');
    return reply.redirect('/admin/sign-in?saved=local', 303);
  });

  function renderProvider(request: FastifyRequest, reply: FastifyReply, values: ProviderForm, providerId: string | null, errors?: FormErrors, status = 200) {
    return reply.page(
      `${VIEWS}/sign-in-provider.njk`,
      {
        title: request.t(providerId ? 'providers.edit.title' : 'providers.new.title'),
        action: providerId ? `/admin/sign-in/providers/${providerId}` : '/admin/sign-in/providers/new',
        values,
        errors,
        logoutUri: providerId ? `${deps.baseUrl}${backChannelLogoutPath(providerId)}` : null,
        kinds: PROVIDER_KINDS.map((k) => ({
          value: k,
          text: request.t(`providers.kind.${k}`),
          hint: { text: request.t(`providers.kind.${k}.hint`) },
          checked: values.kind === k,
        })),
        levels: (selected: string) => [
          { value: '', text: request.t('providers.level.default') },
          ...['1', '2', '3'].map((l) => ({ value: l, text: l, selected: selected === l })),
        ],
        // The codes an admin types, each with its name.
        roleList: ROLES.map((r) => `<code class="app-code">${r}</code> (${escapeHtml(request.t(`role.${r}`))})`).join(', '),
        enabled: [
          { value: 'yes', text: request.t('providers.enabled.yes'), checked: values.enabled !== 'no' },
          { value: 'no', text: request.t('providers.enabled.no'), checked: values.enabled === 'no' },
        ],
      },
      status,
    );
  }

  const formValues = (body: Record<string, unknown>): ProviderForm => ({
    kind: text(body.kind),
    name: text(body.name),
    issuer: text(body.issuer),
    clientId: text(body.clientId),
    roleMap: text(body.roleMap),
    minIdAssurance: text(body.minIdAssurance),
    minAuthAssurance: text(body.minAuthAssurance),
    enabled: text(body.enabled) || 'yes',
  });

  async function save(request: FastifyRequest, reply: FastifyReply, providerId: string | null) {
    const user = requireRole(request.principal, ['tenant-admin']);
    const values = formValues(bodyOf(request));
    try {
      await oidc.saveProvider(user.tenantId, actorOf(user), values, providerId ?? undefined);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return renderProvider(request, reply, values, providerId, formErrors(error.issues, request.t), error.code === 'conflict' ? 409 : 400);
    }
    return reply.redirect('/admin/sign-in?saved=provider', 303);
  }

  app.get('/admin/sign-in/providers/new', async (request, reply) => {
    requireRole(request.principal, ['tenant-admin']);
    return renderProvider(request, reply, { enabled: 'yes' }, null);
  });
  app.post('/admin/sign-in/providers/new', (request, reply) => save(request, reply, null));

  app.get<{ Params: { id: string } }>('/admin/sign-in/providers/:id', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const id = parseInput(idSchema, request.params).id;
    const p = await oidc.getProvider(user.tenantId, id);
    const values: ProviderForm = {
      kind: p.kind,
      name: p.name,
      issuer: p.issuer,
      clientId: p.clientId,
      roleMap: formatRoleMap(p.roleMap),
      minIdAssurance: p.minIdAssurance === null ? '' : String(p.minIdAssurance),
      minAuthAssurance: p.minAuthAssurance === null ? '' : String(p.minAuthAssurance),
      enabled: p.enabled ? 'yes' : 'no',
    };
    return renderProvider(request, reply, values, id);
  });
  app.post<{ Params: { id: string } }>('/admin/sign-in/providers/:id', (request, reply) => save(request, reply, parseInput(idSchema, request.params).id));

  // Linking a provider's identity to a staff account, from the account's page.
  async function renderLink(
    request: FastifyRequest,
    reply: FastifyReply,
    tenantId: string,
    userId: string,
    values: Record<string, string>,
    errors?: FormErrors,
  ) {
    const [person, providers] = await Promise.all([
      deps.staff.get(tenantId, actorOf(requireRole(request.principal, ['tenant-admin'])), userId),
      oidc.listProviders(tenantId),
    ]);
    return reply.page(
      `${VIEWS}/staff-identity.njk`,
      {
        title: request.t('identity.title', { name: person.displayName }),
        person,
        values,
        errors,
        providers: [{ value: '', text: '' }, ...providers.map((p) => ({ value: p.id, text: p.name, selected: values.providerId === p.id }))],
      },
      errors ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string } }>('/admin/staff/:id/identity', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    return renderLink(request, reply, user.tenantId, parseInput(idSchema, request.params).id, {});
  });

  app.post<{ Params: { id: string } }>('/admin/staff/:id/identity', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const id = parseInput(idSchema, request.params).id;
    const body = bodyOf(request);
    const values = { providerId: text(body.providerId), subject: text(body.subject) };
    try {
      await oidc.linkIdentity(user.tenantId, actorOf(user), id, values);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return renderLink(request, reply, user.tenantId, id, values, formErrors(error.issues, request.t));
    }
    return reply.redirect(`/admin/staff/${id}?done=identity`, 303);
  });

  app.post<{ Params: { id: string; providerId: string } }>('/admin/staff/:id/identity/:providerId/remove', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const id = parseInput(idSchema, request.params).id;
    const providerId = parseInput(idSchema, { id: request.params.providerId }).id;
    await oidc.unlinkIdentity(user.tenantId, actorOf(user), id, providerId);
    return reply.redirect(`/admin/staff/${id}?done=identity-removed`, 303);
  });
}

/** Rows for the staff account page: each linked provider identity, with when it was last used. */
export async function identityRows(
  oidc: OidcService,
  tenantId: string,
  userId: string,
  t: (key: string, params?: Record<string, string>) => string,
  lang: string,
) {
  const identities = await oidc.identitiesOf(tenantId, userId);
  return identities.map((i) => ({
    providerId: i.provider_id,
    name: i.name,
    subject: i.subject,
    lastUsed: i.last_sign_in_at ? formatMoment(i.last_sign_in_at, lang, 'brief') : t('identity.neverUsed'),
  }));
}
