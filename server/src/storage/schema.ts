// The tables as Kysely sees them, the same in both engines (sqlite-migrations.ts, postgres-migrations.ts).
// Timestamps are ISO-8601 text; booleans are 0/1 integers; JSON is text.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** The console language the user chose (BCP 47); null: the browser's. */
  language: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface CasesTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  id: string;
  kind: string;
  title: string;
  customer_name: string | null;
  /** null: a case an intake opened, not yet taken from the queue. */
  assessor_id: string | null;
  /** null: opened by a customer at the front door. */
  created_by: string | null;
  created_at: string;
  checklist: string | null;
  tour: string | null;
  reference: string | null;
  closed_at: string | null;
  archived_at: string | null;
  /** The case's address in words and the coordinate the assessor gave for it (no geocoder); null: none. */
  address: string | null;
  address_latitude: number | null;
  address_longitude: number | null;
  /** The case's language (BCP 47), chosen at creation; null: none chosen (the customer's browser decides). */
  language: string | null;
  /** The language the customer's page last used (BCP 47); null until their page says. */
  customer_language: string | null;
}

export interface JoinTokensTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  id: string;
  token_hash: string;
  case_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  consented_at: string | null;
  location_allowed: Generated<number>;
  sealed_token: string | null;
  opened_at: string | null;
  declined_at: string | null;
}

export interface EvidenceTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  id: string;
  case_id: string;
  source: string;
  mime: string;
  size: number;
  sha256: string;
  preview_sha256: string;
  thumbnail_sha256: string;
  width: number;
  height: number;
  sharpness: number;
  blurry: number;
  brightness: number;
  device_time: string | null;
  received_at: string;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
  request_id: string | null;
  upload_id: string | null;
  captured_by: string;
  actor_id: string;
  ledger_seq: number;
  layer: string | null;
  /** What an identity check's photo shows; null: an ordinary photo of the case. */
  purpose: 'id-front' | 'id-back' | 'selfie' | null;
  /** A gallery upload's EXIF capture time (as written, ISO 8601 when parseable) and place, when present. */
  exif_time: string | null;
  exif_latitude: number | null;
  exif_longitude: number | null;
  /** JSON of the when/where flags (protocol/capture.ts CaptureFlags); null: none raised or from before flags. */
  flags: string | null;
}

export interface ChatLinesTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  case_id: string;
  id: string;
  from_role: string;
  actor_id: string;
  text: string;
  at: string;
}

export interface OutcomesTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  id: string;
  case_id: string;
  decision: string;
  reason: string;
  amount: number | null;
  currency: string | null;
  damage_items: string;
  decided_by: string;
  at: string;
  supersedes: string | null;
  booking: string | null;
  follow_up_on: string | null;
}

export interface CallsTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  id: string;
  case_id: string;
  started_at: string;
  connected_at: string | null;
  ended_at: string | null;
  state: string;
  early_failure: Generated<number>;
  detail: string | null;
}

export interface RecordingsTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  id: string;
  case_id: string;
  mime_type: string;
  started_at: string;
  created_at: string;
  chunk_ms: number | null;
  upload_id: string | null;
  actor_id: string;
  ledger_seq: number;
  sealed_at: string | null;
  chunk_count: number | null;
  duration_ms: number | null;
  seal_seq: number | null;
}

export interface RecordingChunksTable {
  recording_id: string;
  n: number;
  sha256: string;
  size: number;
  received_at: string;
  ledger_seq: number;
}

export interface EvidenceCorrectionsTable {
  evidence_id: string;
  case_id: string;
  reason: string;
  replaced_by: string | null;
  at: string;
  ledger_seq: number;
}

export interface AnnotationsTable {
  case_id: string;
  id: string;
  body: string;
  created_by: string;
  actor_id: string;
  at: string;
  ledger_seq: number;
  cleared_at: string | null;
  cleared_seq: number | null;
}

export interface MeasurementsTable {
  case_id: string;
  id: string;
  body: string;
  distance_m: number;
  uncertainty_m: number;
  created_by: string;
  actor_id: string;
  at: string;
  ledger_seq: number;
}

