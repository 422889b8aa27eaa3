// Front door (issue 14): the tables and columns its migration adds, the same SQL on both engines (the
// step in sqlite-migrations.ts and postgres-migrations.ts says what each is for). Frozen: it is part of a
// released migration step; a change is a new step.
export const FRONT_DOOR_TABLES = `
  CREATE TABLE intakes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    service TEXT NOT NULL CHECK (service IN ('query', 'consult', 'transaction', 'complaint', 'claim', 'preview')),
    intent TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('text', 'voice', 'video', 'xr')),
    created_at TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'answered', 'handed-off', 'left')),
    handed_off_at TEXT
  );
  CREATE INDEX intakes_by_case ON intakes(case_id, created_at);
  CREATE INDEX intakes_by_created ON intakes(created_at);
  CREATE TABLE intake_codes (
    case_id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO intake_codes (case_id, code_hash, sent_at, expires_at, attempts) VALUES ('case_none', '${'x'.repeat(64)}', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', 0);
  CREATE TABLE case_participants (
    case_id TEXT NOT NULL REFERENCES cases(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('expert', 'supervisor')),
    invited_by TEXT NOT NULL REFERENCES users(id),
    invited_at TEXT NOT NULL,
    PRIMARY KEY (case_id, user_id)
  );
  CREATE TABLE surveys (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment TEXT,
    answered_at TEXT NOT NULL
  );
  CREATE INDEX surveys_by_time ON surveys(answered_at);
  CREATE TABLE wrap_ups (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    entry_id TEXT REFERENCES queue_entries(id),
    disposition TEXT NOT NULL,
    notes TEXT,
    wrapped_at TEXT NOT NULL
  );
  CREATE INDEX wrap_ups_by_time ON wrap_ups(wrapped_at);
  ALTER TABLE queue_entries ADD COLUMN summary TEXT;
  ALTER TABLE queue_entries ADD COLUMN callback TEXT;
  ALTER TABLE queue_entries ADD COLUMN transfer_note TEXT;
  ALTER TABLE queue_entries ADD COLUMN service TEXT;
  CREATE INDEX queue_entries_by_enqueued ON queue_entries(enqueued_at);
`;
