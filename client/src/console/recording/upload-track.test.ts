import { describe, expect, it } from 'vitest';
import { newTrack, progressOf } from './upload-track.ts';

const hash = (c: string) => c.repeat(64);

describe('progressOf', () => {
  const create = { mimeType: 'video/webm', startedAt: '2025-01-01T10:00:00.000Z', chunkMs: 3000, uploadId: 'local-0001' };
  const meta = { localId: 'local-0001', recordingId: null, create, caseId: 'case_1', startedAt: create.startedAt, chunkCount: 2, durationMs: 6000, stopped: false, hashes: [hash('a'), hash('b')] };

  it('a recording the server has not created yet shows its local id and the chunks kept here', () => {
    const track = newTrack(meta, () => undefined);
    track.pending.set(0, 100).set(1, 150);
    track.failing = true;
    track.error = 'test outage';
    expect(progressOf(track)).toMatchObject({ localId: 'local-0001', recordingId: null, recorded: 2, acknowledged: 0, pending: 2, pendingBytes: 250, state: 'failing', error: 'test outage' });
  });

  it('once created, it carries the server id beside the same local id', () => {
    const track = newTrack({ ...meta, recordingId: 'rec_9' }, () => undefined);
    track.acked.add(0).add(1);
    expect(progressOf(track)).toMatchObject({ localId: 'local-0001', recordingId: 'rec_9', acknowledged: 2, pending: 0, state: 'uploaded' });
  });
});
