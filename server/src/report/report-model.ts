// Turns one consistent read of a case into what the report shows: people named, photos numbered and
// tied to the preview blob their signed ledger entry names, every ledger entry described. Pure.
import { z } from 'zod';
import type { ChatLine, EvidenceView, LedgerActor, LedgerEntry, LedgerKey, OutcomeView, User, VerifyResult } from '../../../protocol/http.ts';
import type { CaseRecord } from '../cases/case-store.ts';
import { describeEntry } from './describe-entry.ts';
import type { CaseReport, ReportOutcome } from './report-data.ts';

export interface ReportSnapshot {
  generatedAt: string;
  case: CaseRecord;
  /** The users the case, its entries and its outcomes name, by id. */
  users: ReadonlyMap<string, User>;
  evidence: EvidenceView[];
  chat: ChatLine[];
  outcomes: OutcomeView[];
  entries: LedgerEntry[];
  ledgerKey: Pick<LedgerKey, 'algorithm' | 'keyId'>;
  verification: VerifyResult;
}

const EvidencePayload = z.object({ evidenceId: z.string(), previewSha256: z.string().regex(/^[0-9a-f]{64}$/) });
const ChatPayload = z.object({ lineId: z.string() });

/** Every user id the report will name, so the caller can look them up in the same read. */
export function userIdsNamedBy(record: CaseRecord, entries: readonly LedgerEntry[], outcomes: readonly OutcomeView[]): string[] {
  const ids = new Set([record.assessorId]);
  for (const entry of entries) if (entry.actor.type === 'assessor') ids.add(entry.actor.id);
  for (const outcome of outcomes) ids.add(outcome.decidedBy);
  return [...ids];
}

export function buildCaseReport(snapshot: ReportSnapshot): CaseReport {
  const { case: record, users, entries } = snapshot;
  const customer = record.customerName;

  const actorLabel = (actor: LedgerActor): string => {
    if (actor.type === 'assessor') {
      const user = users.get(actor.id);
      return user ? `${user.name} (assessor)` : `Assessor ${actor.id}`;
    }
    if (actor.type === 'customer') return customer ? `${customer} (customer)` : 'Customer';
    return actor.id === 'system' ? 'System' : `System (${actor.id})`;
  };

  // The entry that added each photo and each chat line: who did it, and which preview it signed for.
  const evidenceEntries = new Map<string, { entry: LedgerEntry; previewSha256: string }>();
  const chatActors = new Map<string, LedgerActor>();
  for (const entry of entries) {
    if (entry.type === 'evidence.added') {
      const payload = EvidencePayload.safeParse(entry.payload);
      if (payload.success) evidenceEntries.set(payload.data.evidenceId, { entry, previewSha256: payload.data.previewSha256 });
    } else if (entry.type === 'chat.line') {
      const payload = ChatPayload.safeParse(entry.payload);
      if (payload.success) chatActors.set(payload.data.lineId, entry.actor);
    }
  }

  const evidence = snapshot.evidence.map((view, index) => {
    const added = evidenceEntries.get(view.id);
    const signedPreview = added && added.entry.blobs.includes(added.previewSha256) ? added.previewSha256 : null;
    const role = view.capturedBy === 'customer' ? 'Customer' : 'Assessor';
    return {
      ...view,
      number: index + 1,
      previewSha256: signedPreview,
      capturedByLabel: added ? actorLabel(added.entry.actor) : role,
      replacedByNumber: null as number | null,
    };
  });
  const photoNumbers = new Map(evidence.map((item) => [item.id, item.number]));
  for (const item of evidence) item.replacedByNumber = item.supersededBy ? (photoNumbers.get(item.supersededBy) ?? null) : null;

  const outcomes: ReportOutcome[] = snapshot.outcomes.map((outcome, index) => ({
    id: outcome.id,
    decision: outcome.decision,
    reason: outcome.reason,
    amount: outcome.amount,
    currency: outcome.currency,
    damageItems: outcome.damageItems,
    decidedBy: users.get(outcome.decidedBy)?.name ?? outcome.decidedBy,
    at: outcome.at,
    superseded: index < snapshot.outcomes.length - 1,
  }));

  const assessor = users.get(record.assessorId);
  return {
    generatedAt: snapshot.generatedAt,
    case: {
      id: record.id,
      kind: record.kind,
      title: record.title,
      customerName: record.customerName,
      createdAt: record.createdAt,
      joinExpiresAt: record.joinExpiresAt,
      evidenceCount: record.evidenceCount,
    },
    assessor: assessor ? { name: assessor.name, email: assessor.email } : null,
    outcome: outcomes.at(-1) ?? null,
    earlierOutcomes: outcomes.slice(0, -1),
    evidence,
    timeline: entries.map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      actor: actorLabel(entry.actor),
      description: describeEntry(entry, { photoNumber: (id) => photoNumbers.get(id) }),
    })),
    chat: snapshot.chat.map((line) => {
      const actor = chatActors.get(line.id);
      return { ...line, who: actor ? actorLabel(actor) : line.from === 'customer' ? actorLabel({ type: 'customer', id: '' }) : 'Assessor' };
    }),
    ledger: {
      entries: entries.length,
      headHash: entries.at(-1)?.hash ?? null,
      algorithm: snapshot.ledgerKey.algorithm,
      keyId: snapshot.ledgerKey.keyId,
    },
    verification: snapshot.verification,
  };
}
