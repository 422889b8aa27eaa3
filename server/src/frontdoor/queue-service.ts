// The front door's queue across instances. Every change to the queue, and every routing pass, runs in
// one transaction holding one database lock ('frontdoor:queue': a PostgreSQL advisory lock; SQLite has
// one writer anyway), so a pass reads the queue and the assessors as one moment and writes its offers
// before any other instance reads again: no entry is offered twice, no assessor holds two offers.
import type { LedgerActor } from '../../../protocol/http.ts';
import type { QueueOffer, QueueView, RoutingStep } from '../../../protocol/queue.ts';
import type { CaseStore } from '../cases/case-store.ts';
import type { EventHub } from '../events/event-hub.ts';
import { HttpError, notFound, text, word } from '../errors.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import { newId } from '../auth/tokens.ts';
import { createQueueStore, type StoredEntry, type StoredRouting } from './queue-store.ts';
import { compareEntries, routingPass } from './routing.ts';
import { effectiveStatus, frontDoorOf, offerView, openOffers, quiet, toAssessor, toQueueEntry, type TransferEnded } from './queue-views.ts';
import { createTransferActions } from './queue-transfer.ts';
import { isWarmTransfer } from './transfer.ts';
import type { Assessor, AssessorStatus, Channel, ChannelCounts, Offer, SkillLevels } from './routing-types.ts';
import { estimateWait, type WaitEstimate } from './wait-estimate.ts';

const LOCK = 'frontdoor:queue';
const SYSTEM: LedgerActor = { type: 'system', id: 'frontdoor' };

export interface QueueServiceDeps {
  db: Db;
  ledger: LedgerStore;
  cases: CaseStore;
  clock: () => Date;
  /** How long an assessor has to answer an offer before it goes to the next. */
  offerTimeoutMs: number;
  /**
   * A console silent this long (no event-stream keepalive, no queue call) counts as away, and a session
   * its assessor holds goes back to the queue.
   */
  awayAfterMs: number;
  userExists: (id: string) => Promise<boolean>;
  /** Where offers go out live (the `offer` console event); without it consoles poll GET /api/me/offer. */
  hub?: Pick<EventHub, 'publish'>;
  /** Tells the consoles that a case changed hands (CaseService.publish). */
  publishCase?: (caseId: string) => Promise<void>;
  /** Where a failed background pass is reported. */
  onError?: (error: unknown) => void;
  /**
   * Of these assessors, those in a live call the queue did not give them (a join link's): offered
   * nothing until it ends. Without it, only the queue's own sessions count.
   */
  inCall?: (assessorIds: readonly string[]) => Promise<ReadonlySet<string>>;
}

export interface PassResult {
  offers: Offer[];
  estimates: WaitEstimate[];
  entries: StoredEntry[];
  routing: StoredRouting[];
  assessors: Assessor[];
}

/** Estimates younger than this, from the last pass on this instance, answer a customer's poll without a pass of its own. */
const ESTIMATE_FRESH_MS = 2_000;

/** The customer's place as the queue sees it: the entry and, while it waits, its position and estimate. */
export interface CasePlace {
  entry: StoredEntry;
  /** Being handed to a colleague: a warm transfer waiting for their answer, or back in the queue after a cold one. */
  transferring: boolean;
  position: number | null;
  etaSeconds: number | null;
}

