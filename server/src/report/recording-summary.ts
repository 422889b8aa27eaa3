// What the report says about call recordings, from the ledger alone: each recording with its length,
// chunks and bytes (for the evidence summary), and the session timeline with each run of
// `recording.chunk` entries (one every few seconds) folded into one row.
import type { LedgerEntry } from '../../../protocol/http.ts';
import { knownLedgerEntry, type RecordingChunkPayload } from '../../../protocol/ledger.ts';
import type { ReportRecording, ReportTimelineRow } from './report-data.ts';
import { reportWords, type ReportWords } from './format.ts';

/** A chunk entry's payload; null for any other entry, or one whose payload does not fit. */
const chunkOf = (entry: LedgerEntry): RecordingChunkPayload | null => {
  const known = knownLedgerEntry(entry);
  return known?.type === 'recording.chunk' ? known.payload : null;
};

/** Every recording the ledger started, in order, with what its chunk and seal entries say. */
export function reportRecordings(entries: readonly LedgerEntry[]): ReportRecording[] {
  const byId = new Map<string, ReportRecording>();
  for (const entry of entries) {
    const known = knownLedgerEntry(entry);
    if (known?.type === 'recording.started') {
      const id = known.payload.recordingId;
      if (!byId.has(id)) byId.set(id, { number: byId.size + 1, startedAt: entry.at, sealedAt: null, chunks: 0, bytes: 0, durationMs: null });
    } else if (known?.type === 'recording.chunk') {
      const recording = byId.get(known.payload.recordingId);
      if (!recording) continue;
      recording.chunks += 1;
      recording.bytes += known.payload.size;
    } else if (known?.type === 'recording.sealed') {
      const recording = byId.get(known.payload.recordingId);
      if (!recording) continue;
      recording.sealedAt = entry.at;
      recording.durationMs = known.payload.durationMs;
      recording.chunks = known.payload.chunkCount;
      recording.bytes = known.payload.bytes;
    }
  }
  return [...byId.values()];
}

/** `call recording, 3 min 12 s (57 chunks, 14.3 MB)`, `call recording, not finished (12 chunks so far, 2.1 MB)`. */
export function describeRecording(recording: ReportRecording, words: ReportWords = reportWords()): string {
  const chunks = words.say('recording.chunks', { count: recording.chunks });
  const bytes = words.bytes(recording.bytes);
  if (recording.sealedAt === null) return words.say('recording.notFinished', { chunks, bytes });
  const length = recording.durationMs !== null ? words.span(recording.durationMs) : words.say('recording.lengthNotGiven');
  return words.say('recording.sealed', { length, chunks, bytes });
}

/**
 * The timeline with each run of two or more consecutive `recording.chunk` entries as one row:
 * "Recording chunks 1–57 received (57 chunks, 14.3 MB)", spanning the run's first to last seq and time.
 */
export function foldChunkRuns(entries: readonly LedgerEntry[], rows: readonly ReportTimelineRow[], words: ReportWords = reportWords()): ReportTimelineRow[] {
  const folded: ReportTimelineRow[] = [];
  for (let i = 0; i < entries.length; i++) {
    let end = i;
    while (entries[i]!.type === 'recording.chunk' && entries[end + 1]?.type === 'recording.chunk') end += 1;
    if (end === i) {
      folded.push(rows[i]!);
      continue;
    }
    const run = entries.slice(i, end + 1).map(chunkOf);
    const numbers = run.flatMap((p) => (p ? [p.n] : []));
    const bytes = run.reduce((sum, p) => sum + (p?.size ?? 0), 0);
    const values = { chunks: words.say('recording.chunks', { count: run.length }), bytes: words.bytes(bytes) };
    folded.push({
      ...rows[i]!,
      lastSeq: entries[end]!.seq,
      lastAt: entries[end]!.at,
      description: numbers.length === run.length
        ? words.say('recording.run', { ...values, first: Math.min(...numbers), last: Math.max(...numbers) })
        : words.say('recording.runUnnumbered', values),
    });
    i = end;
  }
  return folded;
}
