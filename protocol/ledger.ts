// Every kind of ledger entry and the payload it carries: the one contract between the services that
// append entries and whatever reads them back (the PDF report, the offline verifier, an auditor).
// Entries are signed and kept for years, so a payload schema only ever loosens: a field added later is
// optional here, and an entry written by an older server still parses. Unknown fields are dropped by
// a parse, never refused, for the same reason.
import { z } from 'zod';
import { AGENT_ANSWERED, AGENT_HANDED_OFF, AgentAnsweredPayload, AgentHandedOffPayload, ServiceType } from './agent.ts';
import { ChecklistCapture, ChecklistTemplateId } from './checklist.ts';
import { EVIDENCE_SUPERSEDED, EvidenceSupersededPayload, RETENTION_PURGED, RetentionPurgedPayload } from './corrections.ts';
import { EVIDENCE_NOTED, EvidenceNotedPayload } from './evidence-notes.ts';
import { Booking, CaseKind, ChatAuthor, ChatLine, DamageItem, Decision, EvidenceSource, LinkSendView, type LedgerEntry } from './http.ts';
import { CustomerMode } from './messages.ts';
import { ChunkNumber, Sha256Hex } from './recording.ts';
import { AnnotationBody, AnnotationLayer, MeasurementBody } from './spatial.ts';
import { TourActivityBody, TourEvent } from './tour-activity.ts';
import { TourId } from './tour.ts';
import { OfferFacts, QueueChannel, RoutingStep } from './queue.ts';
import { text } from './text.ts';
import { CaptureCheck, CaseAddress, ExifFacts } from './capture.ts';
import { IdentityDocument, IdentityPhotoPurpose, IdentityResult, MrzReading } from './identity.ts';
import { Currency } from './money.ts';
import { OfferConfirmation, OfferItem } from './settlement.ts';

export { AgentAnsweredPayload, AgentHandedOffPayload, EvidenceNotedPayload, EvidenceSupersededPayload, RetentionPurgedPayload };

export const CaseCreatedPayload = z.object({
  kind: CaseKind,
  title: text(),
  customerName: text().nullable(),
  /** null: opened by the front door's intake, for whoever takes it from the queue. */
  assessorId: text().nullable(),
  /** The guided-capture checklist; entries from before checklists have none. */
  checklist: ChecklistTemplateId.nullable().optional(),
  /** A preview case's tour; only present when the case has one. */
  tour: TourId.optional(),
  /** The operator's reference; only present when one was given. */
  reference: text().optional(),
  /** The case's language (BCP 47); only present when the assessor chose one. */
  language: text().optional(),
});
export type CaseCreatedPayload = z.infer<typeof CaseCreatedPayload>;

/** The corrected fields (title, customerName, reference) as they were and as they are; null: empty. */
export const CaseUpdatedPayload = z.object({
  before: z.record(text(), text().nullable()),
  after: z.record(text(), text().nullable()),
});
export type CaseUpdatedPayload = z.infer<typeof CaseUpdatedPayload>;

export const CaseClosedPayload = z.object({ reason: text().nullable() });
export type CaseClosedPayload = z.infer<typeof CaseClosedPayload>;

/** Reopened, archived, unarchived: the entry's type says it all. */
export const NoPayload = z.object({});
export type NoPayload = z.infer<typeof NoPayload>;

/** A case moved from one assessor (user id) to another. */
/** `from` null: the case had nobody yet (the front door opened it). */
export const CaseAssignedPayload = z.object({ from: text().nullable(), to: text() });
export type CaseAssignedPayload = z.infer<typeof CaseAssignedPayload>;

export const JoinLinkIssuedPayload = z.object({ tokenId: text(), expiresAt: text() });
export type JoinLinkIssuedPayload = z.infer<typeof JoinLinkIssuedPayload>;

/** The join link a customer opened for the first time, or declined on its consent screen. */
export const JoinTokenPayload = z.object({ tokenId: text() });
export type JoinTokenPayload = z.infer<typeof JoinTokenPayload>;

export const JoinLinkSentPayload = LinkSendView.pick({ channel: true, recipient: true, status: true });
export type JoinLinkSentPayload = z.infer<typeof JoinLinkSentPayload>;

