import pg from 'pg';
import type { PGliteGate } from './pglite-dialect.ts';

/**
 * Called with a notification's payload, or with null after the listening connection came back
 * from a drop: notifications sent meanwhile are lost, so the listener should look for itself.
 */
export type OnNotify = (payload: string | null) => void;
export type Unlisten = () => Promise<void>;

// Channel names come from code, never from input; this keeps them plain identifiers.
const CHANNEL = /^[a-z_][a-z0-9_]*$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
}

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

/**
 * LISTEN on PostgreSQL over a connection of its own, outside the pool: a pooled connection is handed
 * to other work between queries and would stop listening. If the connection drops (restart,
 * failover, a terminated backend) it reconnects with backoff and calls `onNotify(null)`.
 */
export async function listenOnPostgres(url: string, channel: string, onNotify: OnNotify): Promise<Unlisten> {
  checkChannel(channel);
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let retryMs = FIRST_RETRY_MS;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    // An 'error' is followed by 'end'; 'end' reconnects. Without this listener an error would crash.
    c.on('error', () => {});
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    c.on('end', () => {
      if (client !== c) return;
      client = undefined;
      reconnectLater();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      await c.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    retryMs = FIRST_RETRY_MS;
  }

  function reconnectLater(): void {
    if (closed) return;
    retry = setTimeout(() => {
      connect().then(
        () => {
          if (!closed) onNotify(null);
        },
        () => reconnectLater(),
      );
    }, retryMs);
    retry.unref();
    retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
  }

  try {
    await connect();
  } catch {
    // Not fatal: the caller's fallback poll covers the time until a reconnect succeeds.
    reconnectLater();
  }
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}

/**
 * LISTEN on PGlite, in process: the notification arrives when the notifying transaction commits.
 * LISTEN goes through the gate so it never lands inside another caller's transaction (a rollback
 * there would undo it).
 */
export async function listenOnPGlite(gate: PGliteGate, channel: string, onNotify: OnNotify): Promise<Unlisten> {
  checkChannel(channel);
  const release = await gate.lock();
  let unlisten: () => Promise<void>;
  try {
    unlisten = await gate.pglite.listen(channel, (payload) => onNotify(payload));
  } finally {
    release();
  }
  return async () => {
    const again = await gate.lock();
    try {
      await unlisten();
    } finally {
      again();
    }
  };
}
