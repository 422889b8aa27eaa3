// Each running instance has a row in `instances` with a heartbeat. Instances sharing a PostgreSQL
// database without Redis would each keep their own signalling, presence and live events, so a customer on
// one and an assessor on another could never meet: such a second instance refuses to start instead.
import crypto from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../storage/database.ts';

/** How often an instance renews its heartbeat. */
export const HEARTBEAT_MS = 10_000;
/** A heartbeat older than this is an instance that is gone (killed, or cut off from the database). */
export const LIVE_WINDOW_MS = 30_000;

export interface InstanceRegistration {
  /** `<host>-<random>`: names this instance in logs and in Redis entries it holds. */
  id: string;
  /** Stops the heartbeat and removes the row. */
  close(): Promise<void>;
}

export class SecondInstanceError extends Error {}

export interface RegisterOptions {
  db: Db;
  /** Whether instances share Redis; without it, a second live instance on a shared database is refused. */
  clustered: boolean;
  log: Logger;
  /** @default HEARTBEAT_MS */
  heartbeatMs?: number;
}

export async function registerInstance(opts: RegisterOptions): Promise<InstanceRegistration> {
  const { db, log } = opts;
  const id = `${os.hostname().replace(/[^A-Za-z0-9.-]/g, '') || 'host'}-${crypto.randomBytes(4).toString('hex')}`;
  // One clock for every instance's heartbeat: the database's (PostgreSQL's; the process's on SQLite).
  const stamp = async () => (await db.now()).toISOString();
  await db.transaction(async () => {
    // Instances starting together take turns here, so two of them cannot both find the other absent.
    await db.lockInTransaction('sightline:instances');
    const now = await stamp();
    const liveSince = new Date(Date.parse(now) - LIVE_WINDOW_MS).toISOString();
    await db.q().deleteFrom('instances').where('heartbeat_at', '<', liveSince).execute();
    const live = await db.q().selectFrom('instances').select(['id', 'heartbeat_at']).execute();
    const other = live[0];
    if (other && db.dialect === 'postgres' && !opts.clustered) {
      throw new SecondInstanceError(
        `another instance (${other.id}, last heartbeat ${other.heartbeat_at}) is using this database; several instances need SIGHTLINE_REDIS_URL so that signalling, presence and live events reach all of them. ` +
        `If that instance was stopped by a kill, its entry lapses ${LIVE_WINDOW_MS / 1000} s after its last heartbeat: start this one again then.`,
      );
    }
    await db.q().insertInto('instances').values({ id, started_at: now, heartbeat_at: now }).execute();
  });

  let beating: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    beating = (async () => {
      const now = await stamp();
      const renewed = await db.q().updateTable('instances').set({ heartbeat_at: now }).where('id', '=', id).executeTakeFirst();
      // Removed by another instance after a long pause (the process was stopped, or the database away):
      // take the row again, so this instance counts as live.
      if (renewed.numUpdatedRows === 0n) await db.q().insertInto('instances').values({ id, started_at: now, heartbeat_at: now }).execute();
    })().catch((err: unknown) => log.error({ err, instance: id }, 'instance heartbeat failed'));
  }, opts.heartbeatMs ?? HEARTBEAT_MS);
  timer.unref();

  return {
    id,
    async close() {
      clearInterval(timer);
      await beating;
      await db.q().deleteFrom('instances').where('id', '=', id).execute();
    },
  };
}