export interface ChecklistCapturesTable {
  evidence_id: string;
  case_id: string;
  item_id: string;
  accepted: number;
  problems: string;
  at: string;
  ledger_seq: number;
}

export interface TourActivityTable {
  case_id: string;
  batch_id: string;
  tour_id: string;
  sender: string;
  events: string;
  at: string;
  ledger_seq: number;
}

export interface LinkSendsTable {
  /** Insertion order (SQLite's own rowid; an identity column on PostgreSQL): lists break ties on it. */
  rowid: Generated<number>;
  id: string;
  case_id: string;
  token_id: string;
  channel: string;
  recipient: string;
  status: string;
  detail: string | null;
  at: string;
  ledger_seq: number;
}

export interface EvidenceNotesTable {
  evidence_id: string;
  case_id: string;
  caption: string | null;
  note: string | null;
  by: string;
  at: string;
  ledger_seq: number;
}

export interface LedgerEntriesTable {
  case_id: string;
  seq: number;
  prev_seq: number | null;
  at: string;
  actor_type: string;
  actor_id: string;
  type: string;
  payload: string;
  blobs: string;
  prev_hash: string;
  hash: string;
  signature: string;
  /** The signing key's id; null on entries written before entries named their key. */
  key_id: string | null;
}

/** A key of the ledger's keyring (ledger/keyring.ts): the public half of every key that ever signed. */
export interface LedgerKeysTable {
  key_id: string;
  algorithm: string;
  public_key_pem: string;
  created_at: string;
  /** The key that endorsed this one when it replaced it (null for the first key). */
  endorsed_by: string | null;
  endorsement: string | null;
}

