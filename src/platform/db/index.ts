export { compileOnce } from './compiled-query.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export {
  APP_ROLE,
  appLoginUrl,
  type Database,
  type DatabaseTarget,
  defaultPoolSize,
  openDatabase,
  pgliteDatabase,
  type TenantSummary,
  type Tx,
  type WriteHooks,
} from './database.ts';
export { newId, violates } from './ids.ts';
export { type AppSession, appSession, assertLeastPrivilege } from './least-privilege.ts';
export type { OnNotify, Unlisten } from './listen.ts';
export { migrateDown, migrateToLatest, type SqlMigration } from './migrate.ts';
export { sendWithNext } from './sent-with-next.ts';
export type { BigIntColumn, CreatedAt, DeliveryReceiptStatus, Json, Language, Nation, PlatformTables, Role, Timestamp } from './tables.ts';
export { type Statement, type WritePart, writeTogether } from './write-together.ts';
