// Live-session recordings: created by the assessor's console, filled with numbered chunks in any
// order (each blob durable on disk before its row and ledger entry commit, so an acknowledged chunk
// survives a crash; chunks that are ready together share one commit), sealed once every chunk is held,
// served as one media file.
import fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { RETENTION_PURGED } from '../../../protocol/corrections.ts';
import type { User } from '../../../protocol/http.ts';
import type {
  ChunkReceipt, CreateRecordingBody, RecordingChunk, RecordingSummary, RecordingView, SealRecordingBody,
} from '../../../protocol/recording.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, notFound, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { writeOnce } from '../ledger/ledger-write.ts';
import { purgeCoverage } from '../ledger/tombstones.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Db } from '../storage/database.ts';
import { createGroupCommit } from '../storage/group-commit.ts';
import { chunkLayout, decideChunk, sameSeal, sealMismatch, type ChunkDecision } from './chunk-rules.ts';
import { parseRange, slicesFor, type ByteRange } from './media-range.ts';
import { sliceStream } from './recording-media.ts';
import type { ChunkTotals, RecordingRecord, RecordingStore } from './recording-store.ts';

export interface RecordingServiceDeps {
  db: Db;
  store: RecordingStore;
  blobs: BlobStore;
  ledger: LedgerStore;
  cases: CaseService;
  hub: EventHub;
}

export interface ReceivedChunk {
  /** A temp file inside the blob store's temp folder; the service takes ownership of it. */
  tempFile: string;
  sha256: string;
  size: number;
  /** The receiver fsynced the bytes already. */
  synced?: boolean;
}

export interface RecordingMedia {
  mimeType: string;
  filename: string;
  /** Bytes of the whole playable recording. */
  total: number;
  /** The range sent, or null for the whole body; 'unsatisfiable' for a 416. */
  range: ByteRange | 'unsatisfiable' | null;
  open(): Readable;
}

const REFUSAL: Record<Exclude<ChunkDecision, 'store' | 'duplicate'>, (n: number) => HttpError> = {
  conflict: (n) => new HttpError(409, 'chunk_conflict', text('recording.chunkConflict', { n })),
  sealed: (n) => new HttpError(409, 'recording_sealed', text('recording.sealedChunk', { n })),
};

export type RecordingService = ReturnType<typeof createRecordingService>;

