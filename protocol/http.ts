// The HTTP contract between the client pages and the server: request bodies the server parses and
// the response shapes both sides share. Each schema and its type carry one name.
import { z } from 'zod';
import { ChecklistCapture, ChecklistTemplateId, ChecklistView } from './checklist.ts';
import { RecordingSummary } from './recording.ts';
import { AnnotationLayer, AnnotationView, MeasurementView } from './spatial.ts';
import { Currency } from './money.ts';
import { QueueOffer } from './queue.ts';
import { FrontDoorView } from './intake.ts';
import { IdentityPhotoPurpose } from './identity.ts';
import { CaptureCheck, CaseAddress, ExifFacts } from './capture.ts';
import { text } from './text.ts';
import { TourId } from './tour.ts';

export { Currency };

/** supervisor: watches the queue and KPIs, joins sessions; expert: sees only the cases they are invited to. */
export const Role = z.enum(['admin', 'assessor', 'supervisor', 'expert']);
export type Role = z.infer<typeof Role>;

export const User = z.object({
  id: text(),
  email: text(),
  name: text(),
  role: Role,
});
export type User = z.infer<typeof User>;

export const LoginBody = z.object({
  email: text().trim().toLowerCase().email().max(254),
  password: text().min(1).max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const CreateUserBody = z.object({
  email: text().trim().toLowerCase().email().max(254),
  name: text().trim().min(1).max(120),
  password: text().min(10).max(1024),
  role: Role.default('assessor'),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** A BCP 47 language tag (`en`, `zh-CN`); the server also requires it to be one its pages are translated into. */
export const LanguageTag = text().trim().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as en or zh-CN');
export type LanguageTag = z.infer<typeof LanguageTag>;

export const CaseKind = z.enum(['damage', 'preview']);
export type CaseKind = z.infer<typeof CaseKind>;

export const CreateCaseBody = z.object({
  kind: CaseKind.default('damage'),
  title: text().trim().min(1).max(200),
  customerName: text().trim().max(120).optional(),
  /** The assessor the case is assigned to; defaults to the creator. Only admins may assign others. */
  assessorId: text().optional(),
  /** Lifetime of the join link in hours. @default the server's SIGHTLINE_JOIN_LINK_HOURS (72) */
  joinLinkHours: z.number().int().min(1).max(24 * 30).optional(),
  /** The guided-capture checklist the customer is taken through, if any. */
  checklist: ChecklistTemplateId.optional(),
  /** The tour a preview case shows the customer (an id from `GET /api/tours`); only for kind `preview`. */
  tour: TourId.optional(),
  /** The operator's own reference for the case: a claim, policy or booking number. */
  reference: text().trim().max(64).optional(),
  /** The language the customer's page starts in (a supported BCP 47 tag); absent: the customer's browser decides. */
  language: LanguageTag.optional(),
}).refine((c) => c.tour === undefined || c.kind === 'preview', { message: 'only a preview case shows a tour', path: ['tour'] });
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

/** Where a case's current join link stands: never opened, opened, the customer waiting on it, declined, or expired. */
export const LinkState = z.enum(['not-opened', 'opened', 'waiting', 'declined', 'expired']);
export type LinkState = z.infer<typeof LinkState>;

/** Presence is live state (not stored): whether the customer's page is on the signalling server. */
export const CasePresence = z.enum(['offline', 'waiting', 'live']);
export type CasePresence = z.infer<typeof CasePresence>;

/** A damage case is approved, denied, referred or settled; a preview case ends booked, not booked or in a follow-up. */
export const Decision = z.enum(['approved', 'denied', 'referred', 'settled', 'booked', 'not-booked', 'follow-up']);
export type Decision = z.infer<typeof Decision>;
export const DAMAGE_DECISIONS: readonly Decision[] = ['approved', 'denied', 'referred', 'settled'];
export const PREVIEW_DECISIONS: readonly Decision[] = ['booked', 'not-booked', 'follow-up'];

export const CaseView = z.object({
  id: text(),
  kind: CaseKind,
  title: text(),
  customerName: text().nullable(),
  /** null: a case the front door opened, waiting in the queue for someone to take it. */
  assessorId: text().nullable(),
  createdAt: text(),
  joinExpiresAt: text(),
  presence: CasePresence,
  /** The customer's current peer id while their page is connected, so the console can call it. */
  customerPeerId: text().nullable(),
  evidenceCount: z.number().int(),
  decision: Decision.nullable(),
  /** The case's guided-capture checklist; optional so older servers' answers still parse. */
  checklist: ChecklistTemplateId.nullable().optional(),
  /** The tour of a preview case; optional so older servers' answers still parse. */
  tour: TourId.nullable().optional(),
  /** The operator's claim, policy or booking reference; null when none was given. */
  reference: text().nullable().optional(),
  /** When the case was closed (it then refuses new evidence); null while open. */
  closedAt: text().nullable().optional(),
  /** When a closed case was archived (left out of the case list unless asked for); null otherwise. */
  archivedAt: text().nullable().optional(),
  /** Where the current join link stands. */
  linkState: LinkState.optional(),
  /** When the current join link was first opened; null until then. */
  linkOpenedAt: text().nullable().optional(),
  /** The address photos are checked against (issue 15); null when none was given. */
  address: CaseAddress.nullable().optional(),
  /** The case's language, chosen at creation (BCP 47); null: none (the customer's browser decides). */
  language: text().nullable().optional(),
  /** The language the customer's page last used (BCP 47); null until their page says. */
  customerLanguage: text().nullable().optional(),
});
export type CaseView = z.infer<typeof CaseView>;

/** `GET /api/cases` filters; every one optional. `status` defaults to all, archived cases are left out unless `archived=true`. */
export const CaseListQuery = z.object({
  /** Words matched against the title, the customer's name and the reference. */
  q: text().trim().max(200).optional(),
  status: z.enum(['open', 'closed', 'all']).default('all'),
  kind: CaseKind.optional(),
  assessorId: text().max(64).optional(),
  /** Cases created on or after this day (YYYY-MM-DD, UTC). */
  from: text().regex(/^\d{4}-\d{2}-\d{2}$/, 'from must be a day, YYYY-MM-DD').optional(),
  /** Cases created on or before this day (YYYY-MM-DD, UTC). */
  to: text().regex(/^\d{4}-\d{2}-\d{2}$/, 'to must be a day, YYYY-MM-DD').optional(),
  archived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** `POST /api/cases/:id/close`: why the case is closed, for the ledger. */
export const CloseCaseBody = z.object({ reason: text().trim().max(500).optional() });
export type CloseCaseBody = z.infer<typeof CloseCaseBody>;

/** `PATCH /api/cases/:id`: the fields an assessor may correct after creation (each change is a ledger entry). */
export const UpdateCaseBody = z
  .object({
    title: text().trim().min(1).max(200).optional(),
    customerName: text().trim().max(120).nullable().optional(),
    reference: text().trim().max(64).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one of title, customerName, reference' });
export type UpdateCaseBody = z.infer<typeof UpdateCaseBody>;

/** `PUT /api/cases/:id/address`: the case's address in words (optional) and its coordinate (required; no geocoder). */
export const SetCaseAddressBody = z
  .object({
    address: text().trim().max(500).nullable().optional(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .strict()
  .transform((b): CaseAddress => ({ address: b.address || null, latitude: b.latitude, longitude: b.longitude }));
export type SetCaseAddressBody = z.input<typeof SetCaseAddressBody>;

/** `POST /api/cases/:id/assign` (admin): the assessor the case moves to. */
export const AssignCaseBody = z.object({ assessorId: text().min(1).max(64) });
export type AssignCaseBody = z.infer<typeof AssignCaseBody>;

/** `POST /api/users/:id/password` (admin): the new password; the user's sessions end. */
export const ResetPasswordBody = z.object({ password: text().min(10).max(1024) });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

/** `GET /api/users` (admin): each user with whether they are disabled and how many open cases they hold. */
export const UserAdminView = User.extend({
  disabledAt: text().nullable(),
  openCases: z.number().int(),
});
export type UserAdminView = z.infer<typeof UserAdminView>;

/** `GET /api/cases/:id/join-link`: the current link shown again, without revoking it. */
export const JoinLinkView = z.object({ joinUrl: text(), token: text(), expiresAt: text() });
export type JoinLinkView = z.infer<typeof JoinLinkView>;

export const LinkChannel = z.enum(['email', 'sms']);
export type LinkChannel = z.infer<typeof LinkChannel>;

/** `POST /api/cases/:id/join-link/send`: where to send the current link. */
export const SendLinkBody = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), to: text().trim().toLowerCase().email().max(254) }),
  z.object({ channel: z.literal('sms'), to: text().trim().regex(/^\+[1-9]\d{6,14}$/, 'to must be a phone number in international form, e.g. +447700900123') }),
]);
export type SendLinkBody = z.infer<typeof SendLinkBody>;

/** One sending of a join link, as the console lists it. */
export const LinkSendView = z.object({
  id: text(),
  channel: LinkChannel,
  recipient: text(),
  status: z.enum(['sent', 'failed']),
  /** Why a send failed, in a sentence; null when it was sent. */
  detail: text().nullable(),
  at: text(),
});
export type LinkSendView = z.infer<typeof LinkSendView>;

/** What the signed-in console may offer, from `GET /api/me`: the link channels this server has configured. */
export const ConsoleSettings = z.object({ linkChannels: z.object({ email: z.boolean(), sms: z.boolean() }) });
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;

/** `PUT /api/me/language`: the signed-in user's console language (a supported BCP 47 tag); null: follow the browser. */
export const ConsoleLanguageBody = z.object({ language: LanguageTag.nullable() });
export type ConsoleLanguageBody = z.infer<typeof ConsoleLanguageBody>;

/** `GET /api/me` and `PUT /api/me/language`: who is signed in, their console language (null: the browser's) and the console's settings. */
export const MeView = ConsoleSettings.extend({ user: User, language: text().nullable() });
export type MeView = z.infer<typeof MeView>;

/** `POST /api/cases/:id/evidence/:evidenceId/notes`: a caption and/or a note on a photo (a ledger entry; the latest wins). */
export const EvidenceNoteBody = z
  .object({
    caption: text().trim().max(200).nullable().optional(),
    note: text().trim().max(2000).nullable().optional(),
  })
  .refine((b) => b.caption !== undefined || b.note !== undefined, { message: 'give a caption, a note or both' });
export type EvidenceNoteBody = z.infer<typeof EvidenceNoteBody>;

export const CaseCreated = z.object({
  case: CaseView,
  /** Full join link; its token is in the fragment (`/j#<token>`) so it never reaches server logs. */
  joinUrl: text(),
  token: text(),
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
  deviceTime: text().datetime({ offset: true }).optional(),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  accuracy: z.coerce.number().min(0).max(1e7).optional(),
  /** Echoes the assessor's snapshot request so the console can match the result to it. */
  requestId: text().max(64).optional(),
  /** Client-chosen id that makes a retried upload idempotent. */
  uploadId: text().min(8).max(64).optional(),
  /** An identity check's photo (document front/back, selfie): only a customer's live capture may carry one. */
  purpose: IdentityPhotoPurpose.optional(),
  /** The checklist item a device photo is for; the server then checks its quality for that item. */
  checklistItem: text().min(1).max(64).regex(/^[a-z0-9-]+$/).optional(),
  /** The annotations visible when the photo was taken (JSON of `AnnotationLayer`), kept beside the photo. */
  layer: text()
    .max(64_000)
    .transform((json, ctx) => {
      try {
        return JSON.parse(json) as unknown;
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
  id: text(),
  caseId: text(),
  source: EvidenceSource,
  mime: text(),
  size: z.number().int(),
  sha256: text(),
  width: z.number().int(),
  height: z.number().int(),
  /** Variance of the Laplacian of the preview: higher is sharper. */
  sharpness: z.number(),
  blurry: z.boolean(),
  /** Mean luminance 0..255 of the preview, for under/over-exposure. */
  brightness: z.number(),
  deviceTime: text().nullable(),
  receivedAt: text(),
  /** receivedAt − deviceTime in ms; null when the device sent no clock. */
  clockSkewMs: z.number().nullable(),
  location: Location.nullable(),
  requestId: text().nullable(),
  capturedBy: z.enum(['customer', 'assessor']),
  originalUrl: text(),
  previewUrl: text(),
  thumbnailUrl: text(),
  /** The evidence that replaces this one, when it was superseded by a named replacement. Optional so older servers' answers still parse. */
  supersededBy: text().nullable().optional(),
  /** Set when the item was marked superseded (it is kept, never edited or deleted). */
  superseded: z.object({ at: text(), reason: text(), replacedBy: text().nullable() }).nullable().optional(),
  /** True when its files were purged under the retention policy; the renditions then answer 410. */
  purged: z.boolean().optional(),
  /** The checklist verdict when the photo was taken for a checklist item. */
  checklist: ChecklistCapture.nullable().optional(),
  /** The annotation layer captured with the photo (drawn over it, never into it). */
  layer: AnnotationLayer.nullable().optional(),
  /** The assessor's short caption on the photo; null when none. */
  caption: text().nullable().optional(),
  /** The assessor's longer note on the photo; null when none. */
  note: text().nullable().optional(),
  /** Who last changed the caption or note (the assessor's name) and when; null when never. */
  noted: z.object({ by: text(), at: text() }).nullable().optional(),
  /** What an identity check's photo shows (document front/back, selfie); null: an ordinary photo. */
  purpose: IdentityPhotoPurpose.nullable().optional(),
  /** A gallery upload's EXIF capture time and place; null when none was read. */
  exif: ExifFacts.nullable().optional(),
  /** The when/where check made when the photo arrived (flags: clock-off, far-from-address, not-live); null on older photos. */
  capture: CaptureCheck.nullable().optional(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const ChatBody = z.object({
  /** Client-chosen id; posting the same id twice stores the line once. */
  id: text().min(8).max(64),
  text: text().trim().min(1).max(4000),
  /** The writer's page language (a supported BCP 47 tag), shown beside the line to a reader in another. */
  language: LanguageTag.optional(),
});
export type ChatBody = z.infer<typeof ChatBody>;

/** Who wrote a line that is not the customer's: the case's assessor, or a participant in its session. */
export const ChatAuthor = z.object({
  role: z.enum(['assessor', 'expert', 'supervisor', 'admin']),
  name: text(),
  userId: text(),
});
export type ChatAuthor = z.infer<typeof ChatAuthor>;

export const ChatLine = z.object({
  id: text(),
  caseId: text(),
  /** `assessor`: any of the case's staff side (its assessor or a participant); `author` says who. */
  from: z.enum(['customer', 'assessor']),
  text: text(),
  at: text(),
  /** Absent on the customer's lines (and on lines stored before authors were kept). */
  author: ChatAuthor.optional(),
  /**
   * Present (true) only on a line for the assessor alone: a supervisor's (or admin's) while they listen,
   * whisper or are not in the session. The console does not pass it to the customer; experts do not see it.
   */
  whisper: z.boolean().optional(),
  /** The writer's page language (BCP 47); absent on lines that did not say (and those from before languages). */
  language: text().optional(),
});
export type ChatLine = z.infer<typeof ChatLine>;


export const DamageItem = z.object({
  area: text().trim().min(1).max(200),
  severity: z.enum(['minor', 'moderate', 'severe', 'total']),
  estimatedCost: z.number().min(0).max(1e9),
});
export type DamageItem = z.infer<typeof DamageItem>;

/** What a preview case booked: an option of the tour's `bookables`, and the seat for a cabin. */
export const Booking = z.object({
  option: TourId,
  seat: text().regex(/^[1-9][0-9]{0,2}[A-L]$/, 'a row number and a seat letter, e.g. 23A').optional(),
});
export type Booking = z.infer<typeof Booking>;

export const OutcomeBody = z
  .object({
    decision: Decision,
    reason: text().trim().min(1).max(4000),
    amount: z.number().min(0).max(1e9).optional(),
    currency: Currency.optional(),
    damageItems: z.array(DamageItem).max(200).default([]),
    /** A booked preview: what was booked; the price defaults to the option's. */
    booking: Booking.optional(),
    /** A follow-up: the day to get back to the customer (YYYY-MM-DD). */
    followUpOn: text().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD').optional(),
  })
  .refine((o) => o.decision !== 'settled' || (o.amount !== undefined && o.currency !== undefined), {
    message: 'a settled outcome needs an amount and a currency',
    path: ['amount'],
  })
  .refine((o) => o.decision !== 'booked' || o.booking !== undefined, { message: 'a booked outcome names what was booked', path: ['booking'] })
  .refine((o) => o.decision === 'booked' || o.booking === undefined, { message: 'only a booked outcome names a booking', path: ['booking'] })
  .refine((o) => o.decision !== 'follow-up' || o.followUpOn !== undefined, { message: 'a follow-up needs the day to follow up', path: ['followUpOn'] })
  .refine((o) => (o.amount === undefined) === (o.currency === undefined), { message: 'an amount needs a currency, and a currency an amount', path: ['currency'] });
export type OutcomeBody = z.infer<typeof OutcomeBody>;

export const OutcomeView = z.object({
  id: text(),
  caseId: text(),
  decision: Decision,
  reason: text(),
  amount: z.number().nullable(),
  currency: text().nullable(),
  damageItems: z.array(DamageItem),
  decidedBy: text(),
  at: text(),
  /** The outcome this one replaces, if the decision was changed. */
  supersedes: text().nullable(),
  /** A booked preview: the option (with its title as the tour named it) and seat. */
  booking: Booking.extend({ title: text() }).nullable().optional(),
  followUpOn: text().nullable().optional(),
});
export type OutcomeView = z.infer<typeof OutcomeView>;

export const ConsentBody = z.object({
  recording: z.literal(true, { message: 'the session cannot start without consent to record' }),
  location: z.boolean().default(false),
});
export type ConsentBody = z.infer<typeof ConsentBody>;

export const CallEventBody = z.object({
  /** One id per call attempt, chosen by the console. */
  callId: text().min(8).max(64),
  event: z.enum(['started', 'connected', 'reconnecting', 'recovered', 'failed', 'ended']),
  /** Why a call failed or ended, in words. */
  detail: text().max(500).optional(),
});
export type CallEventBody = z.infer<typeof CallEventBody>;

export const CallView = z.object({
  id: text(),
  caseId: text(),
  startedAt: text(),
  connectedAt: text().nullable(),
  endedAt: text().nullable(),
  state: z.enum(['started', 'connected', 'reconnecting', 'failed', 'ended']),
  /** True when the call failed within 30 s of its start. */
  earlyFailure: z.boolean(),
  detail: text().nullable(),
});
export type CallView = z.infer<typeof CallView>;

export const IceServer = z.object({
  urls: z.union([text(), z.array(text())]),
  username: text().optional(),
  credential: text().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** Which ICE candidates a page may use: `relay` only TURN relays, so no page learns another's address. */
export const IceTransportPolicy = z.enum(['all', 'relay']);
export type IceTransportPolicy = z.infer<typeof IceTransportPolicy>;

/** What a page needs to register on the signalling server: a server-minted id and a short-lived token. */
export const PeerCredential = z.object({
  peerId: text(),
  token: text(),
  expiresAt: text(),
  path: text(),
  key: text(),
  iceServers: z.array(IceServer),
  /**
   * The operator's SIGHTLINE_ICE_POLICY, for every peer connection the page opens. Absent from an
   * instance older than the page (a rolling upgrade), it is `all`, as it was then.
   */
  iceTransportPolicy: IceTransportPolicy.default('all'),
});
export type PeerCredential = z.infer<typeof PeerCredential>;

export const JoinView = z.object({
  /** `language`: the case's language (the page starts in it unless the link names another); null: none chosen. */
  case: z.object({ id: text(), kind: CaseKind, title: text(), customerName: text().nullable(), language: text().nullable().optional() }),
  expiresAt: text(),
  consented: z.boolean(),
  /** The guided-capture checklist and how far the customer got; null when the case has none. */
  checklist: ChecklistView.nullable().optional(),
  /** The preview tour the customer is shown instead of the camera; null when the case has none. */
  tour: z.object({ id: TourId, title: text(), manifestUrl: text() }).nullable().optional(),
  /** When the case was closed: the customer's page then says so instead of offering the call. */
  closedAt: text().nullable().optional(),
  /**
   * Who asks and what happens to the record, for the consent screen: the operator's organisation, the
   * assessor's name, how many days the files are kept after the case is decided, the privacy notice.
   * Each is null when the operator has not set it.
   */
  notice: z
    .object({
      organisation: text().nullable(),
      assessorName: text().nullable(),
      retentionDays: z.number().int().positive().nullable(),
      privacyUrl: text().nullable(),
    })
    .optional(),
  /** A case the customer opened at the front door: the agent's conversation and their place in the queue; null otherwise. */
  frontDoor: FrontDoorView.nullable().optional(),
});
export type JoinView = z.infer<typeof JoinView>;

/** `POST /api/join/language`: the language the customer's page is now in, shown to the assessor. */
export const JoinLanguageBody = z.object({ language: LanguageTag });
export type JoinLanguageBody = z.infer<typeof JoinLanguageBody>;

export const LedgerActor = z.object({
  type: z.enum(['assessor', 'customer', 'system']),
  id: text(),
});
export type LedgerActor = z.infer<typeof LedgerActor>;

export const LedgerEntry = z.object({
  caseId: text(),
  seq: z.number().int().min(1),
  at: text(),
  actor: LedgerActor,
  type: text(),
  payload: z.record(text(), z.unknown()),
  blobs: z.array(text()),
  prevHash: text(),
  /**
   * The id of the ledger key that signed the entry (a key of the keyring, GET /api/ledger/keys). Every
   * entry written since key rotation has it; an entry written before has none and was signed by the
   * keyring's oldest key. Absent, not null, so such an entry hashes exactly as it did.
   */
  keyId: text().regex(/^[0-9a-f]{16}$/).optional(),
  /** sha-256 (hex) of the canonical JSON (RFC 8785) of every field above. */
  hash: text(),
  /** Ed25519 signature (base64url) by the ledger key `keyId` names over the same canonical bytes. */
  signature: text(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerKey = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: text(),
  publicKeyPem: text(),
});
export type LedgerKey = z.infer<typeof LedgerKey>;

/**
 * A key of the ledger's keyring: the public half of every key that ever signed an entry. A key made by
 * rotation is endorsed by the key it replaced: `endorsement` is that key's Ed25519 signature
 * (base64url) over the canonical JSON of {algorithm, keyId, publicKeyPem, createdAt}.
 */
export const KeyringKey = LedgerKey.extend({
  createdAt: text(),
  endorsedBy: text().nullable(),
  endorsement: text().nullable(),
});
export type KeyringKey = z.infer<typeof KeyringKey>;

/** GET /api/ledger/keys: the key that signs now and every key of the keyring, oldest first. */
export const LedgerKeyring = z.object({
  current: text(),
  keys: z.array(KeyringKey),
});
export type LedgerKeyring = z.infer<typeof LedgerKeyring>;

export const VerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  blobs: z.number().int(),
  headHash: text().nullable(),
  firstBroken: z
    .object({ seq: z.number().int().nullable(), blob: text().nullable(), reason: text() })
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
  z.object({ type: z.literal('checklist'), caseId: text(), checklist: ChecklistView }),
  /** The front door offered `assessorId` a queue entry to accept or decline (admins see every offer). */
  z.object({ type: z.literal('offer'), assessorId: text(), offer: QueueOffer }),
  /** How a warm transfer `assessorId` sent ended: taken by the colleague, or back with them (declined, timed out, withdrawn). */
  z.object({ type: z.literal('transfer'), assessorId: text(), entryId: text(), caseId: text(), outcome: z.enum(['accepted', 'declined', 'timed out', 'withdrawn']), colleagueName: text() }),
  /** Events this console missed while reconnecting are no longer kept: reload what it shows. */
  z.object({ type: z.literal('resync') }),
]);
export type ConsoleEvent = z.infer<typeof ConsoleEvent>;

export const ApiError = z.object({ error: z.object({ code: text(), message: text() }) });
export type ApiError = z.infer<typeof ApiError>;
