export { type Actor, type AuditEntry, type ChainBreak, recordAudit, type VerifyReport, verifyAuditChains } from './audit.ts';
export { canonicalJson } from './canonical-json.ts';
