import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { asSealer } from './audit-sealer.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * A signed statement that a tenant's chain had `hash` at row `seq`. The key never enters the
 * database, so whoever can rewrite the database (the owner included) cannot rewrite a chain and
 * sign its new head: a checkpoint kept anywhere (the table, an exported file) then fails to match.
 */
export const checkpointSchema = z.object({
  tenantId: z.uuid(),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime(),
  keyId: z.string().min(1),
  signature: z.string().min(1),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; keyId: string };

/** The first 16 hex digits of the SHA-256 of the public key: names the key in every checkpoint. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Reads an Ed25519 private key (PKCS#8 PEM). Throws if the file is missing or holds another kind. */
export async function loadSigningKey(path: string): Promise<SigningKey> {
  const privateKey = createPrivateKey(await readFile(path, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** Reads a public key (SPKI PEM) or derives it from a private key file. */
export async function loadVerifyingKey(path: string): Promise<KeyObject> {
  const pem = await readFile(path, 'utf8');
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}

/** A new key, held in memory only (tests). */
export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** Development only: makes a key at `path` if there is none (readable by its owner only). */
export async function ensureSigningKey(path: string): Promise<SigningKey> {
  try {
    return await loadSigningKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    // Another process made it first: use theirs.
    if (error.code !== 'EEXIST') throw error;
  });
  return loadSigningKey(path);
}

function signedText(c: Omit<Checkpoint, 'signature'>): string {
  return canonicalJson({ tenantId: c.tenantId, seq: c.seq, hash: c.hash, signedAt: c.signedAt, keyId: c.keyId });
}

export function signCheckpoint(key: SigningKey, c: Omit<Checkpoint, 'signature' | 'keyId'>): Checkpoint {
  const unsigned = { ...c, keyId: key.keyId };
  return { ...unsigned, signature: sign(null, Buffer.from(signedText(unsigned)), key.privateKey).toString('base64') };
}

export function checkpointSignatureValid(publicKey: KeyObject, c: Checkpoint): boolean {
  if (c.keyId !== keyIdOf(publicKey)) return false;
  return verify(null, Buffer.from(signedText(c)), publicKey, Buffer.from(c.signature, 'base64'));
}

/** The file checkpoints are appended to in the export directory, one JSON object a line. */
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/**
 * Signs the head of every tenant's chain that has moved since its last checkpoint, stores the
 * checkpoints, and appends them to `exportDir` when given (a directory the database cannot reach).
 */
export async function writeCheckpoints(db: Database, clock: Clock, key: SigningKey, exportDir?: string): Promise<Checkpoint[]> {
  const made = await asSealer(db, async (tx) => {
    const heads = await tx
      .selectFrom('audit_chain_heads as h')
      .select(['h.tenant_id', 'h.seq', 'h.last_hash'])
      .where('h.seq', '>', 0)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('audit_checkpoints as c').select('c.seq').whereRef('c.tenant_id', '=', 'h.tenant_id').whereRef('c.seq', '>=', 'h.seq'))),
      )
      .execute();
    const signedAt = clock.now().toISOString();
    const checkpoints = heads.map((h) => signCheckpoint(key, { tenantId: h.tenant_id, seq: Number(h.seq), hash: h.last_hash, signedAt }));
    if (checkpoints.length > 0) {
      await tx
        .insertInto('audit_checkpoints')
        .values(checkpoints.map((c) => ({ tenant_id: c.tenantId, seq: c.seq, hash: c.hash, signed_at: c.signedAt, key_id: c.keyId, signature: c.signature })))
        .onConflict((oc) => oc.columns(['tenant_id', 'seq']).doNothing())
        .execute();
    }
    return checkpoints;
  });
  if (exportDir && made.length > 0) {
    await mkdir(exportDir, { recursive: true });
    await appendFile(join(exportDir, CHECKPOINT_FILE), made.map((c) => `${JSON.stringify(c)}\n`).join(''));
  }
  return made;
}

/** Every stored checkpoint, oldest first per tenant: what `bridgework audit checkpoints` exports. */
export async function listCheckpoints(db: Database): Promise<Checkpoint[]> {
  const perTenant = await db.eachTenant((tx) => tx.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute());
  return perTenant.flat().map((r) => ({
    tenantId: r.tenant_id,
    seq: Number(r.seq),
    hash: r.hash,
    signedAt: r.signed_at.toISOString(),
    keyId: r.key_id,
    signature: r.signature,
  }));
}

/** Parses checkpoint lines (an exported file); throws naming the first line that is not one. */
export function parseCheckpoints(text: string): Checkpoint[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`line ${n} is not JSON`);
      }
      const parsed = checkpointSchema.safeParse(json);
      if (!parsed.success) throw new Error(`line ${n} is not a checkpoint`);
      return parsed.data;
    });
}
