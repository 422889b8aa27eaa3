// Turns one consistent read of a case into what the report shows: people named, photos numbered and
// tied to the preview blob their signed ledger entry names, every ledger entry described, in the
// case's language. Pure.
import { CHECKLIST_TEMPLATES, type ChecklistView } from '../../../protocol/checklist.ts';
import type { MeasurementView } from '../../../protocol/spatial.ts';
import type { ChatLine, EvidenceView, LedgerActor, LedgerEntry, LedgerKey, OutcomeView, User, VerifyResult } from '../../../protocol/http.ts';
import { knownLedgerEntry } from '../../../protocol/ledger.ts';
import type { CaseRecord } from '../cases/case-store.ts';
import { describeEntry } from './describe-entry.ts';
import { reportWords } from './format.ts';
import { foldChunkRuns, reportRecordings } from './recording-summary.ts';
import type { CaseReport, ReportOutcome, ReportTour } from './report-data.ts';
import { overlayOf, reportChecklist, reportMeasurements } from './report-spatial.ts';
import { reportIdentityChecks } from './sections/identity.ts';

export interface ReportSnapshot {
  generatedAt: string;
  case: CaseRecord;
  /** The users the case, its entries and its outcomes name, by id. */
  users: ReadonlyMap<string, User>;
  evidence: EvidenceView[];
  chat: ChatLine[];
  outcomes: OutcomeView[];
  measurements: MeasurementView[];
  checklist: ChecklistView | null;
  /** The tour of a preview case, with what its customer was shown. */
  tour: ReportTour | null;
  entries: LedgerEntry[];
  ledgerKey: Pick<LedgerKey, 'algorithm' | 'keyId'>;
  verification: VerifyResult;
}

/** Every user id the report will name, so the caller can look them up in the same read. */
export function userIdsNamedBy(record: CaseRecord, entries: readonly LedgerEntry[], outcomes: readonly OutcomeView[]): string[] {
  const ids = new Set(record.assessorId === null ? [] : [record.assessorId]);
  for (const entry of entries) {
    if (entry.actor.type === 'assessor') ids.add(entry.actor.id);
    // A reassignment names both assessors.
    const known = knownLedgerEntry(entry);
    if (known?.type === 'case.assigned') for (const id of [known.payload.from, known.payload.to]) if (id !== null) ids.add(id);
  }
  for (const outcome of outcomes) ids.add(outcome.decidedBy);
  return [...ids];
}

