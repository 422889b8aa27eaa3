// Recording and chunk rows: the queryable projection of recording.started, .chunk and .sealed ledger
// entries. Chunk rows are only ever inserted; a recording row gains its seal columns once.
import { sql, type Selectable } from 'kysely';
import type { RecordingChunk } from '../../../protocol/recording.ts';
import type { Db } from '../storage/database.ts';
import type { RecordingsTable } from '../storage/schema.ts';

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

const fromRow = (r: Omit<Selectable<RecordingsTable>, 'rowid'>): RecordingRecord => ({
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
  insert(record: RecordingRecord): Promise<void>;
  byId(caseId: string, id: string): Promise<RecordingRecord | null>;
  byUploadId(caseId: string, uploadId: string): Promise<RecordingRecord | null>;
  list(caseId: string): Promise<RecordingRecord[]>;
  insertChunk(chunk: ChunkRecord): Promise<void>;
  chunk(recordingId: string, n: number): Promise<RecordingChunk | null>;
  /** Every chunk held, ordered by n. */
  chunks(recordingId: string): Promise<RecordingChunk[]>;
  /** What a summary needs of the chunks, computed by the database: an event per chunk must not read them all. */
  totals(recordingId: string): Promise<ChunkTotals>;
  seal(recordingId: string, seal: SealRecord): Promise<void>;
}

export function createRecordingStore(db: Db): RecordingStore {
  const recordings = () => db.q().selectFrom('recordings').select([
    'id', 'case_id', 'mime_type', 'started_at', 'created_at', 'chunk_ms', 'upload_id', 'actor_id', 'ledger_seq',
    'sealed_at', 'chunk_count', 'duration_ms', 'seal_seq',
  ]);
  const chunks = (recordingId: string) => db.q().selectFrom('recording_chunks').select(['n', 'sha256', 'size']).where('recording_id', '=', recordingId);

  return {
    async insert(r) {
      await db.q().insertInto('recordings').values({
        id: r.id, case_id: r.caseId, mime_type: r.mimeType, started_at: r.startedAt, created_at: r.createdAt, chunk_ms: r.chunkMs,
        upload_id: r.uploadId, actor_id: r.actorId, ledger_seq: r.ledgerSeq, sealed_at: r.sealedAt, chunk_count: r.chunkCount,
        duration_ms: r.durationMs, seal_seq: r.sealSeq,
      }).execute();
    },
    async byId(caseId, id) {
      const row = await recordings().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async byUploadId(caseId, uploadId) {
      const row = await recordings().where('case_id', '=', caseId).where('upload_id', '=', uploadId).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    list: async (caseId) => (await recordings().where('case_id', '=', caseId).orderBy('created_at').orderBy('rowid').execute()).map(fromRow),
    async insertChunk(c) {
      await db.q().insertInto('recording_chunks').values({
        recording_id: c.recordingId, n: c.n, sha256: c.sha256, size: c.size, received_at: c.receivedAt, ledger_seq: c.ledgerSeq,
      }).execute();
    },
    chunk: async (recordingId, n) => (await chunks(recordingId).where('n', '=', n).executeTakeFirst()) ?? null,
    chunks: (recordingId) => chunks(recordingId).orderBy('n').execute(),
    async totals(recordingId) {
      const { count, bytes, last } = await db.q().selectFrom('recording_chunks')
        .select((eb) => [
          eb.fn.countAll<number>().as('count'),
          sql<number>`coalesce(sum(size), 0)`.as('bytes'),
          sql<number>`coalesce(max(n), -1)`.as('last'),
        ])
        .where('recording_id', '=', recordingId)
        .executeTakeFirstOrThrow();
      // Numbers are unique and from 0: when the highest is count − 1, every one below it is held.
      const playableBytes = last === count - 1 ? bytes : await playable(recordingId);
      return { count, bytes, playableBytes };
    },
    async seal(recordingId, seal) {
      const result = await db.q().updateTable('recordings')
        .set({ sealed_at: seal.sealedAt, chunk_count: seal.chunkCount, duration_ms: seal.durationMs, seal_seq: seal.sealSeq })
        .where('id', '=', recordingId)
        .where('sealed_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) throw new Error(`recording ${recordingId} was sealed already`);
    },
  };

  /** Bytes of the chunks below the first missing number: none when 0 is missing, else up to the first n whose successor is missing. */
  async function playable(recordingId: string): Promise<number> {
    const { rows } = await sql<{ bytes: number }>`
      SELECT coalesce(sum(size), 0) AS bytes FROM recording_chunks WHERE recording_id = ${recordingId} AND n < (
        SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM recording_chunks WHERE recording_id = ${recordingId} AND n = 0) THEN 0
        ELSE (SELECT min(a.n) + 1 FROM recording_chunks a WHERE a.recording_id = ${recordingId}
              AND NOT EXISTS (SELECT 1 FROM recording_chunks b WHERE b.recording_id = ${recordingId} AND b.n = a.n + 1)) END)`.execute(db.q());
    return Number(rows[0]!.bytes);
  }
}
