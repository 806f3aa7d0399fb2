import { AbortedTransactionError, CompiledQuery, type DatabaseConnection, type TransactionSettings } from 'kysely';

/**
 * A connection that sends its transaction's BEGIN with the first statement, saving a round trip
 * (ADR 0020 on PostgreSQL, ADR 0053 on PGlite). Both drivers share these two steps.
 */
export type DeferredBeginConnection = DatabaseConnection & { pendingBegin: string | null };

export function deferBegin(connection: DeferredBeginConnection, settings: TransactionSettings): void {
  const extra = [settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : '', settings.accessMode ?? ''].filter(Boolean).join(' ');
  connection.pendingBegin = extra ? `start transaction ${extra}` : 'begin';
}

export async function commitDeferred(connection: DeferredBeginConnection): Promise<void> {
  // A transaction that ran nothing has nothing to commit.
  if (connection.pendingBegin !== null) {
    connection.pendingBegin = null;
    return;
  }
  const { rows } = await connection.executeQuery<{ command: string }>(CompiledQuery.raw('commit'));
  // PostgreSQL completes COMMIT with a ROLLBACK tag if an earlier statement error aborted the transaction.
  if (rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
}
