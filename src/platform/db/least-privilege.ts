import { sql } from 'kysely';
import type { Database } from './database.ts';

export type AppSession = { sessionUser: string; superuser: boolean; bypassRls: boolean; ownedTables: number };

/** Who the app pool's connections log in as, and what that login could do beyond the app role. */
export async function appSession(db: Database): Promise<AppSession> {
  const result = await db.global((tx) =>
    sql<{ session_user: string; rolsuper: boolean; rolbypassrls: boolean; owned: string }>`
      select session_user, r.rolsuper, r.rolbypassrls,
             (select count(*) from pg_class c
               where c.relnamespace = 'public'::regnamespace and pg_has_role(session_user, c.relowner, 'MEMBER')) as owned
      from pg_roles r where r.rolname = session_user`.execute(tx),
  );
  const row = result.rows[0];
  if (!row) throw new Error('the app session user is not a role the server knows');
  return { sessionUser: row.session_user, superuser: row.rolsuper, bypassRls: row.rolbypassrls, ownedTables: Number(row.owned) };
}

/**
 * Refuses an app connection that could step outside row-level security: a superuser login (it can
 * SET SESSION AUTHORIZATION or RESET ROLE), one that bypasses RLS, or one that owns (or may become
 * the owner of) tables. Production runs this before it listens.
 */
export async function assertLeastPrivilege(db: Database): Promise<void> {
  const s = await appSession(db);
  const problems = [
    s.superuser && 'is a superuser',
    s.bypassRls && 'bypasses row-level security',
    s.ownedTables > 0 && `owns, or may act as the owner of, ${s.ownedTables} tables`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start: the app's database login ${s.sessionUser} ${problems.join(', ')}. Connect the app as bridgework_app (DATABASE_APP_URL or DATABASE_APP_PASSWORD); see docs/runbooks/operations.md.`,
    );
  }
}
