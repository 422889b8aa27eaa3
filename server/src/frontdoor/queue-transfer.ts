// Handing a session on: cold (back to the queue's head) or warm (offered to a colleague while the
// sender keeps the customer), taking a warm transfer back, and the colleagues one can go to. Runs under
// the queue service's lock with its helpers; a warm offer's answer is the service's accept and decline.
import type { LedgerActor } from '../../../protocol/http.ts';
import type { ColleaguesView, OfferFacts, QueueOffer, TransferBody } from '../../../protocol/queue.ts';
import { HttpError, notFound, text, word } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { QueueStore, StoredEntry } from './queue-store.ts';
import { describeFacts } from './routing-steps.ts';
import { effectiveStatus, openOffers, toAssessor, toQueueEntry, type TransferEnded } from './queue-views.ts';
import { CHANNELS } from './routing-types.ts';
import { isWarmTransfer, warmColleague } from './transfer.ts';

export interface TransferContext {
  store: QueueStore;
  ledger: LedgerStore;
  clock: () => Date;
  offerTimeoutMs: number;
  awayAfterMs: number;
  hub?: Pick<EventHub, 'publish'>;
  /** Runs `work` in one transaction holding the queue lock. */
  locked: <T>(work: () => Promise<T>) => Promise<T>;
  passOver: (entry: StoredEntry, assessorId: string, why: 'withdrawn', actor: LedgerActor) => Promise<TransferEnded | null>;
  /** A routing pass after the change committed, then `value`. */
  passAfter: <T>(value: T) => Promise<T>;
  offerOf: (entry: StoredEntry) => Promise<QueueOffer>;
  tellEnded: (ended: readonly TransferEnded[]) => Promise<void>;
  /** QueueServiceDeps.inCall: a colleague in a call of their own is not free for a warm transfer. */
  inCall?: (assessorIds: readonly string[]) => Promise<ReadonlySet<string>>;
}

export function createTransferActions(ctx: TransferContext) {
  const { store, ledger, clock, locked, passOver, passAfter, offerOf, tellEnded, awayAfterMs } = ctx;
  return {
  /**
   * Hands the session on (the assigned assessor, a supervisor or an admin). Cold: back to waiting at
   * its first enqueue time, the sender passed over and their load freed at once, pinned to `to` and
   * routed by `skill` (else its own steps) once no pin holds. Warm: offered now to `to` if free, else
   * the best free match for `skill`, the sender keeping the session and its load until the colleague
   * accepts (accept()) or not (passOver()).
   */
  async transfer(entryId: string, user: { id: string; role: string }, input: TransferBody): Promise<StoredEntry> {
    const made = await locked(async () => {
      const entry = await store.entry(entryId);
      if (!entry) throw notFound('queueEntry');
      if (user.role !== 'admin' && user.role !== 'supervisor' && entry.assignedTo !== user.id) throw new HttpError(403, 'forbidden', text('queue.notYourSession'));
      if (isWarmTransfer(entry)) throw new HttpError(409, 'transfer_pending', text('queue.transferPending'));
      if (entry.state !== 'assigned') throw new HttpError(409, 'not_assigned', text('queue.notAssigned', { state: word(`queue.state.${entry.state}`) }));
      const from = entry.assignedTo!;
      if (input.to === from) throw new HttpError(422, 'transfer_to_self', text('queue.transferToSelf'));
      const nowDate = clock();
      const now = nowDate.getTime();
      const at = nowDate.toISOString();
      const routing = await store.routing();
      const target = input.to === undefined ? undefined : routing.find((row) => row.userId === input.to);
      if (input.to !== undefined && (!target || target.disabled || (target.capacity[entry.channel] ?? 0) < 1)) {
        throw new HttpError(422, 'not_routed', text('queue.notRouted', { channel: entry.channel }));
      }
      const note = input.note === undefined || input.note === '' ? null : input.note;
      const transfer_note = JSON.stringify({ mode: input.mode, from, note });
      const actor: LedgerActor = { type: 'assessor', id: user.id };
      if (input.mode === 'cold') {
        const steps = input.skill ? [{ afterSeconds: 0, requires: [input.skill] }] : entry.steps;
        await store.updateEntry(entry.id, { state: 'waiting', assigned_to: null, assigned_at: null, passed_over: JSON.stringify([from]), pinned_to: input.to ?? null, steps: JSON.stringify(steps), transfer_note });
        await store.addLoad(from, entry.channel, -1, at);
        await ledger.append({ caseId: entry.caseId, actor, type: 'queue.transferred', payload: { entryId: entry.id, from, to: input.to ?? null, mode: 'cold', note } });
        return null;
      }
      const queued = await store.queued();
      const pending = openOffers(queued);
      const inCall = ctx.inCall ? await ctx.inCall(routing.filter((row) => row.userId !== from).map((row) => row.userId)) : new Set<string>();
      const colleague = warmColleague(toQueueEntry(entry), from, routing.map((row) => toAssessor(row, now, pending, awayAfterMs, inCall)), now, input);
      if (colleague === null) {
        throw new HttpError(409, 'colleague_unavailable', text(input.to !== undefined ? 'queue.colleagueBusy' : 'queue.skillBusy'));
      }
      const bySkill = input.skill !== undefined && colleague !== input.to;
      const facts: OfferFacts = { kind: 'transfer', from, ...(bySkill ? { skill: { skill: input.skill!.skill, minLevel: input.skill!.minLevel } } : {}) };
      const reason = describeFacts(facts);
      const expiresAt = new Date(now + ctx.offerTimeoutMs).toISOString();
      await store.updateEntry(entry.id, { state: 'offered', offered_to: colleague, offer_expires_at: expiresAt, offer_reason: reason, offer_facts: JSON.stringify(facts), pinned_to: colleague, transfer_note });
      await ledger.append({ caseId: entry.caseId, actor, type: 'queue.offered', payload: { entryId: entry.id, assessorId: colleague, stepIndex: -1, reason, facts } });
      return colleague;
    });
    const entry = (await store.entry(entryId))!;
    if (made !== null) ctx.hub?.publish(made, { type: 'offer', assessorId: made, offer: await offerOf(entry) });
    return passAfter(entry);
  },

  /** The sender takes back a warm transfer the colleague has not answered: the session stays theirs. */
  async cancelTransfer(entryId: string, user: { id: string; role: string }): Promise<StoredEntry> {
    const lapsed = await locked(async () => {
      const entry = await store.entry(entryId);
      if (!entry) throw notFound('queueEntry');
      if (user.role !== 'admin' && user.role !== 'supervisor' && entry.assignedTo !== user.id) throw new HttpError(403, 'forbidden', text('queue.notYourSession'));
      if (!isWarmTransfer(entry)) throw new HttpError(409, 'no_transfer', text('queue.noTransfer'));
      return passOver(entry, entry.offeredTo!, 'withdrawn', { type: 'assessor', id: user.id });
    });
    if (lapsed) await tellEnded([lapsed]);
    return passAfter((await store.entry(entryId))!);
  },

  /** Who a session can be handed to: every routed, enabled person, with routing's reading of their status. */
  async colleagues(): Promise<ColleaguesView> {
    const now = clock().getTime();
    const rows = (await store.routing()).filter((row) => !row.disabled);
    return {
      colleagues: rows.map((row) => ({
        id: row.userId, name: row.name, status: effectiveStatus(row, now, awayAfterMs), skills: { ...row.skills },
        channels: CHANNELS.filter((c) => (row.capacity[c] ?? 0) >= 1),
      })),
    };
  }
  };
}
