// SQLite schema migrations, applied in order (PRAGMA user_version counts them); never edit a released
// step, append a new one, and the same change to postgres-migrations.ts.
import type BetterSqlite from 'better-sqlite3';
import { FRONT_DOOR_TABLES } from './front-door-tables.ts';
import { settleTables } from './settle-tables.ts';

/** A step: SQL, or (for what SQL alone cannot do in SQLite) a function run in the step's transaction. */
export type SqliteStep = string | ((db: BetterSqlite.Database) => void);

/**
 * Rewrites a table's declared SQL in place — SQLite's documented way to drop or widen a CHECK or drop a
 * NOT NULL without rebuilding the table (sqlite.org/lang_altertable.html, "other kinds of table schema
 * changes"): the stored rows are valid under the new declaration as they were under the old. Fails
 * loudly if the declaration is not the one this project created.
 */
function rewriteSchema(db: BetterSqlite.Database, table: string, from: string, to: string): void {
  const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
  if (!row?.sql.includes(from)) throw new Error(`migration: the table ${table} is not declared as expected (looked for "${from}")`);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?").run(row.sql.replace(from, to), table);
  db.pragma('writable_schema = RESET');
}


export const sqliteMigrations: SqliteStep[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'assessor')),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('damage', 'preview')),
    title TEXT NOT NULL,
    customer_name TEXT,
    assessor_id TEXT NOT NULL REFERENCES users(id),
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX cases_by_assessor ON cases(assessor_id, created_at);
  CREATE TABLE join_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    consented_at TEXT,
    location_allowed INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX join_tokens_by_case ON join_tokens(case_id);
  CREATE TABLE ledger_entries (
    case_id TEXT NOT NULL REFERENCES cases(id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    blobs TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
  );
  CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    source TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    preview_sha256 TEXT NOT NULL,
    thumbnail_sha256 TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    sharpness REAL NOT NULL,
    blurry INTEGER NOT NULL,
    brightness REAL NOT NULL,
    device_time TEXT,
    received_at TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    accuracy REAL,
    request_id TEXT,
    upload_id TEXT,
    captured_by TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL,
    UNIQUE (case_id, upload_id)
  );
  CREATE INDEX evidence_by_case ON evidence(case_id, received_at);
  CREATE TABLE chat_lines (
    case_id TEXT NOT NULL REFERENCES cases(id),
    id TEXT NOT NULL,
    from_role TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    text TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (case_id, id)
  );
  CREATE TABLE outcomes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    decision TEXT NOT NULL,
    reason TEXT NOT NULL,
    amount REAL,
    currency TEXT,
    damage_items TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    at TEXT NOT NULL,
    supersedes TEXT
  );
  CREATE INDEX outcomes_by_case ON outcomes(case_id, at);
  CREATE TABLE calls (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    started_at TEXT NOT NULL,
    connected_at TEXT,
    ended_at TEXT,
    state TEXT NOT NULL,
    early_failure INTEGER NOT NULL DEFAULT 0,
    detail TEXT
  );
  CREATE INDEX calls_by_case ON calls(case_id, started_at);
  `,
  `
  ALTER TABLE ledger_entries ADD COLUMN signature TEXT NOT NULL DEFAULT '';
  `,
  // Live-session recordings: the queryable projection of recording.started / .chunk / .sealed entries.
  `
  CREATE TABLE recordings (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    mime_type TEXT NOT NULL,
    started_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    chunk_ms INTEGER,
    upload_id TEXT,
    actor_id TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL,
    sealed_at TEXT,
    chunk_count INTEGER,
    duration_ms INTEGER,
    seal_seq INTEGER,
    UNIQUE (case_id, upload_id)
  );
  CREATE INDEX recordings_by_case ON recordings(case_id, created_at);
  CREATE TABLE recording_chunks (
    recording_id TEXT NOT NULL REFERENCES recordings(id),
    n INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL,
    PRIMARY KEY (recording_id, n)
  ) WITHOUT ROWID;
  `,
  // Corrections: an evidence item marked superseded (the projection of `evidence.superseded`).
  `
  CREATE TABLE evidence_corrections (
    evidence_id TEXT PRIMARY KEY REFERENCES evidence(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    reason TEXT NOT NULL,
    replaced_by TEXT REFERENCES evidence(id),
    at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL
  );
  CREATE INDEX evidence_corrections_by_case ON evidence_corrections(case_id);
  `,
  // Spatial evidence and guided capture: the case's checklist template, the annotation layer kept
  // beside a photo, and the projections of `annotation.*`, `measurement.recorded` and `checklist.captured`.
  // `body` holds the canonical JSON of what the client posted, so a retry is compared byte for byte.
  `
  ALTER TABLE cases ADD COLUMN checklist TEXT;
  ALTER TABLE evidence ADD COLUMN layer TEXT;
  CREATE TABLE annotations (
    case_id TEXT NOT NULL REFERENCES cases(id),
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL,
    cleared_at TEXT,
    cleared_seq INTEGER,
    PRIMARY KEY (case_id, id)
  );
  CREATE TABLE measurements (
    case_id TEXT NOT NULL REFERENCES cases(id),
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    distance_m REAL NOT NULL,
    uncertainty_m REAL NOT NULL,
    created_by TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL,
    PRIMARY KEY (case_id, id)
  );
  CREATE TABLE checklist_captures (
    evidence_id TEXT PRIMARY KEY REFERENCES evidence(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    item_id TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    problems TEXT NOT NULL,
    at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL
  );
  CREATE INDEX checklist_captures_by_case ON checklist_captures(case_id, ledger_seq);
  `,
  `
  ALTER TABLE users ADD COLUMN disabled_at TEXT;
  `,
  // Preview tours: the tour a preview case shows its customer.
  `
  ALTER TABLE cases ADD COLUMN tour TEXT;
  ALTER TABLE outcomes ADD COLUMN booking TEXT;
  ALTER TABLE outcomes ADD COLUMN follow_up_on TEXT;
  CREATE TABLE tour_activity (
    case_id TEXT NOT NULL REFERENCES cases(id),
    batch_id TEXT NOT NULL,
    tour_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    events TEXT NOT NULL,
    at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL,
    PRIMARY KEY (case_id, batch_id)
  );
  CREATE INDEX tour_activity_by_tour ON tour_activity(tour_id);
  `,
  // Call experience: a case's reference, closing and archiving; a join link shown again (sealed with a
  // server key), its opening and declining; link sends by email or SMS; captions and notes on photos.
  `
  ALTER TABLE cases ADD COLUMN reference TEXT;
  ALTER TABLE cases ADD COLUMN closed_at TEXT;
  ALTER TABLE cases ADD COLUMN archived_at TEXT;
  CREATE INDEX cases_by_reference ON cases(reference);
  ALTER TABLE join_tokens ADD COLUMN sealed_token TEXT;
  ALTER TABLE join_tokens ADD COLUMN opened_at TEXT;
  ALTER TABLE join_tokens ADD COLUMN declined_at TEXT;
  CREATE TABLE link_sends (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    token_id TEXT NOT NULL REFERENCES join_tokens(id),
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
    detail TEXT,
    at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL
  );
  CREATE INDEX link_sends_by_case ON link_sends(case_id, at);
  CREATE TABLE evidence_notes (
    evidence_id TEXT NOT NULL REFERENCES evidence(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    caption TEXT,
    note TEXT,
    by TEXT NOT NULL,
    at TEXT NOT NULL,
    ledger_seq INTEGER NOT NULL,
    PRIMARY KEY (evidence_id, ledger_seq)
  );
  `,
  // Scale-out: the database itself keeps each case's chain whole. An entry names the one before it by
  // (case_id, prev_seq, prev_hash), a foreign key to that entry's (case_id, seq, hash): a gap, a fork or
  // a wrong link is refused on insert, whatever the writer.
  `
  CREATE TABLE ledger_chain (
    case_id TEXT NOT NULL REFERENCES cases(id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    prev_seq INTEGER CHECK ((seq = 1 AND prev_seq IS NULL) OR (seq > 1 AND prev_seq IS NOT NULL AND prev_seq = seq - 1)),
    at TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    blobs TEXT NOT NULL,
    prev_hash TEXT NOT NULL CHECK (seq > 1 OR prev_hash = '${'0'.repeat(64)}'),
    hash TEXT NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (case_id, seq),
    UNIQUE (case_id, seq, hash),
    FOREIGN KEY (case_id, prev_seq, prev_hash) REFERENCES ledger_chain(case_id, seq, hash)
  );
  INSERT INTO ledger_chain (case_id, seq, prev_seq, at, actor_type, actor_id, type, payload, blobs, prev_hash, hash, signature)
    SELECT case_id, seq, CASE WHEN seq = 1 THEN NULL ELSE seq - 1 END, at, actor_type, actor_id, type, payload, blobs, prev_hash, hash, signature
    FROM ledger_entries ORDER BY case_id, seq;
  DROP TABLE ledger_entries;
  ALTER TABLE ledger_chain RENAME TO ledger_entries;
  `,
  // Scale-out: each running instance and its heartbeat (cluster/instance-registry.ts).
  `
  CREATE TABLE instances (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
  );
  `,
  // Scale-out: secrets every instance must share (the signalling secret; the ledger key unless it is
  // configured as a file), made once by whichever instance starts first (secrets/server-secrets.ts).
  `
  CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // Key rotation: every entry names the key that signed it (null on the entries from before), and the
  // keyring keeps the public half of every key that ever signed (ledger/keyring.ts).
  `
  ALTER TABLE ledger_entries ADD COLUMN key_id TEXT;
  CREATE TABLE ledger_keys (
    key_id TEXT PRIMARY KEY,
    algorithm TEXT NOT NULL,
    public_key_pem TEXT NOT NULL,
    created_at TEXT NOT NULL,
    endorsed_by TEXT REFERENCES ledger_keys(key_id),
    endorsement TEXT,
    CHECK ((endorsed_by IS NULL) = (endorsement IS NULL))
  );
  `,
  // Front door (issue 14): each assessor's routing facts (skills, per-channel capacity, status, load,
  // heartbeat) and the queue of customers waiting for one (frontdoor/queue-store.ts). An offer is the
  // entry's own state, so an entry is offered to one assessor at a time by construction; a case waits in
  // the queue at most once at a time (the partial unique index).
  `
  CREATE TABLE assessor_routing (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    skills TEXT NOT NULL,
    capacity TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('available', 'busy', 'away', 'offline')),
    status_at TEXT NOT NULL,
    last_seen_at TEXT,
    last_assigned_at TEXT,
    load TEXT NOT NULL
  );
  CREATE TABLE queue_entries (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    channel TEXT NOT NULL CHECK (channel IN ('text', 'voice', 'video', 'xr')),
    priority INTEGER NOT NULL,
    enqueued_at TEXT NOT NULL,
    steps TEXT NOT NULL,
    passed_over TEXT NOT NULL,
    pinned_to TEXT REFERENCES users(id),
    held INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'offered', 'assigned', 'left', 'finished')),
    offered_to TEXT REFERENCES users(id),
    offer_expires_at TEXT,
    offer_reason TEXT,
    assigned_to TEXT REFERENCES users(id),
    assigned_at TEXT,
    ended_at TEXT,
    CHECK ((state = 'offered') = (offered_to IS NOT NULL AND offer_expires_at IS NOT NULL)),
    CHECK (state <> 'assigned' OR assigned_to IS NOT NULL)
  );
  CREATE INDEX queue_entries_by_state ON queue_entries(state);
  CREATE UNIQUE INDEX queue_entries_one_per_case ON queue_entries(case_id) WHERE state IN ('waiting', 'offered', 'assigned');
  `,
  // Front door (issue 14), customers arriving on their own: the roles `supervisor` and `expert`; a case
  // an intake opened has no assessor until someone takes it from the queue, and no user created it; each intake (service, intent,
  // channel, how it ended: bot containment); one-time codes that identify an existing case; the experts
  // and supervisors invited to a case; satisfaction surveys and wrap-ups (KPIs); and on a queue entry the
  // hand-off summary, a callback request, a warm transfer's note and the service it came for.
  (db) => {
    rewriteSchema(db, 'users', "CHECK (role IN ('admin', 'assessor'))", "CHECK (role IN ('admin', 'assessor', 'supervisor', 'expert'))");
    rewriteSchema(db, 'cases', 'assessor_id TEXT NOT NULL REFERENCES users(id)', 'assessor_id TEXT REFERENCES users(id)');
    rewriteSchema(db, 'cases', 'created_by TEXT NOT NULL REFERENCES users(id)', 'created_by TEXT REFERENCES users(id)');
    db.exec(FRONT_DOOR_TABLES);
  },
  // Settle online (issue 15): the case's address (a coordinate the assessor gave, no geocoder), each
  // photo's purpose (identity documents), EXIF time and place of gallery uploads and its when/where flags;
  // organisation settings (admin pages), identity checks, settlement offers, the webhook outbox and its
  // delivery attempts, and API keys (hashed) for the read API.
  settleTables('REAL'),
  // Languages (issue 16): the case's language, chosen by the assessor at creation (the customer's page
  // starts in it unless the link names another), and the language the customer's page last used, shown
  // to the assessor. BCP 47 tags; null: not chosen (the browser's).
  `
  ALTER TABLE cases ADD COLUMN language TEXT;
  ALTER TABLE cases ADD COLUMN customer_language TEXT;
  `,
  // Console language (issue 16): each staff user's own choice for the console and supervisor pages
  // (BCP 47); null: the browser's.
  'ALTER TABLE users ADD COLUMN language TEXT;',
  // Routing facts (issue 16): why an offer went to its assessor, as language-neutral facts (JSON,
  // protocol/queue.ts OfferFacts) the console words in the reader's language; null on offers made before
  // this step, which show their stored English `offer_reason`.
  'ALTER TABLE queue_entries ADD COLUMN offer_facts TEXT;',
  // Calls not ended, for the routing pass: an assessor in a call from a join link is offered no one. Only
  // the open ones are indexed, so the pass reads a handful of rows however many calls were ever made.
  'CREATE INDEX calls_open ON calls(case_id) WHERE ended_at IS NULL;',
];