export const CustomerConsentedPayload = z.object({ recording: z.boolean(), location: z.boolean() });
export type CustomerConsentedPayload = z.infer<typeof CustomerConsentedPayload>;

/** The customer's page came onto, or left, the signalling server under this peer id. */
export const CustomerPresencePayload = z.object({ peerId: text() });
export type CustomerPresencePayload = z.infer<typeof CustomerPresencePayload>;

/** One step of a call attempt (`call.started` … `call.ended`). */
export const CallEventPayload = z.object({
  callId: text(),
  /** Why a call failed or ended, in words; null when the console gave no reason. */
  detail: text().nullable(),
  /** Present (true) only when the call failed within 30 s of its start. */
  earlyFailure: z.boolean().optional(),
});
export type CallEventPayload = z.infer<typeof CallEventPayload>;

/** `role`: the writer's part in the case when not the customer; `whisper`: present (true) when the line went to the assessor only; `language`: the writer's page's language. */
export const ChatLinePayload = z.object({
  lineId: text(),
  from: ChatLine.shape.from,
  text: text(),
  role: ChatAuthor.shape.role.optional(),
  whisper: z.boolean().optional(),
  /** The language the writer's page was in (BCP 47), shown beside the line; lines from before languages have none. */
  language: text().optional(),
});
export type ChatLinePayload = z.infer<typeof ChatLinePayload>;

export const EvidenceAddedPayload = z.object({
  evidenceId: text(),
  kind: z.literal('photo'),
  source: EvidenceSource,
  mime: text(),
  size: z.number().int().min(0),
  sha256: Sha256Hex,
  width: z.number().int(),
  height: z.number().int(),
  sharpness: z.number(),
  blurry: z.boolean(),
  brightness: z.number(),
  exposure: z.enum(['ok', 'under', 'over']),
  deviceTime: text().nullable(),
  receivedAt: text(),
  requestId: text().nullable(),
  /** Where the photo was taken, when the customer allowed it (an assessor's photo: when sent). */
  location: z.object({ latitude: z.number(), longitude: z.number(), accuracy: z.number().nullable() }).nullable(),
  previewSha256: Sha256Hex,
  thumbnailSha256: Sha256Hex,
  /** The annotations drawn over the photo; entries from before annotation layers have none. */
  layer: AnnotationLayer.nullable().optional(),
  /** An identity check's photo (document front/back, selfie); absent on an ordinary photo. */
  purpose: IdentityPhotoPurpose.optional(),
  /** A gallery upload's EXIF time and place, when the file carried them. */
  exif: ExifFacts.optional(),
  /** The when/where check made on arrival; entries from before issue 15 have none (the verifier re-derives it). */
  capture: CaptureCheck.optional(),
});
export type EvidenceAddedPayload = z.infer<typeof EvidenceAddedPayload>;

/** The annotation exactly as posted. */
export const AnnotationPlacedPayload = AnnotationBody;
export type AnnotationPlacedPayload = z.infer<typeof AnnotationPlacedPayload>;

/** `all`: the clear asked for every visible annotation rather than named ones. */
export const AnnotationClearedPayload = z.object({ ids: z.array(text()), all: z.boolean() });
export type AnnotationClearedPayload = z.infer<typeof AnnotationClearedPayload>;

/** The measurement as posted, with the server's distance and uncertainty. */
export const MeasurementRecordedPayload = MeasurementBody.extend({ distanceM: z.number(), uncertaintyM: z.number() });
export type MeasurementRecordedPayload = z.infer<typeof MeasurementRecordedPayload>;

export const ChecklistCapturedPayload = ChecklistCapture.omit({ at: true });
export type ChecklistCapturedPayload = z.infer<typeof ChecklistCapturedPayload>;

