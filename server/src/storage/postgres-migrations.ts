// PostgreSQL schema migrations, applied in order under an advisory lock (migrate.ts); never edit a
// released step, append a new one. Step 1 is the SQLite schema as of its step 12 (sqlite-migrations.ts)
// in PostgreSQL's words; later steps mirror later SQLite steps.
//
// Types: text stays text (timestamps are ISO-8601 text in both engines, so they compare and sort the
// same), REAL is double precision, byte sizes are bigint (read back as numbers, database.ts). `rowid`:
// SQLite gives every table an insertion-ordered rowid that lists break ties on; here the tables that
// are listed that way get an identity column of that name, so the same query orders the same.
import { FRONT_DOOR_TABLES } from './front-door-tables.ts';
import { settleTables } from './settle-tables.ts';

export const postgresMigrations: string[] = [
  `
  CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'assessor')),
      password_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      disabled_at TEXT);
  CREATE TABLE sessions (
      id_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );
  CREATE TABLE cases (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('damage', 'preview')),
      title TEXT NOT NULL,
      customer_name TEXT,
      assessor_id TEXT NOT NULL REFERENCES users(id),
      created_by TEXT NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      checklist TEXT, tour TEXT, reference TEXT, closed_at TEXT, archived_at TEXT);
  CREATE INDEX cases_by_assessor ON cases(assessor_id, created_at);
  CREATE TABLE join_tokens (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      case_id TEXT NOT NULL REFERENCES cases(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revoked_at TEXT,
      consented_at TEXT,
      location_allowed INTEGER NOT NULL DEFAULT 0,
      sealed_token TEXT, opened_at TEXT, declined_at TEXT);
  CREATE INDEX join_tokens_by_case ON join_tokens(case_id);
  CREATE TABLE evidence (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      source TEXT NOT NULL,
      mime TEXT NOT NULL,
      size BIGINT NOT NULL,
      sha256 TEXT NOT NULL,
      preview_sha256 TEXT NOT NULL,
      thumbnail_sha256 TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      sharpness DOUBLE PRECISION NOT NULL,
      blurry INTEGER NOT NULL,
      brightness DOUBLE PRECISION NOT NULL,
      device_time TEXT,
      received_at TEXT NOT NULL,
      latitude DOUBLE PRECISION,
      longitude DOUBLE PRECISION,
      accuracy DOUBLE PRECISION,
      request_id TEXT,
      upload_id TEXT,
      captured_by TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      ledger_seq INTEGER NOT NULL, layer TEXT,
      UNIQUE (case_id, upload_id)
    );
  CREATE INDEX evidence_by_case ON evidence(case_id, received_at);
  CREATE TABLE chat_lines (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      id TEXT NOT NULL,
      from_role TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      text TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (case_id, id)
    );
  CREATE TABLE outcomes (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      decision TEXT NOT NULL,
      reason TEXT NOT NULL,
      amount DOUBLE PRECISION,
      currency TEXT,
      damage_items TEXT NOT NULL,
      decided_by TEXT NOT NULL,
      at TEXT NOT NULL,
      supersedes TEXT,
      booking TEXT, follow_up_on TEXT);
  CREATE INDEX outcomes_by_case ON outcomes(case_id, at);
  CREATE TABLE calls (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
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
  CREATE TABLE recordings (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
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
      size BIGINT NOT NULL,
      received_at TEXT NOT NULL,
      ledger_seq INTEGER NOT NULL,
      PRIMARY KEY (recording_id, n)
    );
  CREATE TABLE evidence_corrections (
      evidence_id TEXT PRIMARY KEY REFERENCES evidence(id),
      case_id TEXT NOT NULL REFERENCES cases(id),
      reason TEXT NOT NULL,
      replaced_by TEXT REFERENCES evidence(id),
      at TEXT NOT NULL,
      ledger_seq INTEGER NOT NULL
    );
  CREATE INDEX evidence_corrections_by_case ON evidence_corrections(case_id);
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
      distance_m DOUBLE PRECISION NOT NULL,
      uncertainty_m DOUBLE PRECISION NOT NULL,
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
  CREATE INDEX cases_by_reference ON cases(reference);
  CREATE TABLE link_sends (
      rowid BIGINT GENERATED ALWAYS AS IDENTITY,
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
      "by" TEXT NOT NULL,
      at TEXT NOT NULL,
      ledger_seq INTEGER NOT NULL,
      PRIMARY KEY (evidence_id, ledger_seq)
    );
  CREATE TABLE ledger_entries (
      case_id TEXT NOT NULL REFERENCES cases(id),
      seq INTEGER NOT NULL CHECK (seq >= 1),
      prev_seq INTEGER CHECK ((seq = 1 AND prev_seq IS NULL) OR (seq > 1 AND prev_seq IS NOT NULL AND prev_seq = seq - 1)),
      at TEXT NOT NULL,
      actor_type TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      blobs TEXT NOT NULL,
      prev_hash TEXT NOT NULL CHECK (seq > 1 OR prev_hash = '0000000000000000000000000000000000000000000000000000000000000000'),
      hash TEXT NOT NULL,
      signature TEXT NOT NULL,
      PRIMARY KEY (case_id, seq),
      UNIQUE (case_id, seq, hash),
      FOREIGN KEY (case_id, prev_seq, prev_hash) REFERENCES ledger_entries(case_id, seq, hash)
    );
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
  // Front door (issue 14): as the SQLite step — roles supervisor and expert, cases without an assessor or
  // a creating user, and the front door's tables.
  `
  ALTER TABLE users DROP CONSTRAINT users_role_check;
  ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'assessor', 'supervisor', 'expert'));
  ALTER TABLE cases ALTER COLUMN assessor_id DROP NOT NULL;
  ALTER TABLE cases ALTER COLUMN created_by DROP NOT NULL;
  ${FRONT_DOOR_TABLES}
  `,
  // Settle online (issue 15): as the SQLite step.
  settleTables('DOUBLE PRECISION'),
  // Languages (issue 16): as the SQLite step.
  `
  ALTER TABLE cases ADD COLUMN language TEXT;
  ALTER TABLE cases ADD COLUMN customer_language TEXT;
  `,
  // Console language (issue 16): as the SQLite step.
  'ALTER TABLE users ADD COLUMN language TEXT;',
  // Routing facts (issue 16): as the SQLite step.
  'ALTER TABLE queue_entries ADD COLUMN offer_facts TEXT;',
  // Calls not ended (routing): as the SQLite step.
  'CREATE INDEX calls_open ON calls(case_id) WHERE ended_at IS NULL;',
];
