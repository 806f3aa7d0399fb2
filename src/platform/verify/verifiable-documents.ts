import { z } from 'zod';
import { hmacHex, recordFailure, remainingAttempts } from '../auth/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Database, Tx } from '../db/index.ts';
import { parseInput, TooManyRequests } from '../errors/index.ts';
import { codeHash, newVerificationCode, normaliseCode } from './verification-code.ts';

/**
 * A kind of document anyone may check by its code on a public page (a bridge-back guarantee, an
 * Access to Work decision in principle). `prefix` is printed before the code; `namespace` salts its
 * hash (kept per kind so that hashes stored before this piece existed still match); `errorKey` is
 * the message shown when what was typed cannot be a code.
 */
export type DocumentKind = { kind: string; prefix: string; namespace: string; errorKey: string };

/** A new document's code as printed, and the hash that finds it. */
export type IssuedCode = { code: string; hash: string };

/** What a check found: the tenant and document the code names, and the code's characters to compare with the stored one. */
export type FoundDocument = { tenantId: string; documentId: string; chars: string };

/** Codes that match nothing count per client address, across every kind: enough for typing mistakes, far too few to guess. */
export const CHECK_RULE = { maxFailures: 10, windowSeconds: 3600 } as const;

type VerifyTables = { verification_codes: { code_hash: string; kind: string; tenant_id: string; document_id: string } };
const tables = (tx: Tx) => tx.withTables<VerifyTables>();

const codeSchema = (kind: DocumentKind) =>
  z.object({
    code: z
      .string({ error: kind.errorKey })
      .max(100, kind.errorKey)
      .transform((v, ctx) => {
        const chars = normaliseCode(v, kind.prefix);
        if (chars === null) {
          ctx.addIssue({ code: 'custom', message: kind.errorKey });
          return z.NEVER;
        }
        return chars;
      }),
  });

/**
 * The one way to make a document verifiable by code: a new unguessable code, its hash in the global
 * index written in the document's own transaction, and the rate-limited public lookup.
 */
export function createVerifiableDocuments(deps: { db: Database; clock: Clock; secret: string }) {
  return {
    /** A fresh code for a document of `kind`, to print and to keep behind the tenant's RLS. */
    newCode(kind: DocumentKind): IssuedCode {
      const code = newVerificationCode(kind.prefix);
      return { code, hash: codeHash(kind.namespace, normaliseCode(code, kind.prefix) ?? code) };
    },

    /** Writes the code's hash to the global index, inside the caller's (tenant) transaction. */
    async register(tx: Tx, kind: DocumentKind, tenantId: string, documentId: string, hash: string): Promise<void> {
      await tables(tx).insertInto('verification_codes').values({ code_hash: hash, kind: kind.kind, tenant_id: tenantId, document_id: documentId }).execute();
    },

    /**
     * The public check's first step: which document of `kind` a typed code names, or null. A typed
     * value that cannot be a code is an InvalidInput; past the limit of unknown codes from one
     * client, every check from it is a TooManyRequests for the rest of the window.
     */
    async find(kind: DocumentKind, input: unknown, clientAddress: string): Promise<FoundDocument | null> {
      const { code } = parseInput(codeSchema(kind), input);
      const key = hmacHex(deps.secret, `verify-check:${clientAddress}`);
      return deps.db.global(async (tx) => {
        if ((await remainingAttempts(tx, deps.clock, key, CHECK_RULE)) <= 0)
          throw new TooManyRequests('Too many codes checked; try again later', CHECK_RULE.windowSeconds);
        const found = await tables(tx)
          .selectFrom('verification_codes')
          .select(['tenant_id', 'document_id'])
          .where('code_hash', '=', codeHash(kind.namespace, code))
          .where('kind', '=', kind.kind)
          .executeTakeFirst();
        if (!found) {
          await recordFailure(tx, deps.clock, key, CHECK_RULE);
          return null;
        }
        return { tenantId: found.tenant_id, documentId: found.document_id, chars: code };
      });
    },

    /** Whether a stored printed code is the one that was checked (a second guard after the hash). */
    sameCode(kind: DocumentKind, stored: string, chars: string): boolean {
      return normaliseCode(stored, kind.prefix) === chars;
    },
  };
}

export type VerifiableDocuments = ReturnType<typeof createVerifiableDocuments>;
