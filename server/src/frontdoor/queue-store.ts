// The front door's rows: each assessor's routing facts and the queue entries, read into the routing
// core's shapes (routing-types.ts) and written back. Callers hold the queue lock when they write.
import type { Selectable } from 'kysely';
import { OfferFacts, type RoutingStep } from '../../../protocol/queue.ts';
import type { Db } from '../storage/database.ts';
import type { AssessorRoutingTable, QueueEntriesTable } from '../storage/schema.ts';
import type { AssessorStatus, Channel, ChannelCounts, SkillLevels } from './routing-types.ts';

export type EntryState = 'waiting' | 'offered' | 'assigned' | 'left' | 'finished';

export interface StoredEntry {
  id: string;
  caseId: string;
  channel: Channel;
  priority: number;
  enqueuedAt: string;
  steps: RoutingStep[];
  passedOver: string[];
  pinnedTo: string | null;
  held: boolean;
  state: EntryState;
  offeredTo: string | null;
  offerExpiresAt: string | null;
  offerReason: string | null;
  /** The offer's reason as facts; null with no offer out, or on an offer stored before they were kept. */
  offerFacts: OfferFacts | null;
  assignedTo: string | null;
  assignedAt: string | null;
  endedAt: string | null;
  /** The front door's service type; null for an entry an admin queued. */
  service: string | null;
  /** The hand-off summary (JSON, HandOffSummaryView) the assessor reads first; null when none. */
  summary: string | null;
  callback: { phone: string; note: string | null } | null;
  /** A transfer under way: warm (offered to a colleague while `assignedTo` keeps the session) or cold (waiting again). */
  transfer: EntryTransfer | null;
}

/** What `transfer_note` holds (as JSON): who handed the customer on, how, and what they told the colleague. */
export interface EntryTransfer {
  mode: 'warm' | 'cold';
  from: string;
  note: string | null;
}

export interface StoredRouting {
  userId: string;
  name: string;
  disabled: boolean;
  skills: SkillLevels;
  capacity: ChannelCounts;
  status: AssessorStatus;
  lastSeenAt: string | null;
  lastAssignedAt: string | null;
  load: Partial<Record<Channel, number>>;
}

export type EntryChange = Partial<Pick<QueueEntriesTable, 'state' | 'passed_over' | 'offered_to' | 'offer_expires_at' | 'offer_reason' | 'offer_facts' | 'assigned_to' | 'assigned_at' | 'ended_at' | 'enqueued_at' | 'callback' | 'pinned_to' | 'steps' | 'transfer_note'>>;

/** The stored facts read back through their schema; a row that does not parse shows as none (its sentence stays). */
const factsOf = (json: string | null): OfferFacts | null => {
  if (json === null) return null;
  const parsed = OfferFacts.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
};

const toEntry = (row: Selectable<QueueEntriesTable>): StoredEntry => ({
  id: row.id,
  caseId: row.case_id,
  channel: row.channel as Channel,
  priority: Number(row.priority),
  enqueuedAt: row.enqueued_at,
  steps: JSON.parse(row.steps) as RoutingStep[],
  passedOver: JSON.parse(row.passed_over) as string[],
  pinnedTo: row.pinned_to,
  held: Number(row.held) === 1,
  state: row.state as EntryState,
  offeredTo: row.offered_to,
  offerExpiresAt: row.offer_expires_at,
  offerReason: row.offer_reason,
  offerFacts: factsOf(row.offer_facts),
  assignedTo: row.assigned_to,
  assignedAt: row.assigned_at,
  endedAt: row.ended_at,
  service: row.service,
  summary: row.summary,
  callback: row.callback === null ? null : (JSON.parse(row.callback) as StoredEntry['callback']),
  transfer: row.transfer_note === null ? null : (JSON.parse(row.transfer_note) as EntryTransfer),
});