export const OutcomeRecordedPayload = z.object({
  outcomeId: text(),
  decision: Decision,
  reason: text(),
  amount: z.number().nullable(),
  currency: text().nullable(),
  damageItems: z.array(DamageItem),
  /** The outcome this one replaces. */
  supersedes: text().nullable(),
  /** A booked preview: the option, its title as the tour named it, and the seat. */
  booking: Booking.extend({ title: text() }).optional(),
  /** A follow-up: the day (YYYY-MM-DD). */
  followUpOn: text().optional(),
});
export type OutcomeRecordedPayload = z.infer<typeof OutcomeRecordedPayload>;

export const RecordingStartedPayload = z.object({
  recordingId: text(),
  mimeType: text(),
  /** The console's clock at the recorder's start. */
  startedAt: text(),
  chunkMs: z.number().int().nullable(),
});
export type RecordingStartedPayload = z.infer<typeof RecordingStartedPayload>;

/** Chunk n of a recording; its bytes are the entry's one blob. */
export const RecordingChunkPayload = z.object({ recordingId: text(), n: ChunkNumber, sha256: Sha256Hex, size: z.number().int().min(0) });
export type RecordingChunkPayload = z.infer<typeof RecordingChunkPayload>;

export const RecordingSealedPayload = z.object({
  recordingId: text(),
  mimeType: text(),
  chunkCount: z.number().int().min(0),
  durationMs: z.number().min(0),
  bytes: z.number().int().min(0),
  /** Every chunk's hash in order: the entry's blobs. */
  chunks: z.array(Sha256Hex),
});
export type RecordingSealedPayload = z.infer<typeof RecordingSealedPayload>;

export const TourActivityPayload = z.object({
  batchId: text(),
  tour: TourId,
  from: z.enum(['customer', 'assessor']),
  view: TourActivityBody.shape.view,
  events: z.array(TourEvent),
});
export type TourActivityPayload = z.infer<typeof TourActivityPayload>;

export const RETENTION_LEGAL_HOLD = 'retention.legal-hold';
/**
 * A legal hold put on (or lifted from) every blob the case's ledger still requires, by `npm run
 * legal-hold`; while the latest one is on, `npm run retention` skips the case. `blobs`: how many.
 */
export const RetentionLegalHoldPayload = z.object({
  status: z.enum(['on', 'off']),
  reason: text().nullable(),
  blobs: z.number().int().min(0),
});
export type RetentionLegalHoldPayload = z.infer<typeof RetentionLegalHoldPayload>;

/**
 * The case entered the front door's queue (or was put back after a disconnect, `requeuedFrom` naming
 * the assessor it left, its place kept) with these criteria.
 */
export const QueueEnteredPayload = z.object({
  entryId: text(),
  channel: QueueChannel,
  priority: z.number().int(),
  steps: z.array(RoutingStep),
  requeuedFrom: text().optional(),
});
export type QueueEnteredPayload = z.infer<typeof QueueEnteredPayload>;

/**
 * Offered to one assessor; `stepIndex` is the routing step that matched (-1: pinned), `reason` says why in
 * English words, `facts` the same language-neutral (absent on entries written before issue 16 kept them).
 */
export const QueueOfferedPayload = z.object({ entryId: text(), assessorId: text(), stepIndex: z.number().int(), reason: text(), facts: OfferFacts.optional() });
export type QueueOfferedPayload = z.infer<typeof QueueOfferedPayload>;

export const QueueDeclinedPayload = z.object({ entryId: text(), assessorId: text(), why: z.enum(['declined', 'timed out', 'withdrawn']) });
export type QueueDeclinedPayload = z.infer<typeof QueueDeclinedPayload>;

/** Accepted: the case is the assessor's, after the customer waited `waitedMs` since entering the queue. */
export const QueueAssignedPayload = z.object({ entryId: text(), assessorId: text(), waitedMs: z.number().int().min(0) });
export type QueueAssignedPayload = z.infer<typeof QueueAssignedPayload>;

/** A customer arrived through the front door (`/start`): what for, in their words, and how they want to be met. */
export const IntakeReceivedPayload = z.object({ intakeId: text(), service: ServiceType, intent: text(), channel: QueueChannel, existingCase: z.boolean() });
export type IntakeReceivedPayload = z.infer<typeof IntakeReceivedPayload>;