/** A running instance; its heartbeat tells a live one from one that was killed (cluster/instance-registry.ts). */
export interface InstancesTable {
  id: string;
  started_at: string;
  heartbeat_at: string;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** An assessor's routing facts (frontdoor/queue-store.ts); JSON columns hold SkillLevels and ChannelCounts. */
export interface AssessorRoutingTable {
  user_id: string;
  skills: string;
  capacity: string;
  status: string;
  status_at: string;
  /** The console's last sign of life: older than a minute counts as away. */
  last_seen_at: string | null;
  last_assigned_at: string | null;
  load: string;
}

/** A customer in the front door's queue; an offer out is `state` 'offered' with its assessor and expiry. */
export interface QueueEntriesTable {
  id: string;
  case_id: string;
  channel: string;
  priority: number;
  enqueued_at: string;
  steps: string;
  passed_over: string;
  pinned_to: string | null;
  held: Generated<number>;
  state: string;
  offered_to: string | null;
  offer_expires_at: string | null;
  offer_reason: string | null;
  /** Why the offer went to its assessor, as facts (JSON, OfferFacts); null before issue 16's step or with no offer out. */
  offer_facts: string | null;
  assigned_to: string | null;
  assigned_at: string | null;
  ended_at: string | null;
  /** The hand-off summary (JSON) the assessor sees before answering. */
  summary: string | null;
  /** A callback request (JSON): the customer keeps their place and is called back. */
  callback: string | null;
  transfer_note: string | null;
  service: string | null;
}

export interface IntakesTable {
  id: string;
  case_id: string;
  service: string;
  intent: string;
  channel: string;
  created_at: string;
  outcome: Generated<string>;
  handed_off_at: string | null;
}

export interface IntakeCodesTable {
  case_id: string;
  code_hash: string;
  sent_at: string;
  expires_at: string;
  attempts: Generated<number>;
}

export interface CaseParticipantsTable {
  case_id: string;
  user_id: string;
  role: string;
  invited_by: string;
  invited_at: string;
}

export interface SurveysTable {
  id: string;
  case_id: string;
  score: number;
  comment: string | null;
  answered_at: string;
}

export interface WrapUpsTable {
  id: string;
  case_id: string;
  user_id: string;
  entry_id: string | null;
  disposition: string;
  notes: string | null;
  wrapped_at: string;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  cases: CasesTable;
  join_tokens: JoinTokensTable;
  evidence: EvidenceTable;
  chat_lines: ChatLinesTable;
  outcomes: OutcomesTable;
  calls: CallsTable;
  recordings: RecordingsTable;
  recording_chunks: RecordingChunksTable;
  evidence_corrections: EvidenceCorrectionsTable;
  annotations: AnnotationsTable;
  measurements: MeasurementsTable;
  checklist_captures: ChecklistCapturesTable;
  tour_activity: TourActivityTable;
  link_sends: LinkSendsTable;
  evidence_notes: EvidenceNotesTable;
  ledger_entries: LedgerEntriesTable;
  ledger_keys: LedgerKeysTable;
  server_secrets: ServerSecretsTable;
  instances: InstancesTable;
  assessor_routing: AssessorRoutingTable;
  queue_entries: QueueEntriesTable;
  intakes: IntakesTable;
  intake_codes: IntakeCodesTable;
  case_participants: CaseParticipantsTable;
  surveys: SurveysTable;
  wrap_ups: WrapUpsTable;
  settings: SettingsTable;
  identity_checks: IdentityChecksTable;
  settlement_offers: SettlementOffersTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_outbox: WebhookOutboxTable;
  webhook_attempts: WebhookAttemptsTable;
  api_keys: ApiKeysTable;
}

/** Organisation settings the admin pages change (name → JSON value); a missing row is the default. */
export interface SettingsTable {
  name: string;
  value: string;
  updated_by: string | null;
  updated_at: string;
}

export interface IdentityChecksTable {
  id: string;
  case_id: string;
  document: 'passport' | 'id-card' | 'driving-licence';
  requested_by: string;
  requested_at: string;
  state: 'requested' | 'submitted' | 'passed' | 'failed' | 'cancelled';
  front_evidence_id: string | null;
  back_evidence_id: string | null;
  selfie_evidence_id: string | null;
  /** JSON of the machine-readable zone as read (protocol/identity.ts MrzReading); null: none read. */
  mrz: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  /** 1: the check also asks for a one-time code sent to the contact on file (possession of the phone or mailbox). */
  with_code: Generated<number>;
  code_hash: string | null;
  code_sent_at: string | null;
  code_expires_at: string | null;
  code_attempts: Generated<number>;
  code_confirmed_at: string | null;
}

export interface SettlementOffersTable {
  id: string;
  case_id: string;
  made_by: string;
  made_at: string;
  amount: number;
  currency: string;
  /** JSON array of the offer's items (protocol/settlement.ts). */
  items: string;
  conditions: string;
  expires_at: string;
  confirm_with: 'code' | 'identity';
  state: 'open' | 'accepted' | 'declined' | 'superseded' | 'withdrawn';
  supersedes: string | null;
  superseded_by: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  identity_check_id: string | null;
  /** Set on the customer's decision: the code anyone can check the receipt with. */
  receipt_code: string | null;
  code_hash: string | null;
  code_sent_at: string | null;
  code_expires_at: string | null;
  code_attempts: Generated<number>;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string | null;
  /** JSON array of the event types it receives. */
  events: string;
  /** The signing secret (Standard Webhooks `whsec_…`): kept, since every delivery is signed with it. */
  secret: string;
  created_by: string;
  created_at: string;
  disabled_at: string | null;
}

export interface WebhookOutboxTable {
  /** The message id (`webhook-id`): the same on every retry. */
  id: string;
  endpoint_id: string;
  case_id: string;
  /** The ledger entry the event comes from; delivery order within a case. */
  ledger_seq: number;
  event: string;
  payload: string;
  created_at: string;
  state: 'pending' | 'delivered' | 'abandoned';
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  outbox_id: string;
  at: string;
  /** The endpoint's HTTP status; null when it could not be reached (`error` says why). */
  status: number | null;
  error: string | null;
  duration_ms: number;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  /** The key's first characters, shown to tell keys apart and used to find the row. */
  prefix: string;
  /** SHA-256 of the whole key (hex); the key itself is shown once and never stored. */
  key_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
