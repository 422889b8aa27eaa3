// The report's account of call recordings, from the ledger alone: the evidence summary line, and
// the timeline folding a run of chunk entries into one row without hiding what sits between runs.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { LedgerKind, LedgerPayload } from '../../../protocol/ledger.ts';
import { PAYLOADS } from '../ledger/payloads.ts';
import { describeRecording, foldChunkRuns, reportRecordings } from '../../src/report/recording-summary.ts';

let seq = 0;
const entry = <K extends LedgerKind>(type: K, payload: LedgerPayload<K>, second = seq): LedgerEntry => ({
  caseId: 'c', seq: ++seq, at: new Date(Date.UTC(2026, 11, 4, 10, 0, second)).toISOString(), actor: { type: 'assessor', id: 'u' },
  type, payload, blobs: [], prevHash: '0'.repeat(64), hash: `h${seq}`, signature: 's',
});
const sha = 'e'.repeat(64);
const started = (recordingId: string) => entry('recording.started', { ...PAYLOADS['recording.started'], recordingId });
const chunk = (n: number) => entry('recording.chunk', { recordingId: 'rec_1', n, sha256: sha, size: 1_048_576 }, n * 3);

describe('recordings in the report', () => {
  seq = 0;
  const entries = [
    entry('case.created', PAYLOADS['case.created']),
    started('rec_1'),
    chunk(1), chunk(2), chunk(3),
    entry('chat.line', PAYLOADS['chat.line']),
    chunk(4),
    chunk(5), chunk(6),
    entry('recording.sealed', { recordingId: 'rec_1', mimeType: 'video/webm', chunkCount: 6, durationMs: 18_400, bytes: 6_291_456, chunks: Array(6).fill(sha) }),
    started('rec_2'),
    entry('recording.chunk', { recordingId: 'rec_2', n: 1, sha256: sha, size: 2048 }),
  ];
  const rows = entries.map((e) => ({ seq: e.seq, at: e.at, actor: 'A', description: e.type }));

  it('gives each recording its length, chunks and bytes, sealed or not', () => {
    const recordings = reportRecordings(entries);
    expect(recordings.map((recording) => describeRecording(recording))).toEqual([
      'call recording, 18.4 s (6 chunks, 6.0 MB)',
      'call recording, not finished (1 chunk so far, 2.0 KB)',
    ]);
  });

  it('folds each run of chunk entries into one row and leaves a single chunk and everything else alone', () => {
    const folded = foldChunkRuns(entries, rows);
    expect(folded.map((r) => [r.seq, r.lastSeq ?? null, r.description])).toEqual([
      [1, null, 'case.created'],
      [2, null, 'recording.started'],
      [3, 5, 'Recording chunks 1–3 received (3 chunks, 3.0 MB)'],
      [6, null, 'chat.line'],
      [7, 9, 'Recording chunks 4–6 received (3 chunks, 3.0 MB)'],
      [10, null, 'recording.sealed'],
      [11, null, 'recording.started'],
      [12, null, 'recording.chunk'],
    ]);
    expect(folded[2]!.lastAt).toBe(entries[4]!.at);
  });

  it('takes no payload on trust: a chunk entry that does not fit its kind counts as nothing, not as a crash', () => {
    seq = 0;
    const raw = (payload: Record<string, unknown>): LedgerEntry => ({ ...entry('recording.chunk', { recordingId: 'r', n: 0, sha256: sha, size: 1 }), payload });
    const odd = [
      { ...started('r') },
      raw({ recordingId: 'r', n: 'one', sha256: sha, size: -5 }),
      raw({ recordingId: 'r' }),
      raw({ recordingId: 7 }),
    ];
    expect(reportRecordings(odd)).toMatchObject([{ chunks: 0, bytes: 0, sealedAt: null }]);
    const folded = foldChunkRuns(odd, odd.map((e) => ({ seq: e.seq, at: e.at, actor: 'A', description: e.type })));
    expect(folded.map((r) => r.description)).toEqual(['recording.started', 'Recording chunks received (3 chunks, 0 B)']);
  });
});