/** The customer left the queue before anyone answered (abandonment), or asked to be called back (the place is kept). */
export const QueueLeftPayload = z.object({ entryId: text(), waitedMs: z.number().int().min(0) });
export type QueueLeftPayload = z.infer<typeof QueueLeftPayload>;

export const QueueCallbackPayload = z.object({ entryId: text(), phone: text(), note: text().nullable() });
export type QueueCallbackPayload = z.infer<typeof QueueCallbackPayload>;

/** The customer's satisfaction after a session: 1 (poor) to 5 (excellent), and what they wrote. */
export const SurveyAnsweredPayload = z.object({ surveyId: text(), score: z.number().int().min(1).max(5), comment: text().nullable() });
export type SurveyAnsweredPayload = z.infer<typeof SurveyAnsweredPayload>;

/** The assessor's wrap-up of a session: how it ended (disposition) and notes. */
export const SessionWrappedUpPayload = z.object({ wrapUpId: text(), entryId: text().nullable(), disposition: text(), notes: text().nullable() });
export type SessionWrappedUpPayload = z.infer<typeof SessionWrappedUpPayload>;

/** The assessor asked the customer to move to another mode ("may we switch to video so I can see the damage?"). */
export const ChannelProposedPayload = z.object({ proposalId: text(), from: CustomerMode, to: CustomerMode, reason: text().nullable() });
export type ChannelProposedPayload = z.infer<typeof ChannelProposedPayload>;

/** The customer's answer to a proposal: their consent, or not (the mode then stays as it was). */
export const ChannelAnsweredPayload = z.object({ proposalId: text(), accepted: z.boolean() });
export type ChannelAnsweredPayload = z.infer<typeof ChannelAnsweredPayload>;

/** The session moved from one mode to another: on the customer's own choice, or on a proposal they accepted. */
export const ChannelSwitchedPayload = z.object({
  from: CustomerMode,
  to: CustomerMode,
  proposalId: text().nullable(),
  /** The client's name for the switch, so a retried POST finds it; optional like every later field. */
  switchId: text().optional(),
});
export type ChannelSwitchedPayload = z.infer<typeof ChannelSwitchedPayload>;

/** An assessor handed the session on: warm (the colleague read the summary and `note` before joining) or cold (back to the queue, for `to` or for anyone). */
export const QueueTransferredPayload = z.object({ entryId: text(), from: text(), to: text().nullable(), mode: z.enum(['warm', 'cold']), note: text().nullable() });
export type QueueTransferredPayload = z.infer<typeof QueueTransferredPayload>;

/**
 * A third person in a live session: an invited expert, or a supervisor — `full` (video and chat, seen
 * by all), `listen` (silent), `whisper` (heard by the assessor only) or `barge` (joins for everyone).
 * `peerId`: where the participant's page is registered, for the assessor's console to call it.
 */
export const ParticipantModePayload = z.object({ userId: text(), role: z.enum(['expert', 'supervisor', 'admin']), mode: z.enum(['full', 'listen', 'whisper', 'barge']), peerId: text().optional() });
export type ParticipantModePayload = z.infer<typeof ParticipantModePayload>;
export const ParticipantLeftPayload = z.object({ userId: text() });
export type ParticipantLeftPayload = z.infer<typeof ParticipantLeftPayload>;

/** The case's address was set or corrected: the coordinate photos are checked against from now on. */
export const CaseAddressSetPayload = CaseAddress;
export type CaseAddressSetPayload = z.infer<typeof CaseAddressSetPayload>;

/** The assessor asked the customer to prove who they are with this document and a selfie. */
export const IdentityRequestedPayload = z.object({ checkId: text(), document: IdentityDocument });
export type IdentityRequestedPayload = z.infer<typeof IdentityRequestedPayload>;

/** The customer sent the live captures; `mrz`: what was read offline from the document (null: none readable). */
export const IdentitySubmittedPayload = z.object({
  checkId: text(),
  frontEvidenceId: text(),
  backEvidenceId: text().nullable(),
  selfieEvidenceId: text(),
  mrz: MrzReading.nullable(),
});
export type IdentitySubmittedPayload = z.infer<typeof IdentitySubmittedPayload>;

