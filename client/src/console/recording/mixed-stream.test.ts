import { describe, expect, it } from 'vitest';
import { pickRecordingMimeType } from './mixed-stream.ts';

describe('pickRecordingMimeType', () => {
  it('prefers VP8 with Opus in WebM', () => {
    expect(pickRecordingMimeType(() => true)).toBe('video/webm;codecs=vp8,opus');
  });
  it('falls back to MP4 where WebM is missing (Safari), and to null where nothing records', () => {
    expect(pickRecordingMimeType((t) => t.startsWith('video/mp4'))).toBe('video/mp4;codecs=avc1,mp4a.40.2');
    expect(pickRecordingMimeType(() => false)).toBeNull();
  });
});
