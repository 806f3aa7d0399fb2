import { insertOrganisation, type OrganisationKind } from './domains/organisations/index.ts';
import { type Programme, type ReferringService, referralTables } from './domains/referrals/index.ts';
import { recordAudit } from './platform/audit/index.ts';
import { hashPassword, insertUser } from './platform/auth/index.ts';
import type { Clock } from './platform/clock/index.ts';
import { type Database, type Nation, newId, type Role } from './platform/db/index.ts';

/** The demo password for every seeded account. Demo data only: `seed` refuses to run in production. */
export const DEMO_PASSWORD = 'bridgework-demo-2026';

type DemoTenant = {
  gssCode: string;
  name: string;
  nameCy: string;
  nation: Nation;
  slug: string;
  language: 'en' | 'cy';
  organisations: { key: string; kind: OrganisationKind; name: string; email?: string }[];
  staff: { role: Role; name: string; organisation: string; login?: string }[];
  teams: {
    name: string;
    organisation: string;
    services: ReferringService[];
    districts: string[];
    programmes: Programme[];
    specialists: number;
    members: string[];
  }[];
};

const HEALTH_AND_SELF: ReferringService[] = ['gp', 'mental-health', 'addiction', 'rehabilitation', 'talking-therapies', 'other', 'self', 'jobcentre'];

const TENANTS: DemoTenant[] = [
  {
    gssCode: 'E06000016',
    name: 'Leicester City Council',
    nameCy: 'Cyngor Dinas Caerlŷr',
    nation: 'england',
    slug: 'leicester',
    language: 'en',
    organisations: [
      { key: 'gp', kind: 'health-service', name: 'Leicester Central Primary Care Network', email: 'referrals@leicester-pcn.bridgework.example' },
      { key: 'mh', kind: 'health-service', name: 'Leicester Community Mental Health Team' },
      { key: 'ips', kind: 'employment-provider', name: 'Leicester IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Leicester Jobcentre' },
      { key: 'council', kind: 'council', name: 'Leicester City Council Employment and Skills' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Priya Shah', organisation: 'gp' },
      { role: 'referrer', name: 'Joanne Clarke', organisation: 'jcp', login: 'jobcentre-referrer' },
      { role: 'specialist', name: 'Sam Okafor', organisation: 'ips' },
      { role: 'team-lead', name: 'Helen Brooks', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Mark Patel', organisation: 'council' },
      { role: 'national-analyst', name: 'Grace Liu', organisation: 'council' },
    ],
    teams: [
      {
        name: 'Leicester IPS team',
        organisation: 'ips',
        services: HEALTH_AND_SELF,
        districts: ['LE1', 'LE2', 'LE3', 'LE4', 'LE5'],
        programmes: ['ips', 'youth', 'retention'],
        specialists: 2,
        members: ['Sam Okafor', 'Helen Brooks'],
      },
      {
        name: 'Leicester Recovery into Work team',
        organisation: 'ips',
        services: ['addiction', 'rehabilitation'],
        districts: [],
        programmes: ['ips'],
        specialists: 1,
        members: ['Helen Brooks'],
      },
    ],
  },
  {
    gssCode: 'W06000015',
    name: 'Cardiff Council',
    nameCy: 'Cyngor Caerdydd',
    nation: 'wales',
    slug: 'cardiff',
    language: 'cy',
    organisations: [
      { key: 'gp', kind: 'health-service', name: 'Cardiff South West Primary Care Cluster', email: 'atgyfeiriadau@cardiff-cluster.bridgework.example' },
      { key: 'ips', kind: 'employment-provider', name: 'Cardiff IPS Employment Service' },
      { key: 'jcp', kind: 'jobcentre', name: 'Cardiff Jobcentre' },
      { key: 'council', kind: 'council', name: 'Cardiff Council Into Work Services' },
    ],
    staff: [
      { role: 'referrer', name: 'Dr Rhys Evans', organisation: 'gp' },
      { role: 'specialist', name: 'Catrin Jones', organisation: 'ips' },
      { role: 'team-lead', name: 'Owain Davies', organisation: 'ips' },
      { role: 'tenant-admin', name: 'Sian Williams', organisation: 'council' },
      { role: 'national-analyst', name: 'Dafydd Morgan', organisation: 'council' },
    ],
    teams: [
      {
        name: 'Cardiff IPS team',
        organisation: 'ips',
        services: HEALTH_AND_SELF,
        districts: ['CF3', 'CF5', 'CF10', 'CF11', 'CF14', 'CF24'],
        programmes: ['ips', 'youth'],
        specialists: 2,
        members: ['Catrin Jones', 'Owain Davies'],
      },
    ],
  },
];

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
export async function seedDemo(db: Database, clock: Clock): Promise<DemoSignIn[]> {
  if (!(await isEmpty(db))) throw new Error('The database already has data; seed runs only on an empty database.');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const signIns: DemoSignIn[] = [];
  for (const t of TENANTS) {
    const tenantId = newId(clock.now());
    await db.owner.insertInto('tenants').values({ id: tenantId, gss_code: t.gssCode, name: t.name, name_cy: t.nameCy, nation: t.nation }).execute();
    await db.inTenant(tenantId, async (tx) => {
      await tx.insertInto('tenant_settings').values({ tenant_id: tenantId, require_mfa: false }).execute();
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
  return signIns;
}

export function formatSignIns(signIns: readonly DemoSignIn[]): string {
  const lines = signIns.map((s) => `  ${s.localAuthority.padEnd(36)} ${s.role.padEnd(17)} ${s.email}`);
  return [`Demo sign-ins (every password is ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