export function buildCaseReport(snapshot: ReportSnapshot): CaseReport {
  const { case: record, users, entries } = snapshot;
  const customer = record.customerName;
  const words = reportWords(record.language);
  const { say } = words;

  const actorLabel = (actor: LedgerActor): string => {
    if (actor.type === 'assessor') {
      const user = users.get(actor.id);
      return user ? say('actor.assessor', { name: user.name }) : say('actor.assessorId', { id: actor.id });
    }
    if (actor.type === 'customer') return customer ? say('actor.customer', { name: customer }) : say('actor.customerUnnamed');
    return actor.id === 'system' ? say('actor.system') : say('actor.systemId', { id: actor.id });
  };

  // The entry that added each photo and each chat line: who did it, and which preview it signed for.
  const evidenceEntries = new Map<string, { entry: LedgerEntry; previewSha256: string; thumbnailSha256: string }>();
  const chatActors = new Map<string, LedgerActor>();
  const measurementActors = new Map<string, LedgerActor>();
  for (const entry of entries) {
    const known = knownLedgerEntry(entry);
    if (known?.type === 'evidence.added') {
      const { evidenceId, previewSha256, thumbnailSha256 } = known.payload;
      evidenceEntries.set(evidenceId, { entry, previewSha256, thumbnailSha256 });
    } else if (known?.type === 'chat.line') {
      chatActors.set(known.payload.lineId, entry.actor);
    } else if (known?.type === 'measurement.recorded') {
      measurementActors.set(known.payload.id, entry.actor);
    }
  }
  const measurementsById = new Map(snapshot.measurements.map((m) => [m.id, m]));

  // An identity document's photos show its full number: the report leaves them out (the bundle keeps them).
  const evidence = snapshot.evidence.filter((view) => view.purpose !== 'id-front' && view.purpose !== 'id-back').map((view, index) => {
    const added = evidenceEntries.get(view.id);
    const signed = (sha256: string | null | undefined): string | null => (added && sha256 && added.entry.blobs.includes(sha256) ? sha256 : null);
    const role = say(view.capturedBy === 'customer' ? 'actor.roleCustomer' : 'actor.roleAssessor');
    return {
      ...view,
      number: index + 1,
      previewSha256: signed(added?.previewSha256),
      thumbnailSha256: signed(added?.thumbnailSha256),
      overlay: overlayOf(view.layer, measurementsById),
      capturedByLabel: added ? actorLabel(added.entry.actor) : role,
      replacedByNumber: null as number | null,
    };
  });
  const photoNumbers = new Map(evidence.map((item) => [item.id, item.number]));
  for (const item of evidence) item.replacedByNumber = item.supersededBy ? (photoNumbers.get(item.supersededBy) ?? null) : null;
  const photos = new Map(evidence.map((item) => [item.id, item]));
  const checklistItems = record.checklist ? CHECKLIST_TEMPLATES[record.checklist].items : [];
  const checklistTitle = (id: string): string | undefined => {
    const item = checklistItems.find((candidate) => candidate.id === id);
    return item && record.checklist ? words.checklistTitle(record.checklist, id, item.title) : undefined;
  };

  const outcomes: ReportOutcome[] = snapshot.outcomes.map((outcome, index) => ({
    id: outcome.id,
    decision: outcome.decision,
    reason: outcome.reason,
    amount: outcome.amount,
    currency: outcome.currency,
    damageItems: outcome.damageItems,
    booking: outcome.booking ? { title: outcome.booking.title, seat: outcome.booking.seat ?? null } : null,
    followUpOn: outcome.followUpOn ?? null,
    decidedBy: users.get(outcome.decidedBy)?.name ?? outcome.decidedBy,
    at: outcome.at,
    superseded: index < snapshot.outcomes.length - 1,
  }));

  const assessor = record.assessorId === null ? undefined : users.get(record.assessorId);
  return {
    generatedAt: snapshot.generatedAt,
    language: words.language,
    case: {
      id: record.id,
      kind: record.kind,
      title: record.title,
      customerName: record.customerName,
      reference: record.reference,
      closedAt: record.closedAt,
      createdAt: record.createdAt,
      joinExpiresAt: record.joinExpiresAt,
      evidenceCount: record.evidenceCount,
      address: record.address,
    },
    assessor: assessor ? { name: assessor.name, email: assessor.email } : null,
    outcome: outcomes.at(-1) ?? null,
    earlierOutcomes: outcomes.slice(0, -1),
    evidence,
    measurements: reportMeasurements(snapshot.measurements, (m) => {
      const actor = measurementActors.get(m.id);
      return actor ? actorLabel(actor) : m.createdBy === 'customer' ? actorLabel({ type: 'customer', id: '' }) : say('actor.roleAssessor');
    }),
    checklist: reportChecklist(snapshot.checklist, (evidenceId) => {
      const photo = photos.get(evidenceId);
      return { number: photo?.number ?? null, thumbnailSha256: photo?.thumbnailSha256 ?? null, purged: photo?.purged === true };
    }),
    tour: snapshot.tour,
    recordings: reportRecordings(entries),
    timeline: foldChunkRuns(entries, entries.map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      actor: actorLabel(entry.actor),
      description: describeEntry(entry, {
        photoNumber: (id) => photoNumbers.get(id),
        checklistItem: checklistTitle,
        userName: (id) => users.get(id)?.name,
        words,
      }),
    })), words),
    chat: snapshot.chat.map((line) => {
      const actor = chatActors.get(line.id);
      return { ...line, who: actor ? actorLabel(actor) : line.from === 'customer' ? actorLabel({ type: 'customer', id: '' }) : say('actor.roleAssessor') };
    }),
    ledger: {
      entries: entries.length,
      headHash: entries.at(-1)?.hash ?? null,
      algorithm: snapshot.ledgerKey.algorithm,
      keyId: snapshot.ledgerKey.keyId,
    },
    verification: snapshot.verification,
    identity: reportIdentityChecks(entries, (id) => users.get(id)?.name),
  };
}
