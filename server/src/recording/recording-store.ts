// Recording and chunk rows: the queryable projection of recording.started, .chunk and .sealed ledger
// entries. Chunk rows are only ever inserted; a recording row gains its seal columns once.
import type { RecordingChunk } from '../../../protocol/recording.ts';
import type { Db } from '../storage/database.ts';

export interface RecordingRecord {
  id: string;
  caseId: string;
  mimeType: string;
  startedAt: string;
  createdAt: string;
  chunkMs: number | null;
  uploadId: string | null;
  actorId: string;
  ledgerSeq: number;
  sealedAt: string | null;
  chunkCount: number | null;
  durationMs: number | null;
  sealSeq: number | null;
}

export interface ChunkRecord extends RecordingChunk {
  recordingId: string;
  receivedAt: string;
  ledgerSeq: number;
}

export interface SealRecord {
  sealedAt: string;
  chunkCount: number;
  durationMs: number;
  sealSeq: number;
}

interface RecordingRow {
  id: string; case_id: string; mime_type: string; started_at: string; created_at: string; chunk_ms: number | null;
  upload_id: string | null; actor_id: string; ledger_seq: number; sealed_at: string | null; chunk_count: number | null;
  duration_ms: number | null; seal_seq: number | null;
}

const fromRow = (r: RecordingRow): RecordingRecord => ({
  id: r.id, caseId: r.case_id, mimeType: r.mime_type, startedAt: r.started_at, createdAt: r.created_at, chunkMs: r.chunk_ms,
  uploadId: r.upload_id, actorId: r.actor_id, ledgerSeq: r.ledger_seq, sealedAt: r.sealed_at, chunkCount: r.chunk_count,
  durationMs: r.duration_ms, sealSeq: r.seal_seq,
});

export interface ChunkTotals {
  count: number;
  bytes: number;
  /** Bytes of chunks 0, 1, … up to the first one missing: what plays. */
  playableBytes: number;
}

export interface RecordingStore {
  insert(record: RecordingRecord): void;
  byId(caseId: string, id: string): RecordingRecord | null;
  byUploadId(caseId: string, uploadId: string): RecordingRecord | null;
  list(caseId: string): RecordingRecord[];
  insertChunk(chunk: ChunkRecord): void;
  chunk(recordingId: string, n: number): RecordingChunk | null;
  /** Every chunk held, ordered by n. */
  chunks(recordingId: string): RecordingChunk[];
  /** What a summary needs of the chunks, computed by SQLite: an event per chunk must not read them all. */
  totals(recordingId: string): ChunkTotals;
  seal(recordingId: string, seal: SealRecord): void;
}

export function createRecordingStore(db: Db): RecordingStore {
  const insertStmt = db.prepare(
    `INSERT INTO recordings (id, case_id, mime_type, started_at, created_at, chunk_ms, upload_id, actor_id, ledger_seq, sealed_at, chunk_count, duration_ms, seal_seq)
     VALUES (@id, @caseId, @mimeType, @startedAt, @createdAt, @chunkMs, @uploadId, @actorId, @ledgerSeq, @sealedAt, @chunkCount, @durationMs, @sealSeq)`,
  );
  const byIdStmt = db.prepare<[string, string], RecordingRow>('SELECT * FROM recordings WHERE case_id = ? AND id = ?');
  const byUploadStmt = db.prepare<[string, string], RecordingRow>('SELECT * FROM recordings WHERE case_id = ? AND upload_id = ?');
  const listStmt = db.prepare<[string], RecordingRow>('SELECT * FROM recordings WHERE case_id = ? ORDER BY created_at, rowid');
  const insertChunkStmt = db.prepare(
    `INSERT INTO recording_chunks (recording_id, n, sha256, size, received_at, ledger_seq)
     VALUES (@recordingId, @n, @sha256, @size, @receivedAt, @ledgerSeq)`,
  );
  const chunkStmt = db.prepare<[string, number], RecordingChunk>('SELECT n, sha256, size FROM recording_chunks WHERE recording_id = ? AND n = ?');
  const chunksStmt = db.prepare<[string], RecordingChunk>('SELECT n, sha256, size FROM recording_chunks WHERE recording_id = ? ORDER BY n');
  const totalsStmt = db.prepare<{ id: string }, { count: number; bytes: number; last: number }>(
    'SELECT COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes, COALESCE(MAX(n), -1) AS last FROM recording_chunks WHERE recording_id = @id',
  );
  // Chunks below the first missing number: none when 0 is missing, else up to the first n whose successor is missing.
  const playableStmt = db.prepare<{ id: string }, { bytes: number }>(
    `SELECT COALESCE(SUM(size), 0) AS bytes FROM recording_chunks WHERE recording_id = @id AND n < (
       SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM recording_chunks WHERE recording_id = @id AND n = 0) THEN 0
       ELSE (SELECT MIN(a.n) + 1 FROM recording_chunks a WHERE a.recording_id = @id
             AND NOT EXISTS (SELECT 1 FROM recording_chunks b WHERE b.recording_id = @id AND b.n = a.n + 1)) END)`,
  );
  const sealStmt = db.prepare(
    `UPDATE recordings SET sealed_at = @sealedAt, chunk_count = @chunkCount, duration_ms = @durationMs, seal_seq = @sealSeq
     WHERE id = @recordingId AND sealed_at IS NULL`,
  );

  return {
    insert: (record) => insertStmt.run(record),
    byId(caseId, id) {
      const row = byIdStmt.get(caseId, id);
      return row ? fromRow(row) : null;
    },
    byUploadId(caseId, uploadId) {
      const row = byUploadStmt.get(caseId, uploadId);
      return row ? fromRow(row) : null;
    },
    list: (caseId) => listStmt.all(caseId).map(fromRow),
    insertChunk: (chunk) => insertChunkStmt.run(chunk),
    chunk: (recordingId, n) => chunkStmt.get(recordingId, n) ?? null,
    chunks: (recordingId) => chunksStmt.all(recordingId),
    totals(recordingId) {
      const { count, bytes, last } = totalsStmt.get({ id: recordingId })!;
      // Numbers are unique and from 0: when the highest is count − 1, every one below it is held.
      const playableBytes = last === count - 1 ? bytes : playableStmt.get({ id: recordingId })!.bytes;
      return { count, bytes, playableBytes };
    },
    seal(recordingId, seal) {
      if (sealStmt.run({ recordingId, ...seal }).changes !== 1) throw new Error(`recording ${recordingId} was sealed already`);
    },
  };
}
