// The webhook outbox: one message per (endpoint, ledger entry), written in the ledger append's
// transaction, claimed by one instance at a time with a conditional UPDATE (any engine, any number of
// instances), and every attempt kept for the delivery history.
import { sql, type Selectable } from 'kysely';
import type { WebhookDeliveryState, WebhookDeliveryView, WebhookEvent } from '../../../protocol/webhooks.ts';
import { newId } from '../auth/tokens.ts';
import type { Db } from '../storage/database.ts';
import type { WebhookOutboxTable } from '../storage/schema.ts';

export interface OutboxMessage {
  id: string;
  endpointId: string;
  caseId: string;
  ledgerSeq: number;
  event: WebhookEvent;
  payload: string;
  attempts: number;
}

export interface AttemptRecord {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** After an attempt: delivered, tried again at `nextAttemptAt`, or given up on. */
export type AttemptOutcome = { state: 'delivered' } | { state: 'pending'; nextAttemptAt: string } | { state: 'abandoned' };

export interface OutboxStore {
  enqueue(messages: Array<Omit<OutboxMessage, 'attempts'> & { createdAt: string }>): Promise<void>;
  /**
   * Due messages no instance holds, of enabled endpoints, each the earliest undelivered one of its
   * (endpoint, case) — a later one waits for it — oldest due first.
   */
  due(now: string, limit: number): Promise<OutboxMessage[]>;
  /**
   * Takes those of `ids` that are still due and free until `until`, in one conditional UPDATE; answers
   * the ones this call took (another instance may have been first to some).
   */
  claim(ids: string[], by: string, now: string, until: string): Promise<string[]>;
  /** Keeps the attempt and, when the claim is still `by`'s, moves the message on and frees it. */
  finish(id: string, by: string, attempt: AttemptRecord, outcome: AttemptOutcome): Promise<void>;
  deliveries(endpointId: string, opts: { state?: WebhookDeliveryState; limit: number }): Promise<WebhookDeliveryView[]>;
  /** Due now with a fresh schedule; null when there is no such message, 'claimed' while one is attempting it. */
  retry(endpointId: string, id: string, now: string): Promise<WebhookDeliveryView | null | 'claimed'>;
  /** Forgets delivered and abandoned messages made before `before`, with their attempts; answers how many. */
  prune(before: string): Promise<number>;
}

export function createOutboxStore(db: Db): OutboxStore {
  const viewsOf = async (rows: Array<Selectable<WebhookOutboxTable>>): Promise<WebhookDeliveryView[]> => {
    const attempts = rows.length === 0 ? [] : await db.q().selectFrom('webhook_attempts').selectAll()
      .where('outbox_id', 'in', rows.map((r) => r.id)).orderBy('at').orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id, event: row.event as WebhookEvent, caseId: row.case_id, ledgerSeq: row.ledger_seq, state: row.state, createdAt: row.created_at,
      nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null, deliveredAt: row.delivered_at,
      attempts: attempts.filter((a) => a.outbox_id === row.id).map((a) => ({ at: a.at, status: a.status, error: a.error, durationMs: a.duration_ms })),
    }));
  };

  return {
    async enqueue(messages) {
      if (messages.length === 0) return;
      await db.q().insertInto('webhook_outbox').values(messages.map((m) => ({
        id: m.id, endpoint_id: m.endpointId, case_id: m.caseId, ledger_seq: m.ledgerSeq, event: m.event, payload: m.payload,
        created_at: m.createdAt, state: 'pending' as const, next_attempt_at: m.createdAt,
      }))).execute();
    },

    async due(now, limit) {
      const rows = await db.q().selectFrom('webhook_outbox as o')
        .innerJoin('webhook_endpoints as e', 'e.id', 'o.endpoint_id')
        .selectAll('o')
        .where('o.state', '=', 'pending')
        .where('o.next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('o.claimed_until', 'is', null), eb('o.claimed_until', '<', now)]))
        .where('e.disabled_at', 'is', null)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('webhook_outbox as p').select(sql<number>`1`.as('one'))
          .whereRef('p.endpoint_id', '=', 'o.endpoint_id').whereRef('p.case_id', '=', 'o.case_id')
          .where('p.state', '=', 'pending').whereRef('p.ledger_seq', '<', 'o.ledger_seq'))))
        .orderBy('o.next_attempt_at').orderBy('o.ledger_seq').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, endpointId: r.endpoint_id, caseId: r.case_id, ledgerSeq: r.ledger_seq, event: r.event as WebhookEvent, payload: r.payload, attempts: r.attempts }));
    },

    claim: (ids, by, now, until) => db.transaction(async () => {
      if (ids.length === 0) return [];
      await db.q().updateTable('webhook_outbox').set({ claimed_by: by, claimed_until: until })
        .where('id', 'in', ids).where('state', '=', 'pending').where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .execute();
      // `until` is this claim's own stamp: a row another instance took carries theirs.
      const taken = await db.q().selectFrom('webhook_outbox').select('id').where('id', 'in', ids).where('claimed_by', '=', by).where('claimed_until', '=', until).execute();
      return taken.map((row) => row.id);
    }),

    finish: (id, by, attempt, outcome) => db.transaction(async () => {
      // The endpoint (and its messages) may have been deleted while the attempt was under way.
      const row = await db.q().selectFrom('webhook_outbox').select(['id', 'claimed_by']).where('id', '=', id).executeTakeFirst();
      if (!row) return;
      await db.q().insertInto('webhook_attempts').values({ id: newId('wha'), outbox_id: id, at: attempt.at, status: attempt.status, error: attempt.error, duration_ms: attempt.durationMs }).execute();
      // A claim that ran out and was taken over: the other instance decides what happens next.
      if (row.claimed_by !== by) return;
      await db.q().updateTable('webhook_outbox').set({
        state: outcome.state,
        attempts: sql<number>`attempts + 1`,
        claimed_by: null,
        claimed_until: null,
        ...(outcome.state === 'pending' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
        ...(outcome.state === 'delivered' ? { delivered_at: attempt.at } : {}),
      }).where('id', '=', id).execute();
    }),

    async deliveries(endpointId, opts) {
      let query = db.q().selectFrom('webhook_outbox').selectAll().where('endpoint_id', '=', endpointId);
      if (opts.state) query = query.where('state', '=', opts.state);
      return viewsOf(await query.orderBy('created_at', 'desc').orderBy('ledger_seq', 'desc').limit(opts.limit).execute());
    },

    retry: (endpointId, id, now) => db.transaction(async () => {
      const row = await db.q().selectFrom('webhook_outbox').selectAll().where('id', '=', id).where('endpoint_id', '=', endpointId).executeTakeFirst();
      if (!row) return null;
      if (row.claimed_until !== null && row.claimed_until >= now) return 'claimed';
      await db.q().updateTable('webhook_outbox').set({ state: 'pending', attempts: 0, next_attempt_at: now, delivered_at: null, claimed_by: null, claimed_until: null })
        .where('id', '=', id).execute();
      const updated = await db.q().selectFrom('webhook_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return (await viewsOf([updated]))[0]!;
    }),

    prune: (before) => db.transaction(async () => {
      const finished = db.q().selectFrom('webhook_outbox').select('id').where('state', 'in', ['delivered', 'abandoned']).where('created_at', '<', before);
      await db.q().deleteFrom('webhook_attempts').where('outbox_id', 'in', finished).execute();
      const gone = await db.q().deleteFrom('webhook_outbox').where('state', 'in', ['delivered', 'abandoned']).where('created_at', '<', before).executeTakeFirst();
      return Number(gone.numDeletedRows);
    }),
  };
}