export function createQueueStore(db: Db) {
  const routingRow = (userId: string) => db.q().selectFrom('assessor_routing').selectAll().where('user_id', '=', userId).executeTakeFirst();

  /** Creates the user's routing row when missing (offline, no skills, no capacity), so an update has a row to change. */
  const ensureRouting = async (userId: string, at: string): Promise<AssessorRoutingTable> => {
    const row = await routingRow(userId);
    if (row) return row;
    const fresh: AssessorRoutingTable = { user_id: userId, skills: '{}', capacity: '{}', status: 'offline', status_at: at, last_seen_at: null, last_assigned_at: null, load: '{}' };
    await db.q().insertInto('assessor_routing').values(fresh).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    return (await routingRow(userId))!;
  };

  return {
    async insertEntry(entry: { id: string; caseId: string; channel: Channel; priority: number; enqueuedAt: string; steps: readonly RoutingStep[]; service?: string | null; summary?: string | null }): Promise<void> {
      await db.q().insertInto('queue_entries').values({
        id: entry.id, case_id: entry.caseId, channel: entry.channel, priority: entry.priority, enqueued_at: entry.enqueuedAt,
        steps: JSON.stringify(entry.steps), passed_over: '[]', pinned_to: null, state: 'waiting',
        offered_to: null, offer_expires_at: null, offer_reason: null, offer_facts: null, assigned_to: null, assigned_at: null, ended_at: null,
        summary: entry.summary ?? null, callback: null, transfer_note: null, service: entry.service ?? null,
      }).execute();
    },

    /** The case's newest entry, whatever its state (the customer's place, or how it ended); null when never queued. */
    async latestForCase(caseId: string): Promise<StoredEntry | null> {
      const row = await db.q().selectFrom('queue_entries').selectAll().where('case_id', '=', caseId).orderBy('enqueued_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    async entry(id: string): Promise<StoredEntry | null> {
      const row = await db.q().selectFrom('queue_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    /** The case's entry still in the queue or in a session, if any. */
    async activeForCase(caseId: string): Promise<StoredEntry | null> {
      const row = await db.q().selectFrom('queue_entries').selectAll().where('case_id', '=', caseId).where('state', 'in', ['waiting', 'offered', 'assigned']).executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    /** Entries waiting or with an offer out: what a pass routes over. */
    async queued(): Promise<StoredEntry[]> {
      const rows = await db.q().selectFrom('queue_entries').selectAll().where('state', 'in', ['waiting', 'offered']).execute();
      return rows.map(toEntry);
    },

    /** Entries in a session: what the pass checks for an assessor whose console went quiet. */
    async assigned(): Promise<StoredEntry[]> {
      const rows = await db.q().selectFrom('queue_entries').selectAll().where('state', '=', 'assigned').execute();
      return rows.map(toEntry);
    },

    /** Whether anything is queued or in a session: what the tick's pass has to look after. */
    async anyActive(): Promise<boolean> {
      return (await db.q().selectFrom('queue_entries').select('id').where('state', 'in', ['waiting', 'offered', 'assigned']).limit(1).executeTakeFirst()) !== undefined;
    },

    /** Case titles by id, for the queue's view (one read for the whole queue). */
    async titles(caseIds: readonly string[]): Promise<Map<string, string>> {
      if (caseIds.length === 0) return new Map();
      const rows = await db.q().selectFrom('cases').select(['id', 'title']).where('id', 'in', [...new Set(caseIds)]).execute();
      return new Map(rows.map((row) => [row.id, row.title]));
    },

    async nameOf(userId: string): Promise<string | null> {
      return (await db.q().selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? null;
    },

    async offerFor(userId: string): Promise<StoredEntry | null> {
      const row = await db.q().selectFrom('queue_entries').selectAll().where('state', '=', 'offered').where('offered_to', '=', userId).executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    async updateEntry(id: string, change: EntryChange): Promise<void> {
      await db.q().updateTable('queue_entries').set(change).where('id', '=', id).execute();
    },

    /** Session lengths (seconds) of the latest finished entries per channel, for the wait estimate. */
    async recentHandleSeconds(perChannel = 20): Promise<Partial<Record<Channel, number[]>>> {
      const rows = await db.q().selectFrom('queue_entries').select(['channel', 'assigned_at', 'ended_at'])
        .where('state', '=', 'finished').where('assigned_at', 'is not', null).orderBy('ended_at', 'desc').limit(perChannel * 4).execute();
      const recent: Partial<Record<Channel, number[]>> = {};
      for (const row of rows) {
        const list = (recent[row.channel as Channel] ??= []);
        if (list.length < perChannel) list.push(Math.max(0, (Date.parse(row.ended_at!) - Date.parse(row.assigned_at!)) / 1000));
      }
      return recent;
    },

    /** Every user with a routing row, with their name and whether they are disabled. */
    async routing(): Promise<StoredRouting[]> {
      const rows = await db.q().selectFrom('assessor_routing').innerJoin('users', 'users.id', 'assessor_routing.user_id')
        .selectAll('assessor_routing').select(['users.name', 'users.disabled_at']).orderBy('assessor_routing.user_id').execute();
      return rows.map((row) => ({
        userId: row.user_id,
        name: row.name,
        disabled: row.disabled_at !== null,
        skills: JSON.parse(row.skills) as SkillLevels,
        capacity: JSON.parse(row.capacity) as ChannelCounts,
        status: row.status as AssessorStatus,
        lastSeenAt: row.last_seen_at,
        lastAssignedAt: row.last_assigned_at,
        load: JSON.parse(row.load) as Partial<Record<Channel, number>>,
      }));
    },

    async setRouting(userId: string, skills: SkillLevels, capacity: ChannelCounts, at: string): Promise<void> {
      await ensureRouting(userId, at);
      await db.q().updateTable('assessor_routing').set({ skills: JSON.stringify(skills), capacity: JSON.stringify(capacity) }).where('user_id', '=', userId).execute();
    },

    /** A status set by the person is also a sign of life. */
    async setStatus(userId: string, status: AssessorStatus, at: string): Promise<void> {
      await ensureRouting(userId, at);
      await db.q().updateTable('assessor_routing').set({ status, status_at: at, last_seen_at: at }).where('user_id', '=', userId).execute();
    },

    /** The status the person last set; null when they have no routing row. */
    async statusOf(userId: string): Promise<AssessorStatus | null> {
      const row = await db.q().selectFrom('assessor_routing').select('status').where('user_id', '=', userId).executeTakeFirst();
      return row ? (row.status as AssessorStatus) : null;
    },

    /** The console's heartbeat; a user without a routing row is not routed, so nothing is written for them. */
    async touch(userId: string, at: string): Promise<void> {
      await db.q().updateTable('assessor_routing').set({ last_seen_at: at }).where('user_id', '=', userId).execute();
    },

    /** Adds `delta` sessions on the channel (never below 0); an assignment also stamps `lastAssignedAt`. */
    async addLoad(userId: string, channel: Channel, delta: number, at: string): Promise<void> {
      const row = await ensureRouting(userId, at);
      const load = JSON.parse(row.load) as Partial<Record<Channel, number>>;
      load[channel] = Math.max(0, (load[channel] ?? 0) + delta);
      await db.q().updateTable('assessor_routing')
        .set({ load: JSON.stringify(load), ...(delta > 0 ? { last_assigned_at: at } : {}) })
        .where('user_id', '=', userId).execute();
    },
  };
}

export type QueueStore = ReturnType<typeof createQueueStore>;