/** The assessor compared the document, the selfie and the person, and decided. */
export const IdentityCheckedPayload = z.object({ checkId: text(), result: IdentityResult, reason: text() });
export type IdentityCheckedPayload = z.infer<typeof IdentityCheckedPayload>;

/** The assessor withdrew an open check (the wrong document asked for, or no longer needed). */
export const IdentityCancelledPayload = z.object({ checkId: text(), reason: text() });
export type IdentityCancelledPayload = z.infer<typeof IdentityCancelledPayload>;

/** A one-time code for the check was sent to the contact on file (recipient masked as the assessor sees it). */
export const IdentityCodeSentPayload = z.object({ checkId: text(), channel: z.enum(['email', 'sms']), recipient: text(), status: text() });
export type IdentityCodeSentPayload = z.infer<typeof IdentityCodeSentPayload>;

/** The customer typed the code they were sent: they hold the phone or mailbox on file. */
export const IdentityCodeConfirmedPayload = z.object({ checkId: text() });
export type IdentityCodeConfirmedPayload = z.infer<typeof IdentityCodeConfirmedPayload>;

/** A settlement offer; `supersedes`: the open offer it replaces (that one can no longer be accepted). */
export const OfferMadePayload = z.object({
  offerId: text(),
  amount: z.number(),
  currency: Currency,
  items: z.array(OfferItem),
  conditions: text(),
  expiresAt: text(),
  confirmWith: OfferConfirmation,
  supersedes: text().nullable(),
});
export type OfferMadePayload = z.infer<typeof OfferMadePayload>;

/** A one-time code for confirming the decision was sent (recipient as shown to the assessor, masked). */
export const OfferCodeSentPayload = z.object({ offerId: text(), channel: z.enum(['email', 'sms']), recipient: text(), status: text() });
export type OfferCodeSentPayload = z.infer<typeof OfferCodeSentPayload>;

/** The customer accepted, confirmed by the code or the passed identity check; `receiptCode`: what anyone can check the receipt with. */
export const OfferAcceptedPayload = z.object({
  offerId: text(),
  confirmedWith: OfferConfirmation,
  identityCheckId: text().nullable(),
  receiptCode: text(),
});
export type OfferAcceptedPayload = z.infer<typeof OfferAcceptedPayload>;

/** The customer declined, with their reason. */
export const OfferDeclinedPayload = z.object({ offerId: text(), reason: text(), receiptCode: text() });
export type OfferDeclinedPayload = z.infer<typeof OfferDeclinedPayload>;

