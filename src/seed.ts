import { readFile } from 'node:fs/promises';
import { saveCouncilTaxSupportScheme } from './domains/benefits/index.ts';
import { seedDemoDirectory, stableId } from './domains/directory/index.ts';
import { ensureReferenceData, seedDemoEmployer } from './domains/employers/index.ts';
import { insertOrganisation } from './domains/organisations/index.ts';
import { INACTIVITY_FIXTURE, importInactivity } from './domains/outcomes/index.ts';
import { seedDemoPartnerships } from './domains/partnerships/index.ts';
import { referralTables } from './domains/referrals/index.ts';
import { recordAudit } from './platform/audit/index.ts';
import { hashPassword, insertUser, type PasswordCost } from './platform/auth/index.ts';
import type { Clock } from './platform/clock/index.ts';
import { type Database, newId, type Role } from './platform/db/index.ts';
import { seedDemoReferrals } from './seed-referrals.ts';
import { DEMO_TENANTS } from './seed-tenants.ts';

/** The demo password for every seeded account. Demo data only: `seed` refuses to run in production. */
export const DEMO_PASSWORD = 'bridgework-demo-2026';

export type DemoSignIn = { localAuthority: string; role: Role; email: string; password: string };

export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.global((tx) => tx.selectFrom('tenants').select('id').limit(1).executeTakeFirst());
  return row === undefined;
}

/**
 * Two demo local authorities (Leicester, Cardiff), their organisations and one staff account per
 * role. Tenants are reference data, written by the owner; everything else is written as the app
 * role inside each tenant, as the service itself would.
 */
export async function seedDemo(db: Database, clock: Clock, passwordCost: PasswordCost = 'standard'): Promise<DemoSignIn[]> {
  if (!(await isEmpty(db))) throw new Error('The database already has data; seed runs only on an empty database.');
  await ensureReferenceData(db.owner);
  const passwordHash = await hashPassword(DEMO_PASSWORD, passwordCost);
  const signIns: DemoSignIn[] = [];
  for (const t of DEMO_TENANTS) {
    const tenantId = newId(clock.now());
    await db.owner.insertInto('tenants').values({ id: tenantId, gss_code: t.gssCode, name: t.name, name_cy: t.nameCy, nation: t.nation }).execute();
    await db.inTenant(tenantId, async (tx) => {
      await tx.insertInto('tenant_settings').values({ tenant_id: tenantId, require_mfa: false }).execute();
      if (t.councilTaxSupport) await saveCouncilTaxSupportScheme(tx, tenantId, t.councilTaxSupport, clock.now());
      const orgIds = new Map<string, string>();
      for (const o of t.organisations) {
        const id = newId(clock.now());
        await insertOrganisation(tx, { tenantId, id, kind: o.kind, name: o.name, email: o.email ?? null, createdAt: clock.now() });
        orgIds.set(o.key, id);
      }
      const userIds = new Map<string, string>();
      for (const s of t.staff) {
        const email = `${s.login ?? s.role}@${t.slug}.bridgework.example`;
        const id = newId(clock.now());
        userIds.set(s.name, id);
        await insertUser(tx, {
          tenantId,
          id,
          organisationId: orgIds.get(s.organisation) ?? '',
          email,
          displayName: s.name,
          passwordHash,
          roles: [s.role],
          language: t.language,
        });
        signIns.push({ localAuthority: `${t.name} (${t.gssCode})`, role: s.role, email, password: DEMO_PASSWORD });
      }
      for (const [key, employer] of Object.entries(t.employers ?? {})) {
        const organisation = t.organisations.find((o) => o.key === key);
        await seedDemoEmployer(tx, tenantId, orgIds.get(key) ?? '', organisation?.name ?? key, employer, clock.now());
      }
      for (const team of t.teams) {
        const id = newId(clock.now());
        await referralTables(tx)
          .insertInto('teams')
          .values({
            tenant_id: tenantId,
            id,
            organisation_id: orgIds.get(team.organisation) ?? '',
            name: team.name,
            services: team.services,
            postcode_districts: team.districts,
            programmes: team.programmes,
            specialists: team.specialists,
            caseload_limit: 20,
            accepting: true,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .execute();
        await referralTables(tx)
          .insertInto('team_members')
          .values(team.members.map((m) => ({ tenant_id: tenantId, team_id: id, user_id: userIds.get(m) ?? '' })))
          .execute();
      }
      await recordAudit(tx, tenantId, clock, {
        actor: { kind: 'system', id: 'seed' },
        action: 'tenant.seed',
        recordType: 'tenant',
        recordId: tenantId,
        reason: 'demo data created',
        details: { organisations: t.organisations.length, staff: t.staff.length, teams: t.teams.length },
      });
    });
  }
  await seedDemoReferrals(db, clock);
  const tenants = await db.global((tx) => tx.selectFrom('tenants').select(['id', 'gss_code', 'name']).execute());
  await seedDemoDirectory(
    db,
    clock,
    tenants.map((t) => ({ id: t.id, gssCode: t.gss_code, name: t.name })),
  );
  await seedDemoPartnerships(
    db,
    clock,
    tenants.map((t) => ({
      id: t.id,
      gssCode: t.gss_code,
      name: t.name,
      welsh: t.gss_code.startsWith('W'),
      moneyOrganisationId: stableId(`${t.gss_code}:org:money`),
    })),
  );
  // The inactivity fixture: the national figures the policy cites and the demo areas (illustrative).
  await importInactivity(db, clock, await readFile(INACTIVITY_FIXTURE, 'utf8'));
  return signIns;
}

/**
 * The demo sign-ins in a seeded database, read back (every demo account's address ends in
 * `.bridgework.example` and has the demo password), so they can be printed again at any time.
 */
export async function listDemoSignIns(db: Database): Promise<DemoSignIn[]> {
  const tenants = await db.global((tx) => tx.selectFrom('tenants').select(['id', 'name', 'gss_code']).orderBy('created_at').orderBy('id').execute());
  const signIns: DemoSignIn[] = [];
  for (const t of tenants) {
    const users = await db.inTenant(t.id, (tx) =>
      tx.selectFrom('users').select(['email', 'roles']).where('email', 'like', '%.bridgework.example').where('disabled_at', 'is', null).orderBy('id').execute(),
    );
    for (const u of users) {
      for (const role of u.roles) signIns.push({ localAuthority: `${t.name} (${t.gss_code})`, role, email: u.email, password: DEMO_PASSWORD });
    }
  }
  return signIns;
}

export function formatSignIns(signIns: readonly DemoSignIn[]): string {
  const lines = signIns.map((s) => `  ${s.localAuthority.padEnd(36)} ${s.role.padEnd(17)} ${s.email}`);
  return [`Demo sign-ins (every password is ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
