// Settle online (issue 15): the tables and columns its migration adds, the same SQL on both engines (the
// step in sqlite-migrations.ts and postgres-migrations.ts says what each is for). Frozen: it is part of a
// released migration step; a change is a new step. `real`: the engine's 8-byte float (SQLite's REAL;
// on PostgreSQL REAL is 4 bytes, so DOUBLE PRECISION, as in its other steps).
export const settleTables = (real: 'REAL' | 'DOUBLE PRECISION'): string => `
  ALTER TABLE cases ADD COLUMN address TEXT;
  ALTER TABLE cases ADD COLUMN address_latitude ${real};
  ALTER TABLE cases ADD COLUMN address_longitude ${real};
  ALTER TABLE evidence ADD COLUMN purpose TEXT CHECK (purpose IN ('id-front', 'id-back', 'selfie'));
  ALTER TABLE evidence ADD COLUMN exif_time TEXT;
  ALTER TABLE evidence ADD COLUMN exif_latitude ${real};
  ALTER TABLE evidence ADD COLUMN exif_longitude ${real};
  ALTER TABLE evidence ADD COLUMN flags TEXT;
  CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_by TEXT REFERENCES users(id),
    updated_at TEXT NOT NULL
  );
  CREATE TABLE identity_checks (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    document TEXT NOT NULL CHECK (document IN ('passport', 'id-card', 'driving-licence')),
    requested_by TEXT NOT NULL REFERENCES users(id),
    requested_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('requested', 'submitted', 'passed', 'failed', 'cancelled')),
    front_evidence_id TEXT REFERENCES evidence(id),
    back_evidence_id TEXT REFERENCES evidence(id),
    selfie_evidence_id TEXT REFERENCES evidence(id),
    mrz TEXT,
    submitted_at TEXT,
    decided_by TEXT REFERENCES users(id),
    decided_at TEXT,
    reason TEXT,
    with_code INTEGER NOT NULL DEFAULT 0,
    code_hash TEXT,
    code_sent_at TEXT,
    code_expires_at TEXT,
    code_attempts INTEGER NOT NULL DEFAULT 0,
    code_confirmed_at TEXT,
    CHECK ((state IN ('passed', 'failed')) = (decided_at IS NOT NULL))
  );
  CREATE INDEX identity_checks_by_case ON identity_checks(case_id, requested_at);
  CREATE UNIQUE INDEX identity_checks_one_open_per_case ON identity_checks(case_id) WHERE state IN ('requested', 'submitted');
  CREATE TABLE settlement_offers (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    made_by TEXT NOT NULL REFERENCES users(id),
    made_at TEXT NOT NULL,
    amount ${real} NOT NULL,
    currency TEXT NOT NULL,
    items TEXT NOT NULL,
    conditions TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    confirm_with TEXT NOT NULL CHECK (confirm_with IN ('code', 'identity')),
    state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'declined', 'superseded', 'withdrawn')),
    supersedes TEXT REFERENCES settlement_offers(id),
    superseded_by TEXT REFERENCES settlement_offers(id),
    decided_at TEXT,
    decline_reason TEXT,
    identity_check_id TEXT REFERENCES identity_checks(id),
    receipt_code TEXT UNIQUE,
    code_hash TEXT,
    code_sent_at TEXT,
    code_expires_at TEXT,
    code_attempts INTEGER NOT NULL DEFAULT 0,
    CHECK ((state IN ('accepted', 'declined')) = (receipt_code IS NOT NULL))
  );
  CREATE INDEX settlement_offers_by_case ON settlement_offers(case_id, made_at);
  CREATE UNIQUE INDEX settlement_offers_one_open_per_case ON settlement_offers(case_id) WHERE state = 'open';
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    description TEXT,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    disabled_at TEXT
  );
  CREATE TABLE webhook_outbox (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
    case_id TEXT NOT NULL REFERENCES cases(id),
    ledger_seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'abandoned')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_by TEXT,
    claimed_until TEXT,
    delivered_at TEXT,
    UNIQUE (endpoint_id, case_id, ledger_seq)
  );
  CREATE INDEX webhook_outbox_due ON webhook_outbox(state, next_attempt_at);
  CREATE INDEX webhook_outbox_by_endpoint ON webhook_outbox(endpoint_id, created_at);
  CREATE TABLE webhook_attempts (
    id TEXT PRIMARY KEY,
    outbox_id TEXT NOT NULL REFERENCES webhook_outbox(id),
    at TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL
  );
  CREATE INDEX webhook_attempts_by_outbox ON webhook_attempts(outbox_id, at);
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL UNIQUE,
    key_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
`;