/** Every ledger kind and the schema of its payload. */
export const LedgerPayloads = {
  'case.created': CaseCreatedPayload,
  'case.updated': CaseUpdatedPayload,
  'case.closed': CaseClosedPayload,
  'case.reopened': NoPayload,
  'case.archived': NoPayload,
  'case.unarchived': NoPayload,
  'case.assigned': CaseAssignedPayload,
  'joinlink.issued': JoinLinkIssuedPayload,
  'joinlink.opened': JoinTokenPayload,
  'joinlink.sent': JoinLinkSentPayload,
  'customer.consented': CustomerConsentedPayload,
  'customer.declined': JoinTokenPayload,
  'customer.joined': CustomerPresencePayload,
  'customer.left': CustomerPresencePayload,
  'call.started': CallEventPayload,
  'call.connected': CallEventPayload,
  'call.reconnecting': CallEventPayload,
  'call.recovered': CallEventPayload,
  'call.failed': CallEventPayload,
  'call.ended': CallEventPayload,
  'chat.line': ChatLinePayload,
  'evidence.added': EvidenceAddedPayload,
  [EVIDENCE_NOTED]: EvidenceNotedPayload,
  [EVIDENCE_SUPERSEDED]: EvidenceSupersededPayload,
  'annotation.placed': AnnotationPlacedPayload,
  'annotation.cleared': AnnotationClearedPayload,
  'measurement.recorded': MeasurementRecordedPayload,
  'checklist.captured': ChecklistCapturedPayload,
  'outcome.recorded': OutcomeRecordedPayload,
  'recording.started': RecordingStartedPayload,
  'recording.chunk': RecordingChunkPayload,
  'recording.sealed': RecordingSealedPayload,
  'tour.activity': TourActivityPayload,
  [RETENTION_PURGED]: RetentionPurgedPayload,
  [RETENTION_LEGAL_HOLD]: RetentionLegalHoldPayload,
  [AGENT_ANSWERED]: AgentAnsweredPayload,
  [AGENT_HANDED_OFF]: AgentHandedOffPayload,
  'queue.entered': QueueEnteredPayload,
  'queue.offered': QueueOfferedPayload,
  'queue.declined': QueueDeclinedPayload,
  'queue.assigned': QueueAssignedPayload,
  'intake.received': IntakeReceivedPayload,
  'queue.left': QueueLeftPayload,
  'queue.callback-requested': QueueCallbackPayload,
  'survey.answered': SurveyAnsweredPayload,
  'session.wrapped-up': SessionWrappedUpPayload,
  'channel.proposed': ChannelProposedPayload,
  'channel.answered': ChannelAnsweredPayload,
  'channel.switched': ChannelSwitchedPayload,
  'queue.transferred': QueueTransferredPayload,
  'participant.joined': ParticipantModePayload,
  'participant.mode-changed': ParticipantModePayload,
  'participant.left': ParticipantLeftPayload,
  'case.address-set': CaseAddressSetPayload,
  'identity.requested': IdentityRequestedPayload,
  'identity.submitted': IdentitySubmittedPayload,
  'identity.checked': IdentityCheckedPayload,
  'identity.cancelled': IdentityCancelledPayload,
  'identity.code-sent': IdentityCodeSentPayload,
  'identity.code-confirmed': IdentityCodeConfirmedPayload,
  'offer.made': OfferMadePayload,
  'offer.code-sent': OfferCodeSentPayload,
  'offer.accepted': OfferAcceptedPayload,
  'offer.declined': OfferDeclinedPayload,
} as const;

export type LedgerKind = keyof typeof LedgerPayloads;
export type LedgerPayload<K extends LedgerKind> = z.infer<(typeof LedgerPayloads)[K]>;

/** A ledger entry whose type is kind K, with that kind's payload. */
export type LedgerEntryOf<K extends LedgerKind> = Omit<LedgerEntry, 'type' | 'payload'> & { type: K; payload: LedgerPayload<K> };

/** Every known entry: a union discriminated by `type`, so a switch on it narrows the payload. */
export type KnownLedgerEntry = { [K in LedgerKind]: LedgerEntryOf<K> }[LedgerKind];

export const LEDGER_KINDS: readonly LedgerKind[] = Object.keys(LedgerPayloads).filter(isLedgerKind);

export function isLedgerKind(type: string): type is LedgerKind {
  return Object.hasOwn(LedgerPayloads, type);
}

/**
 * An entry read against the contract: its payload parsed with its kind's schema, or the reason it does
 * not fit, naming the field (`type: …` for a kind this contract lacks, `payload.<field>: …` otherwise).
 */
export type LedgerEntryReading = { ok: true; entry: KnownLedgerEntry } | { ok: false; problem: string };

export function readLedgerEntry(entry: LedgerEntry): LedgerEntryReading {
  const { type } = entry;
  if (!isLedgerKind(type)) return { ok: false, problem: `type: "${type}" is not a ledger kind this contract knows` };
  const parsed = LedgerPayloads[type].safeParse(entry.payload);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((issue) => `${['payload', ...issue.path.map(String)].join('.')}: ${issue.message}`).join('; ');
    return { ok: false, problem };
  }
  // The map pairs each kind with its schema, so the parsed payload is that kind's; TypeScript cannot
  // follow the pairing through the lookup by a union-typed key.
  return { ok: true, entry: { ...entry, type, payload: parsed.data } as KnownLedgerEntry };
}

/** The entry as its kind, or null when its type is unknown or its payload does not fit. */
export function knownLedgerEntry(entry: LedgerEntry): KnownLedgerEntry | null {
  const reading = readLedgerEntry(entry);
  return reading.ok ? reading.entry : null;
}
