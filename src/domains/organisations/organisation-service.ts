import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type WriteHooks } from '../../platform/db/index.ts';
import { Conflict, NotFound, parseInput } from '../../platform/errors/index.ts';
import type { Organisation } from './organisation.ts';
import { findOrganisation, insertOrganisation, listOrganisations } from './organisation-repo.ts';
import { createOrganisationSchema } from './organisation-schemas.ts';

/** Organisations inside a local authority: health services, employment providers, Jobcentres, employers, councils. */
export function createOrganisationService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  return {
    list: (tenantId: string): Promise<Organisation[]> => db.inTenant(tenantId, listOrganisations),

    async get(tenantId: string, id: string): Promise<Organisation> {
      const found = await db.inTenant(tenantId, (tx) => findOrganisation(tx, id));
      if (!found) throw new NotFound('organisation', id);
      return found;
    },

    /** Creates an organisation and audits it in one transaction. A name already used is a Conflict. */
    async create(tenantId: string, actor: Actor, input: unknown, hooks: WriteHooks<Organisation> = {}): Promise<Organisation> {
      const value = parseInput(createOrganisationSchema, input);
      return db.inTenant(tenantId, async (tx) => {
        const created = await insertOrganisation(tx, {
          tenantId,
          id: newId(clock.now()),
          kind: value.kind,
          name: value.name,
          email: value.email,
          createdAt: clock.now(),
        });
        if (!created) throw new Conflict(`An organisation called ${value.name} already exists`, [{ path: 'name', message: 'organisations.error.nameTaken' }]);
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'organisation.create',
          recordType: 'organisation',
          recordId: created.id,
          reason: 'added an organisation',
          details: { kind: created.kind },
        });
        await hooks.afterWrite?.(tx, created);
        return created;
      });
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
