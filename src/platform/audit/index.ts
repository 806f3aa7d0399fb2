export { type Actor, type AuditEntry, auditRowInsert, chainHash, GENESIS_HASH, recordAudit } from './audit.ts';
export {
  CHECKPOINT_FILE,
  type Checkpoint,
  checkpointSignatureValid,
  ensureSigningKey,
  generateSigningKey,
  listCheckpoints,
  loadSigningKey,
  loadVerifyingKey,
  parseCheckpoints,
  type SigningKey,
  signCheckpoint,
  writeCheckpoints,
} from './audit-checkpoints.ts';
export { asSealer, SEALER_ROLE, type SealReport, sealAuditChains } from './audit-sealer.ts';
export { type ChainBreak, type VerifyOptions, type VerifyReport, verifyAuditChains } from './audit-verify.ts';
export { type AuditSealer, createAuditSealer } from './audit-worker.ts';
export { canonicalJson } from './canonical-json.ts';
