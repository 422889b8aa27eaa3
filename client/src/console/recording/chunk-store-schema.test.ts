import { describe, expect, it } from 'vitest';
import { chunkFromV1, recordingFromV1 } from './chunk-store-schema.ts';

const hash = (c: string) => c.repeat(64);

describe('the version-1 rows, keyed by the server id', () => {
  it('a recording row keeps its server id, takes it as its local id, and needs no create body', () => {
    const v1 = { recordingId: 'rec_1', caseId: 'case_1', startedAt: '2025-01-01T10:00:00.000Z', chunkCount: 2, durationMs: 6000, stopped: false, hashes: [hash('a'), hash('b')] };
    expect(recordingFromV1(v1)).toEqual({ localId: 'rec_1', recordingId: 'rec_1', create: null, caseId: 'case_1', startedAt: v1.startedAt, chunkCount: 2, durationMs: 6000, stopped: false, hashes: v1.hashes });
  });

  it('a chunk is keyed by the same local id and keeps its bytes', () => {
    const blob = new Blob([new Uint8Array([1, 2, 3])]);
    expect(chunkFromV1({ recordingId: 'rec_1', n: 1, sha256: hash('b'), size: 3, blob })).toEqual({ localId: 'rec_1', n: 1, sha256: hash('b'), size: 3, blob });
  });

  it('a value no version-1 console wrote is not carried over', () => {
    expect(recordingFromV1({ caseId: 'case_1' })).toBeNull();
    expect(recordingFromV1(null)).toBeNull();
    expect(chunkFromV1({ recordingId: 'rec_1', n: 0, sha256: hash('a'), size: 3, blob: 'not a blob' })).toBeNull();
  });
});
