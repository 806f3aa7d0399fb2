import { createCipheriv, createDecipheriv, createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { Conflict, NotFound } from '../errors/index.ts';
import { randomToken } from './secrets.ts';

/**
 * RS512 for client assertions: CIS2 asks for it [U: from NHS code and community threads, not the
 * CIS2 token page]; Entra and oidc-provider accept it too.
 */
export const ASSERTION_ALG = 'RS512';
const WEB_ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' } as const;

/** How long providers may cache our JWKS (its Cache-Control max-age). */
export const JWKS_MAX_AGE_SECONDS = 300;
/** Where the installation's keys are published, for providers to check our assertions. */
export const JWKS_PATH = '/oidc/jwks';
/** A rotated key signs only after this: twice the cache lifetime, so every provider has fetched it. */
export const PUBLISH_LEAD_SECONDS = 2 * JWKS_MAX_AGE_SECONDS;

export type PublishedKey = JsonWebKey & { kid: string; use: 'sig'; alg: string };
export type SigningKey = { kid: string; key: CryptoKey };

/**
 * The installation's keys for `private_key_jwt` (ADR 0044). One key signs; every key not yet
 * retired is published. A rotated key is published before it signs, so a provider with our old key
 * set cached fetches the new key before it sees an assertion signed with it; the old key stays
 * published until an operator retires it. The private half is sealed with the service secret (AES-256-GCM) before it
 * reaches the database.
 */
export function createOidcKeys(deps: { db: Database; clock: Clock; secret: string }) {
  const { db, clock } = deps;
  const sealKey = createHash('sha256').update(`oidc-signing-keys:${deps.secret}`).digest();
  const imported = new Map<string, Promise<CryptoKey>>();

  const seal = (plain: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  };
  const unseal = (sealed: string) => {
    const [iv = '', tag = '', body = ''] = sealed.split('.');
    const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  };

  // Newest first; on a clock that stands still (tests), the later `signs_from` breaks the tie.
  const live = () =>
    db.global((tx) =>
      tx.selectFrom('oidc_signing_keys').selectAll().where('retired_at', 'is', null).orderBy('signs_from', 'desc').orderBy('created_at', 'desc').execute(),
    );

  async function addKey(signsFrom: Date): Promise<string> {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = randomToken(16);
    const { n, e } = publicKey.export({ format: 'jwk' });
    await db.global((tx) =>
      tx
        .insertInto('oidc_signing_keys')
        .values({
          kid,
          public_jwk: JSON.stringify({ kty: 'RSA', n, e }),
          private_jwk_sealed: seal(JSON.stringify(privateKey.export({ format: 'jwk' }))),
          created_at: clock.now(),
          signs_from: signsFrom,
        })
        .execute(),
    );
    return kid;
  }

  /** The key that signs now: the newest whose time has come. The first key ever signs at once. */
  async function current() {
    let rows = await live();
    if (rows.length === 0) {
      await addKey(clock.now());
      rows = await live();
    }
    const now = clock.now();
    return rows.find((r) => r.signs_from <= now) ?? rows.at(-1);
  }

  return {
    /** The public keys a provider verifies our assertions with, the next key included. Makes the first key on first use. */
    async published(): Promise<PublishedKey[]> {
      await current();
      return (await live()).map((r) => ({ ...r.public_jwk, kid: r.kid, use: 'sig', alg: ASSERTION_ALG }));
    },

    async signing(): Promise<SigningKey> {
      const row = await current();
      if (!row) throw new Error('no OIDC signing key after making one');
      const { kid, private_jwk_sealed } = row;
      let key = imported.get(kid);
      if (!key) {
        key = globalThis.crypto.subtle.importKey('jwk', JSON.parse(unseal(private_jwk_sealed)) as JsonWebKey, WEB_ALG, false, ['sign']);
        imported.set(kid, key);
      }
      return { kid, key: await key };
    },

    /**
     * A new key, published now and signing once providers have had time to fetch it (they cache our
     * JWKS for up to `JWKS_MAX_AGE_SECONDS`); `immediately` for a key that may be compromised, when
     * a provider still holding the old set refuses sign-ins until it fetches again.
     */
    async rotate(options: { immediately?: boolean } = {}): Promise<string> {
      const now = clock.now().getTime();
      return addKey(new Date(options.immediately ? now : now + PUBLISH_LEAD_SECONDS * 1000));
    },

    /** Stops publishing a key. The key that signs now cannot be retired: rotate first. */
    async retire(kid: string): Promise<void> {
      const rows = await live();
      if (!rows.some((r) => r.kid === kid)) throw new NotFound('signing key', kid);
      if ((await current())?.kid === kid) throw new Conflict('The key that signs now cannot be retired: rotate first');
      await db.global((tx) => tx.updateTable('oidc_signing_keys').set({ retired_at: clock.now() }).where('kid', '=', kid).execute());
      imported.delete(kid);
    },

    /** Every key with its dates, for the operator. */
    async list() {
      return db.global((tx) =>
        tx.selectFrom('oidc_signing_keys').select(['kid', 'created_at', 'signs_from', 'retired_at']).orderBy('signs_from', 'desc').execute(),
      );
    },
  };
}

export type OidcKeys = ReturnType<typeof createOidcKeys>;