export function createQueueService(deps: QueueServiceDeps) {
  const { db, ledger, cases, clock, awayAfterMs } = deps;
  const store = createQueueStore(db);
  const locked = <T>(work: () => Promise<T>): Promise<T> => db.transaction(async () => {
    await db.lockInTransaction(LOCK);
    return work();
  });

  /** Under the lock: offers past their time go back to waiting, their assessor passed over. */
  const expireOffers = async (entries: StoredEntry[], now: number, ended: TransferEnded[]): Promise<void> => {
    for (const entry of entries) {
      if (entry.state !== 'offered' || Date.parse(entry.offerExpiresAt!) > now) continue;
      const lapsed = await passOver(entry, entry.offeredTo!, 'timed out', SYSTEM);
      if (lapsed) ended.push(lapsed);
    }
  };

  /**
   * The offer's assessor did not take it. A customer from the queue goes back to waiting, that assessor
   * passed over; a warm transfer goes back to the colleague who still holds the session (returned, to tell them).
   */
  const passOver = async (entry: StoredEntry, assessorId: string, why: 'declined' | 'timed out' | 'withdrawn', actor: LedgerActor): Promise<TransferEnded | null> => {
    if (isWarmTransfer(entry)) {
      await store.updateEntry(entry.id, { state: 'assigned', offered_to: null, offer_expires_at: null, offer_reason: null, offer_facts: null, pinned_to: null, transfer_note: null });
      Object.assign(entry, { state: 'assigned', offeredTo: null, offerExpiresAt: null, offerReason: null, offerFacts: null, pinnedTo: null, transfer: null });
      await ledger.append({ caseId: entry.caseId, actor, type: 'queue.declined', payload: { entryId: entry.id, assessorId, why } });
      return { entry, from: entry.assignedTo!, colleague: assessorId, outcome: why };
    }
    const passedOver = entry.passedOver.includes(assessorId) ? entry.passedOver : [...entry.passedOver, assessorId];
    await store.updateEntry(entry.id, { state: 'waiting', passed_over: JSON.stringify(passedOver), offered_to: null, offer_expires_at: null, offer_reason: null, offer_facts: null });
    Object.assign(entry, { state: 'waiting', passedOver, offeredTo: null, offerExpiresAt: null, offerReason: null, offerFacts: null });
    await ledger.append({ caseId: entry.caseId, actor, type: 'queue.declined', payload: { entryId: entry.id, assessorId, why } });
    return null;
  };

  /** Back in the queue at its original enqueue time (the head of its priority), nobody passed over, the assessor's load freed. */
  const putBack = async (entry: StoredEntry, actor: LedgerActor, at: string): Promise<void> => {
    await store.updateEntry(entry.id, { state: 'waiting', passed_over: '[]', assigned_to: null, assigned_at: null });
    await store.addLoad(entry.assignedTo!, entry.channel, -1, at);
    await ledger.append({ caseId: entry.caseId, actor, type: 'queue.entered', payload: { entryId: entry.id, channel: entry.channel, priority: entry.priority, steps: entry.steps, requeuedFrom: entry.assignedTo! } });
  };

  /** Under the lock: sessions whose assessor's console has been quiet past `awayAfterMs` go back to the queue; how many. */
  const requeueLost = async (routing: StoredRouting[], now: number): Promise<number> => {
    const rows = new Map(routing.map((row) => [row.userId, row]));
    let lost = 0;
    for (const entry of await store.assigned()) {
      const row = rows.get(entry.assignedTo!);
      if (row && !row.disabled && !quiet(row, now, awayAfterMs)) continue;
      await putBack(entry, SYSTEM, new Date(now).toISOString());
      lost += 1;
    }
    return lost;
  };

  const pass = async (): Promise<PassResult & { ended: TransferEnded[] }> => {
    const now = clock().getTime();
    const before = await store.routing();
    const lost = await requeueLost(before, now);
    const queued = await store.queued();
    const ended: TransferEnded[] = [];
    await expireOffers(queued, now, ended);
    // A warm transfer that lapsed is back in its session: not routed.
    const entries = queued.filter((e) => e.state !== 'assigned');
    const routing = lost > 0 ? await store.routing() : before;
    const offered = openOffers(entries);
    // Asked only when someone waits, and only of those who could take them.
    const available = routing.filter((row) => effectiveStatus(row, now, awayAfterMs) === 'available').map((row) => row.userId);
    const inCall = entries.length > 0 && available.length > 0 && deps.inCall ? await deps.inCall(available) : new Set<string>();
    let assessors = routing.map((row) => toAssessor(row, now, offered, awayAfterMs, inCall));
    const offers = routingPass(entries.map(toQueueEntry), assessors, now);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const expiresAt = new Date(now + deps.offerTimeoutMs).toISOString();
    for (const offer of offers) {
      const entry = byId.get(offer.entryId)!;
      const passedOver = offer.clearedPassedOver ? [] : entry.passedOver;
      await store.updateEntry(entry.id, { state: 'offered', passed_over: JSON.stringify(passedOver), offered_to: offer.assessorId, offer_expires_at: expiresAt, offer_reason: offer.reason, offer_facts: JSON.stringify(offer.facts) });
      Object.assign(entry, { state: 'offered', passedOver, offeredTo: offer.assessorId, offerExpiresAt: expiresAt, offerReason: offer.reason, offerFacts: offer.facts });
      await ledger.append({ caseId: entry.caseId, actor: SYSTEM, type: 'queue.offered', payload: { entryId: entry.id, assessorId: offer.assessorId, stepIndex: offer.stepIndex, reason: offer.reason, facts: offer.facts } });
    }
    if (offers.length > 0) {
      const offeredNow = openOffers(entries);
      assessors = routing.map((row) => toAssessor(row, now, offeredNow, awayAfterMs, inCall));
    }
    // A warm transfer's customer is in a session, not waiting: it takes no place in the line.
    const waiting = entries.filter((e) => !isWarmTransfer(e));
    const estimates = estimateWait(waiting.map(toQueueEntry), assessors, await store.recentHandleSeconds(), now);
    return { offers, estimates, entries, routing, assessors, ended };
  };

  /** Runs a pass after a change has committed; the change stands even if the pass fails. */
  const passAfter = async <T>(value: T): Promise<T> => {
    await service.runPass().catch((error: unknown) => deps.onError?.(error));
    return value;
  };

  /** The offered entry, if it is this assessor's and still open; else why not (404 or 409). */
  const openOfferOf = async (entryId: string, userId: string, now: number): Promise<StoredEntry> => {
    const entry = await store.entry(entryId);
    if (!entry) throw notFound('queueEntry');
    if (entry.state !== 'offered' || entry.offeredTo !== userId) throw new HttpError(409, 'not_your_offer', text('queue.notYourOffer'));
    if (Date.parse(entry.offerExpiresAt!) <= now) throw new HttpError(409, 'offer_expired', text('queue.offerExpired'));
    return entry;
  };

  const titleOf = async (caseId: string): Promise<string> => (await cases.byId(caseId))?.title ?? '';
  const offerOf = async (entry: StoredEntry): Promise<QueueOffer> =>
    offerView(entry, await titleOf(entry.caseId), isWarmTransfer(entry) ? await store.nameOf(entry.assignedTo!) : null);
  /** After the commit: the sender of each warm transfer that ended hears how. */
  const tellEnded = async (ended: readonly TransferEnded[]): Promise<void> => {
    for (const { entry, from, colleague, outcome } of ended) {
      deps.hub?.publish(from, { type: 'transfer', assessorId: from, entryId: entry.id, caseId: entry.caseId, outcome, colleagueName: (await store.nameOf(colleague)) ?? colleague });
    }
  };
  /** The last pass's estimates on this instance, so a customer's poll needs no pass (and no lock). */
  let lastEstimates: { at: number; byEntry: Map<string, WaitEstimate> } = { at: -Infinity, byEntry: new Map() };

  let ticker: ReturnType<typeof setInterval> | null = null;
  let ticking: Promise<unknown> | null = null;

  /** One pass, then its offers told to the consoles. */
  const passOnce = async (): Promise<PassResult> => {
    const { ended, ...result } = await locked(pass);
    lastEstimates = { at: clock().getTime(), byEntry: new Map(result.estimates.map((e) => [e.entryId, e])) };
    // After the commit, so a console that reads the offer on hearing of it finds it.
    for (const made of result.offers) {
      const entry = result.entries.find((e) => e.id === made.entryId)!;
      deps.hub?.publish(made.assessorId, { type: 'offer', assessorId: made.assessorId, offer: await offerOf(entry) });
    }
    await tellEnded(ended);
    return result;
  };
  let running: Promise<PassResult> | null = null;
  let following: Promise<PassResult> | null = null;
  const noop = (): void => undefined;

  const service = {
    frontDoorOf,
    ...createTransferActions({ store, ledger, clock, offerTimeoutMs: deps.offerTimeoutMs, awayAfterMs, hub: deps.hub, locked, passOver, passAfter, offerOf, tellEnded, inCall: deps.inCall }),

    /**
     * A routing pass under the queue lock (expire offers, route, write the offers; then the wait
     * estimates) that starts after the call, coalesced: one runs at a time in this process, and every
     * caller who asks while one runs shares the single pass that follows it. Each change still sees a
     * pass begun after it committed, but a burst of changes makes a few passes, not one each waiting on
     * the lock (bench frontdoor-load: about 100 changes a second).
     */
    runPass(): Promise<PassResult> {
      if (!running) {
        running = passOnce().finally(() => {
          running = null;
        });
        return running;
      }
      following ??= running.then(noop, noop).then(() => {
        following = null;
        return service.runPass();
      });
      return following;
    },

    /**
     * `service` and `summary` (HandOffSummaryView as JSON): what the front door's hand-off tells the
     * assessor; `within`: the caller's writes that stand or fall with the entry (run under the lock, first).
     */
    async enqueue(actor: LedgerActor, input: { caseId: string; channel: Channel; priority: number; steps: RoutingStep[]; service?: string; summary?: string }, within?: () => Promise<void>): Promise<StoredEntry> {
      const record = await cases.byId(input.caseId);
      if (!record) throw notFound('case');
      if (record.closedAt !== null) throw new HttpError(409, 'case_closed', text('queue.caseClosed'));
      const id = newId('qe');
      await locked(async () => {
        if (await store.activeForCase(input.caseId)) throw new HttpError(409, 'already_queued', text('queue.alreadyQueued'));
        await within?.();
        await store.insertEntry({ id, ...input, enqueuedAt: clock().toISOString() });
        await ledger.append({ caseId: input.caseId, actor, type: 'queue.entered', payload: { entryId: id, channel: input.channel, priority: input.priority, steps: input.steps } });
      });
      return passAfter((await store.entry(id))!);
    },

    /** Stepping away (busy or away) with an offer open declines it, so the customer goes to the next at once. */
    async setStatus(userId: string, status: 'available' | 'busy' | 'away'): Promise<void> {
      const lapsed = await locked(async () => {
        await store.setStatus(userId, status, clock().toISOString());
        const open = status === 'available' ? null : await store.offerFor(userId);
        return open ? passOver(open, userId, 'declined', { type: 'assessor', id: userId }) : null;
      });
      if (lapsed) await tellEnded([lapsed]);
      await passAfter(undefined);
    },

    /** What the assessor last chose (not routing's reading of a quiet console); 'offline' when never. */
    async statusOf(userId: string): Promise<AssessorStatus> {
      return (await store.statusOf(userId)) ?? 'offline';
    },

    async setRouting(userId: string, routing: { skills: SkillLevels; capacity: ChannelCounts }): Promise<void> {
      if (!(await deps.userExists(userId))) throw notFound('user');
      await locked(() => store.setRouting(userId, routing.skills, routing.capacity, clock().toISOString()));
      await passAfter(undefined);
    },

    /** The console's sign of life (its event stream's keepalive, a queue call). */
    heartbeat(userId: string): Promise<void> {
      return store.touch(userId, clock().toISOString());
    },

    /** The assessor's open offer, after a pass (so one due to them, or expired, is current); null when none. */
    async offerFor(userId: string): Promise<QueueOffer | null> {
      await store.touch(userId, clock().toISOString());
      await service.runPass();
      const entry = await store.offerFor(userId);
      return entry ? offerOf(entry) : null;
    },

    /** Takes the offer: the case becomes the assessor's, their load on the channel goes up by one. */
    async accept(entryId: string, userId: string): Promise<StoredEntry> {
      const { caseId, ended } = await locked(async () => {
        const nowDate = clock();
        const now = nowDate.getTime();
        const entry = await openOfferOf(entryId, userId, now);
        const at = nowDate.toISOString();
        const actor: LedgerActor = { type: 'assessor', id: userId };
        // A warm transfer: the colleague who held the session lets it go now, not before. The customer's
        // session began at the first answer, so its time stays (the KPIs' wait and handle times read it).
        const from = isWarmTransfer(entry) ? entry.assignedTo! : null;
        const answeredAt = from !== null && entry.assignedAt !== null ? entry.assignedAt : at;
        await store.updateEntry(entry.id, { state: 'assigned', offered_to: null, offer_expires_at: null, offer_reason: null, offer_facts: null, assigned_to: userId, assigned_at: answeredAt, pinned_to: null, transfer_note: null });
        if (from !== null) {
          await store.addLoad(from, entry.channel, -1, at);
          await ledger.append({ caseId: entry.caseId, actor, type: 'queue.transferred', payload: { entryId: entry.id, from, to: userId, mode: 'warm', note: entry.transfer?.note ?? null } });
        }
        await store.addLoad(userId, entry.channel, 1, at);
        const record = (await cases.byId(entry.caseId))!;
        if (record.assessorId !== userId) {
          await cases.setAssessor(entry.caseId, userId);
          await ledger.append({ caseId: entry.caseId, actor: { type: 'assessor', id: userId }, type: 'case.assigned', payload: { from: record.assessorId, to: userId } });
        }
        await ledger.append({ caseId: entry.caseId, actor, type: 'queue.assigned', payload: { entryId: entry.id, assessorId: userId, waitedMs: Math.max(0, Date.parse(answeredAt) - Date.parse(entry.enqueuedAt)) } });
        const ended: TransferEnded[] = from !== null ? [{ entry, from, colleague: userId, outcome: 'accepted' }] : [];
        return { caseId: entry.caseId, ended };
      });
      await tellEnded(ended);
      await deps.publishCase?.(caseId);
      return passAfter((await store.entry(entryId))!);
    },

    async decline(entryId: string, userId: string): Promise<void> {
      const lapsed = await locked(async () => {
        const entry = await openOfferOf(entryId, userId, clock().getTime());
        return passOver(entry, userId, 'declined', { type: 'assessor', id: userId });
      });
      if (lapsed) await tellEnded([lapsed]);
      await passAfter(undefined);
    },

    /** The session from this entry ended: its assessor's load on the channel goes down by one. */
    async finish(entryId: string, user: { id: string; role: string }): Promise<StoredEntry> {
      await locked(async () => {
        const entry = await assignedEntry(entryId, user);
        const at = clock().toISOString();
        await store.updateEntry(entry.id, { state: 'finished', ended_at: at });
        await store.addLoad(entry.assignedTo!, entry.channel, -1, at);
      });
      return passAfter((await store.entry(entryId))!);
    },

    /**
     * The customer was lost mid-session: back in the queue with the original enqueue time (so at the
     * head of their priority), nobody passed over, and the assessor's load freed.
     */
    async requeue(entryId: string, user: { id: string; role: string }): Promise<StoredEntry> {
      await locked(async () => {
        const entry = await assignedEntry(entryId, user);
        await putBack(entry, { type: 'assessor', id: user.id }, clock().toISOString());
      });
      return passAfter((await store.entry(entryId))!);
    },

    /**
     * The case's place: its newest entry and, while waiting or offered, position and estimate. Read
     * without the lock: from this instance's last pass when it is fresh (the 1 s tick keeps it so while
     * anything is queued), else computed from one read of the queue and the assessors, writing nothing.
     */
    async placeOf(caseId: string): Promise<CasePlace | null> {
      const entry = await store.latestForCase(caseId);
      if (!entry) return null;
      const transferring = entry.transfer !== null && (entry.state === 'waiting' || entry.state === 'offered');
      if (isWarmTransfer(entry) || (entry.state !== 'waiting' && entry.state !== 'offered')) return { entry, transferring, position: null, etaSeconds: null };
      const now = clock().getTime();
      let estimate = now - lastEstimates.at <= ESTIMATE_FRESH_MS ? lastEstimates.byEntry.get(entry.id) : undefined;
      if (estimate === undefined) {
        const [entries, routing, recent] = await Promise.all([store.queued(), store.routing(), store.recentHandleSeconds()]);
        const pendingOffers = openOffers(entries);
        const waiting = entries.filter((e) => !isWarmTransfer(e));
        const estimates = estimateWait(waiting.map(toQueueEntry), routing.map((row) => toAssessor(row, now, pendingOffers, awayAfterMs)), recent, now);
        estimate = estimates.find((e) => e.entryId === entry.id);
      }
      return { entry, transferring, position: estimate?.position ?? null, etaSeconds: estimate?.etaSeconds ?? null };
    },

    /** The customer left before anyone answered (abandonment): the entry ends, an offer out is withdrawn. */
    async leave(caseId: string, actor: LedgerActor, within?: () => Promise<void>): Promise<StoredEntry> {
      const entryId = await locked(async () => {
        const entry = await store.activeForCase(caseId);
        if (!entry || entry.state === 'assigned' || isWarmTransfer(entry)) {
          throw new HttpError(409, 'not_waiting', text(entry ? 'queue.takenHangUp' : 'queue.notWaiting'));
        }
        const now = clock();
        await store.updateEntry(entry.id, { state: 'left', ended_at: now.toISOString(), offered_to: null, offer_expires_at: null, offer_reason: null, offer_facts: null });
        await ledger.append({ caseId, actor, type: 'queue.left', payload: { entryId: entry.id, waitedMs: Math.max(0, now.getTime() - Date.parse(entry.enqueuedAt)) } });
        await within?.();
        return entry.id;
      });
      return passAfter((await store.entry(entryId))!);
    },

    /** A callback number on the waiting entry: the place is kept, and the offer shows the number. */
    async requestCallback(caseId: string, actor: LedgerActor, callback: { phone: string; note: string | null }): Promise<StoredEntry> {
      return locked(async () => {
        const entry = await store.activeForCase(caseId);
        if (!entry || entry.state === 'assigned' || isWarmTransfer(entry)) {
          throw new HttpError(409, 'not_waiting', text(entry ? 'queue.taken' : 'queue.askFirst'));
        }
        await store.updateEntry(entry.id, { callback: JSON.stringify(callback) });
        await ledger.append({ caseId, actor, type: 'queue.callback-requested', payload: { entryId: entry.id, phone: callback.phone, note: callback.note } });
        return (await store.entry(entry.id))!;
      });
    },


    /** The queue as a supervisor sees it: waiting and offered entries in routing order with place and wait, and every routed assessor. */
    async view(): Promise<QueueView> {
      const result = await service.runPass();
      const estimates = new Map(result.estimates.map((e) => [e.entryId, e]));
      const ordered = [...result.entries].sort((a, b) => compareEntries(toQueueEntry(a), toQueueEntry(b)));
      const assessors = new Map(result.assessors.map((a) => [a.id, a]));
      const titles = await store.titles(ordered.map((e) => e.caseId));
      return {
        entries: ordered.map((e) => ({
          id: e.id, caseId: e.caseId, channel: e.channel, priority: e.priority, enqueuedAt: e.enqueuedAt, state: e.state, offeredTo: e.offeredTo, assignedTo: e.assignedTo,
          position: estimates.get(e.id)?.position ?? 0, etaSeconds: estimates.get(e.id)?.etaSeconds ?? null,
          caseTitle: titles.get(e.caseId) ?? null, service: frontDoorOf(e).service,
        })),
        assessors: result.routing.map((row) => {
          const a = assessors.get(row.userId)!;
          return { id: row.userId, name: row.name, status: a.status, skills: { ...row.skills }, capacity: { ...row.capacity }, load: { ...row.load }, offer: a.pendingOffer ?? null };
        }),
      };
    },

    /**
     * Passes every `intervalMs` (steps relax, offers expire and quiet consoles lose their sessions with
     * time alone); a pass with nothing queued or in a session is skipped.
     */
    start(intervalMs = 1000): void {
      if (ticker) return;
      ticker = setInterval(() => {
        if (ticking) return;
        ticking = (async () => {
          if (await store.anyActive()) await service.runPass();
        })().catch((error: unknown) => deps.onError?.(error)).finally(() => {
          ticking = null;
        });
      }, intervalMs);
    },

    /** Stops the tick and waits for a pass under way. */
    async stop(): Promise<void> {
      if (ticker) clearInterval(ticker);
      ticker = null;
      await ticking;
    },
  };

  const assignedEntry = async (entryId: string, user: { id: string; role: string }): Promise<StoredEntry> => {
    const entry = await store.entry(entryId);
    if (!entry) throw notFound('queueEntry');
    if (user.role !== 'admin' && entry.assignedTo !== user.id) throw new HttpError(403, 'forbidden', text('queue.notYourSession'));
    if (entry.state !== 'assigned') throw new HttpError(409, 'not_assigned', text('queue.notAssigned', { state: word(`queue.state.${entry.state}`) }));
    return entry;
  };

  return service;
}

export type QueueService = ReturnType<typeof createQueueService>;