export function createRecordingService(deps: RecordingServiceDeps) {
  const { db, store, blobs, ledger, hub } = deps;
  const commitChunk = createGroupCommit(db);

  /** The summary of one recording; without totals, they are read now. */
  const summaryOf = async (r: RecordingRecord, totals?: ChunkTotals): Promise<RecordingSummary> => summaryWith(r, totals ?? await store.totals(r.id));

  const summaryWith = (r: RecordingRecord, totals: ChunkTotals): RecordingSummary => {
    return {
      id: r.id,
      caseId: r.caseId,
      mimeType: r.mimeType,
      startedAt: r.startedAt,
      createdAt: r.createdAt,
      chunkMs: r.chunkMs,
      chunkCount: totals.count,
      bytes: totals.bytes,
      playableBytes: totals.playableBytes,
      sealed: r.sealedAt !== null,
      sealedAt: r.sealedAt,
      durationMs: r.durationMs,
      mediaUrl: `/api/cases/${r.caseId}/recordings/${r.id}/media`,
    };
  };

  const viewOf = async (r: RecordingRecord): Promise<RecordingView> => {
    const chunks = await store.chunks(r.id);
    const layout = chunkLayout(chunks);
    const totals = { count: chunks.length, bytes: layout.bytes, playableBytes: layout.playableBytes };
    return { ...summaryWith(r, totals), chunks, missing: layout.missing };
  };

  /** The recording, if the user may reach its case; 404 when it is not in that case. */
  const reach = async (user: User, caseId: string, recordingId: string) => {
    const caseRecord = await deps.cases.authorize({ kind: 'user', user }, caseId);
    const recording = await store.byId(caseId, recordingId);
    if (!recording) throw notFound('recording');
    return { caseRecord, recording };
  };

  const summaries = async (caseId: string): Promise<RecordingSummary[]> => Promise.all((await store.list(caseId)).map((r) => summaryOf(r)));

  const publish = async (assessorId: string | null, recording: RecordingRecord): Promise<void> => {
    hub.publish(assessorId, { type: 'recording', recording: await summaryOf(recording) });
  };

  return {
    /** Summaries of a case's recordings, for case detail; the caller has authorized the case. */
    summaries,

    async list(user: User, caseId: string): Promise<RecordingSummary[]> {
      await deps.cases.authorize({ kind: 'user', user }, caseId);
      return summaries(caseId);
    },

    view: async (user: User, caseId: string, recordingId: string): Promise<RecordingView> => viewOf((await reach(user, caseId, recordingId)).recording),

    /**
     * Starts a recording; `created` is false when the uploadId was seen before. An upload id names one
     * start: whatever is sent again under it is answered with the recording it started.
     */
    async create(user: User, caseId: string, body: CreateRecordingBody): Promise<{ recording: RecordingView; created: boolean }> {
      const caseRecord = await deps.cases.authorize({ kind: 'user', user }, caseId);
      const actor = actorOf({ kind: 'user', user });
      const result = await writeOnce(db, {
        caseId,
        find: async () => (body.uploadId ? store.byUploadId(caseId, body.uploadId) : null),
        same: () => true,
        conflict: (earlier) => new Error(`recording upload ${earlier.uploadId} is stored already`),
        write: async () => {
          const id = newId('rec');
          const startedAt = new Date(body.startedAt).toISOString();
          const chunkMs = body.chunkMs ?? null;
          const entry = await ledger.append({
            caseId, actor, type: 'recording.started', payload: { recordingId: id, mimeType: body.mimeType, startedAt, chunkMs },
          });
          const record: RecordingRecord = {
            id, caseId, mimeType: body.mimeType, startedAt, createdAt: entry.at, chunkMs, uploadId: body.uploadId ?? null,
            actorId: actor.id, ledgerSeq: entry.seq, sealedAt: null, chunkCount: null, durationMs: null, sealSeq: null,
          };
          await store.insert(record);
          return record;
        },
      });
      if (result.created) await publish(caseRecord.assessorId, result.record);
      return { recording: await viewOf(result.record), created: result.created };
    },

    /**
     * Refuses a chunk before its body is read when the answer is already known from its number and
     * claimed hash (a conflict, or a sealed recording). The decision is taken again after the read.
     */
    async precheckChunk(user: User, caseId: string, recordingId: string, n: number, sha256: string): Promise<void> {
      const { recording } = await reach(user, caseId, recordingId);
      const decision = decideChunk(await store.chunk(recordingId, n), sha256, recording.sealedAt !== null);
      if (decision === 'conflict' || decision === 'sealed') throw REFUSAL[decision](n);
    },

    /** Stores chunk n from a received temp file whose bytes should hash to `claimedSha256`. */
    async ingestChunk(user: User, caseId: string, recordingId: string, n: number, claimedSha256: string, file: ReceivedChunk): Promise<ChunkReceipt> {
      let adopted = false;
      try {
        const { caseRecord, recording: before } = await reach(user, caseId, recordingId);
        if (file.sha256 !== claimedSha256) {
          throw new HttpError(422, 'chunk_hash_mismatch', `chunk ${n} hashes to ${file.sha256}, not to the ${claimedSha256} its X-Chunk-Sha256 header gives; nothing was stored`);
        }
        const receipt = { n, sha256: file.sha256, size: file.size };
        const early = decideChunk(await store.chunk(recordingId, n), file.sha256, before.sealedAt !== null);
        if (early === 'duplicate') return { ...receipt, stored: false };
        if (early !== 'store') throw REFUSAL[early](n);

        await blobs.adoptFile(file.tempFile, file.sha256, { synced: file.synced === true });
        adopted = true;
        // Another request (on any instance) for the same number may have committed while this blob was
        // being stored: writeOnce looks again under the case's ledger lock, with the rule of decideChunk.
        const outcome = await commitChunk(() => writeOnce(db, {
          caseId,
          find: () => store.chunk(recordingId, n),
          same: (held) => held.sha256 === file.sha256,
          conflict: () => REFUSAL.conflict(n),
          write: async () => {
            if (((await store.byId(caseId, recordingId))?.sealedAt ?? null) !== null) throw REFUSAL.sealed(n);
            const entry = await ledger.append({
              caseId, actor: actorOf({ kind: 'user', user }), type: 'recording.chunk', payload: { recordingId, ...receipt }, blobs: [file.sha256],
            });
            await store.insertChunk({ recordingId, ...receipt, receivedAt: entry.at, ledgerSeq: entry.seq });
            return receipt;
          },
        }));
        if (!outcome.created) return { ...receipt, stored: false };
        const recording = await store.byId(caseId, recordingId);
        if (recording) await publish(caseRecord.assessorId, recording);
        return { ...receipt, stored: true };
      } finally {
        // An adopted temp file was renamed into the store (or removed there as a duplicate).
        if (!adopted) await fsp.rm(file.tempFile, { force: true });
      }
    },

    /** Seals the recording when exactly chunks 0 … chunkCount − 1 are held with the listed hashes. */
    async seal(user: User, caseId: string, recordingId: string, body: SealRecordingBody): Promise<RecordingView> {
      const { caseRecord } = await reach(user, caseId, recordingId);
      const result = await db.transaction(async () => {
        // Chunks and the seal of one recording take turns under the case's ledger lock.
        await db.lockInTransaction(`ledger:${caseId}`);
        const recording = await store.byId(caseId, recordingId);
        if (!recording) throw notFound('recording');
        const held = await store.chunks(recordingId);
        if (recording.sealedAt !== null) {
          const seal = { chunkCount: recording.chunkCount ?? -1, durationMs: recording.durationMs ?? -1 };
          if (sameSeal(held, seal, body)) return { recording, sealedNow: false };
          throw new HttpError(409, 'recording_sealed', text('recording.sealedOther', { chunks: seal.chunkCount, ms: seal.durationMs }));
        }
        const problems = sealMismatch(held, body);
        if (problems.length > 0) {
          throw new HttpError(409, 'recording_incomplete', `the recording cannot be sealed with ${body.chunkCount} chunks: ${problems.join('; ')}`);
        }
        const chunks = body.chunks.map((chunk) => chunk.sha256);
        const { bytes } = chunkLayout(held);
        const entry = await ledger.append({
          caseId,
          actor: actorOf({ kind: 'user', user }),
          type: 'recording.sealed',
          payload: { recordingId, mimeType: recording.mimeType, chunkCount: body.chunkCount, durationMs: body.durationMs, bytes, chunks },
          blobs: chunks,
        });
        const seal = { sealedAt: entry.at, chunkCount: body.chunkCount, durationMs: body.durationMs, sealSeq: entry.seq };
        await store.seal(recordingId, seal);
        return { recording: { ...recording, ...seal }, sealedNow: true };
      });
      if (result.sealedNow) await publish(caseRecord.assessorId, result.recording);
      return viewOf(result.recording);
    },

    /**
     * The recording as one file (its chunks back to back, contiguous from chunk 0), or a byte range of
     * it; 410 once retention purged its chunks (a tombstone after its start lists them).
     */
    async media(user: User, caseId: string, recordingId: string, rangeHeader: string | undefined): Promise<RecordingMedia> {
      const { recording } = await reach(user, caseId, recordingId);
      const [chunks, purges] = await Promise.all([store.chunks(recordingId), ledger.listOfType(caseId, RETENTION_PURGED)]);
      const coverage = purgeCoverage(purges);
      const purged = chunks.filter((chunk) => coverage.covers(recording.ledgerSeq, chunk.sha256)).length;
      if (purged > 0) {
        throw new HttpError(410, 'recording_purged', text('recording.purged', { id: recordingId, purged, total: chunks.length }));
      }
      const { playable, playableBytes: total } = chunkLayout(chunks);
      const range = parseRange(rangeHeader, total);
      const window = range === null ? { start: 0, end: total - 1 } : range;
      return {
        mimeType: recording.mimeType,
        filename: `${recording.id}.${recording.mimeType.startsWith('video/mp4') ? 'mp4' : 'webm'}`,
        total,
        range,
        open: () => sliceStream(blobs, window === 'unsatisfiable' ? [] : slicesFor(playable, window)),
      };
    },
  };
}
