// The HTTP contract between the client pages and the server: request bodies the server parses and
// the response shapes both sides share. Each schema and its type carry one name.
import { z } from 'zod';
import { ChecklistCapture, ChecklistTemplateId, ChecklistView } from './checklist.ts';
import { RecordingSummary } from './recording.ts';
import { AnnotationLayer, AnnotationView, MeasurementView } from './spatial.ts';

export const Role = z.enum(['admin', 'assessor']);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
});
export type User = z.infer<typeof User>;

export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const CreateUserBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(10).max(1024),
  role: Role.default('assessor'),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const CaseKind = z.enum(['damage', 'preview']);
export type CaseKind = z.infer<typeof CaseKind>;

export const CreateCaseBody = z.object({
  kind: CaseKind.default('damage'),
  title: z.string().trim().min(1).max(200),
  customerName: z.string().trim().max(120).optional(),
  /** The assessor the case is assigned to; defaults to the creator. Only admins may assign others. */
  assessorId: z.string().optional(),
  /** Lifetime of the join link in hours. @default the server's SIGHTLINE_JOIN_LINK_HOURS (72) */
  joinLinkHours: z.number().int().min(1).max(24 * 30).optional(),
  /** The guided-capture checklist the customer is taken through, if any. */
  checklist: ChecklistTemplateId.optional(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

/** Presence is live state (not stored): whether the customer's page is on the signalling server. */
export const CasePresence = z.enum(['offline', 'waiting', 'live']);
export type CasePresence = z.infer<typeof CasePresence>;

export const Decision = z.enum(['approved', 'denied', 'referred', 'settled']);
export type Decision = z.infer<typeof Decision>;

export const CaseView = z.object({
  id: z.string(),
  kind: CaseKind,
  title: z.string(),
  customerName: z.string().nullable(),
  assessorId: z.string(),
  createdAt: z.string(),
  joinExpiresAt: z.string(),
  presence: CasePresence,
  /** The customer's current peer id while their page is connected, so the console can call it. */
  customerPeerId: z.string().nullable(),
  evidenceCount: z.number().int(),
  decision: Decision.nullable(),
  /** The case's guided-capture checklist; optional so older servers' answers still parse. */
  checklist: ChecklistTemplateId.nullable().optional(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseCreated = z.object({
  case: CaseView,
  /** Full join link; its token is in the fragment (`/j#<token>`) so it never reaches server logs. */
  joinUrl: z.string(),
  token: z.string(),
});
export type CaseCreated = z.infer<typeof CaseCreated>;

export const Location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(1e7).optional(),
});
export type Location = z.infer<typeof Location>;

export const EvidenceSource = z.enum(['device-still', 'video-frame', 'gallery']);
export type EvidenceSource = z.infer<typeof EvidenceSource>;

/** Metadata sent beside an uploaded image (multipart fields, or the query string of a raw body). */
export const EvidenceUploadMeta = z.object({
  source: EvidenceSource.default('gallery'),
  /** The capturing device's clock at capture, ISO 8601. */
  deviceTime: z.string().datetime({ offset: true }).optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  accuracy: z.coerce.number().min(0).max(1e7).optional(),
  /** Echoes the assessor's snapshot request so the console can match the result to it. */
  requestId: z.string().max(64).optional(),
  /** Client-chosen id that makes a retried upload idempotent. */
  uploadId: z.string().min(8).max(64).optional(),
  /** The checklist item a device photo is for; the server then checks its quality for that item. */
  checklistItem: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/).optional(),
  /** The annotations visible when the photo was taken (JSON of `AnnotationLayer`), kept beside the photo. */
  layer: z
    .string()
    .max(64_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'layer must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(AnnotationLayer)
    .optional(),
});
export type EvidenceUploadMeta = z.infer<typeof EvidenceUploadMeta>;

export const EvidenceView = z.object({
  id: z.string(),
  caseId: z.string(),
  source: EvidenceSource,
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Variance of the Laplacian of the preview: higher is sharper. */
  sharpness: z.number(),
  blurry: z.boolean(),
  /** Mean luminance 0..255 of the preview, for under/over-exposure. */
  brightness: z.number(),
  deviceTime: z.string().nullable(),
  receivedAt: z.string(),
  /** receivedAt − deviceTime in ms; null when the device sent no clock. */
  clockSkewMs: z.number().nullable(),
  location: Location.nullable(),
  requestId: z.string().nullable(),
  capturedBy: z.enum(['customer', 'assessor']),
  originalUrl: z.string(),
  previewUrl: z.string(),
  thumbnailUrl: z.string(),
  /** The evidence that replaces this one, when it was superseded by a named replacement. Optional so older servers' answers still parse. */
  supersededBy: z.string().nullable().optional(),
  /** Set when the item was marked superseded (it is kept, never edited or deleted). */
  superseded: z.object({ at: z.string(), reason: z.string(), replacedBy: z.string().nullable() }).nullable().optional(),
  /** True when its files were purged under the retention policy; the renditions then answer 410. */
  purged: z.boolean().optional(),
  /** The checklist verdict when the photo was taken for a checklist item. */
  checklist: ChecklistCapture.nullable().optional(),
  /** The annotation layer captured with the photo (drawn over it, never into it). */
  layer: AnnotationLayer.nullable().optional(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const ChatBody = z.object({
  /** Client-chosen id; posting the same id twice stores the line once. */
  id: z.string().min(8).max(64),
  text: z.string().trim().min(1).max(4000),
});
export type ChatBody = z.infer<typeof ChatBody>;

export const ChatLine = z.object({
  id: z.string(),
  caseId: z.string(),
  from: z.enum(['customer', 'assessor']),
  text: z.string(),
  at: z.string(),
});
export type ChatLine = z.infer<typeof ChatLine>;

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');

export const DamageItem = z.object({
  area: z.string().trim().min(1).max(200),
  severity: z.enum(['minor', 'moderate', 'severe', 'total']),
  estimatedCost: z.number().min(0).max(1e9),
});
export type DamageItem = z.infer<typeof DamageItem>;

export const OutcomeBody = z
  .object({
    decision: Decision,
    reason: z.string().trim().min(1).max(4000),
    amount: z.number().min(0).max(1e9).optional(),
    currency: Currency.optional(),
    damageItems: z.array(DamageItem).max(200).default([]),
  })
  .refine((o) => o.decision !== 'settled' || (o.amount !== undefined && o.currency !== undefined), {
    message: 'a settled outcome needs an amount and a currency',
    path: ['amount'],
  });
export type OutcomeBody = z.infer<typeof OutcomeBody>;

export const OutcomeView = z.object({
  id: z.string(),
  caseId: z.string(),
  decision: Decision,
  reason: z.string(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  damageItems: z.array(DamageItem),
  decidedBy: z.string(),
  at: z.string(),
  /** The outcome this one replaces, if the decision was changed. */
  supersedes: z.string().nullable(),
});
export type OutcomeView = z.infer<typeof OutcomeView>;

export const ConsentBody = z.object({
  recording: z.literal(true, { message: 'the session cannot start without consent to record' }),
  location: z.boolean().default(false),
});
export type ConsentBody = z.infer<typeof ConsentBody>;

export const CallEventBody = z.object({
  /** One id per call attempt, chosen by the console. */
  callId: z.string().min(8).max(64),
  event: z.enum(['started', 'connected', 'reconnecting', 'recovered', 'failed', 'ended']),
  /** Why a call failed or ended, in words. */
  detail: z.string().max(500).optional(),
});
export type CallEventBody = z.infer<typeof CallEventBody>;

export const CallView = z.object({
  id: z.string(),
  caseId: z.string(),
  startedAt: z.string(),
  connectedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  state: z.enum(['started', 'connected', 'reconnecting', 'failed', 'ended']),
  /** True when the call failed within 30 s of its start. */
  earlyFailure: z.boolean(),
  detail: z.string().nullable(),
});
export type CallView = z.infer<typeof CallView>;

export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** What a page needs to register on the signalling server: a server-minted id and a short-lived token. */
export const PeerCredential = z.object({
  peerId: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  path: z.string(),
  key: z.string(),
  iceServers: z.array(IceServer),
});
export type PeerCredential = z.infer<typeof PeerCredential>;

export const JoinView = z.object({
  case: z.object({ id: z.string(), kind: CaseKind, title: z.string(), customerName: z.string().nullable() }),
  expiresAt: z.string(),
  consented: z.boolean(),
  /** The guided-capture checklist and how far the customer got; null when the case has none. */
  checklist: ChecklistView.nullable().optional(),
});
export type JoinView = z.infer<typeof JoinView>;

export const LedgerActor = z.object({
  type: z.enum(['assessor', 'customer', 'system']),
  id: z.string(),
});
export type LedgerActor = z.infer<typeof LedgerActor>;

export const LedgerEntry = z.object({
  caseId: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
  actor: LedgerActor,
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  blobs: z.array(z.string()),
  prevHash: z.string(),
  /** sha-256 (hex) of the canonical JSON (RFC 8785) of every field above. */
  hash: z.string(),
  /** Ed25519 signature (base64url) by the server's ledger key over the same canonical bytes. */
  signature: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerKey = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  publicKeyPem: z.string(),
});
export type LedgerKey = z.infer<typeof LedgerKey>;

export const VerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  blobs: z.number().int(),
  headHash: z.string().nullable(),
  firstBroken: z
    .object({ seq: z.number().int().nullable(), blob: z.string().nullable(), reason: z.string() })
    .nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const CaseDetail = z.object({
  case: CaseView,
  evidence: z.array(EvidenceView),
  chat: z.array(ChatLine),
  outcomes: z.array(OutcomeView),
  calls: z.array(CallView),
  /** Live-session recordings (protocol/recording.ts); optional so older servers' answers still parse. */
  recordings: z.array(RecordingSummary).optional(),
  annotations: z.array(AnnotationView).optional(),
  measurements: z.array(MeasurementView).optional(),
  /** The guided-capture state, when the case has a checklist. */
  checklist: ChecklistView.nullable().optional(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** Server-sent events on `GET /api/events` (assessor console). */
export const ConsoleEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case'), case: CaseView }),
  z.object({ type: z.literal('evidence'), evidence: EvidenceView }),
  z.object({ type: z.literal('chat'), line: ChatLine }),
  z.object({ type: z.literal('outcome'), outcome: OutcomeView }),
  z.object({ type: z.literal('call'), call: CallView }),
  /** A recording was started, received a new chunk, or was sealed. */
  z.object({ type: z.literal('recording'), recording: RecordingSummary }),
  /** An annotation was placed or cleared. */
  z.object({ type: z.literal('annotation'), annotation: AnnotationView }),
  z.object({ type: z.literal('measurement'), measurement: MeasurementView }),
  /** A checklist photo was judged; carries the whole new state. */
  z.object({ type: z.literal('checklist'), caseId: z.string(), checklist: ChecklistView }),
]);
export type ConsoleEvent = z.infer<typeof ConsoleEvent>;

export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;
