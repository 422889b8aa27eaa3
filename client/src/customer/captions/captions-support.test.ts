import { describe, expect, it } from 'vitest';
import { captionTail, decideCaptions, type SpeechFeatures } from './captions-support.ts';

const all: SpeechFeatures = { recognition: true, processLocally: true, onDeviceLanguages: true };

describe('decideCaptions', () => {
  it('is unavailable without speech recognition at all (Firefox, older Safari)', () => {
    expect(decideCaptions({ recognition: false, processLocally: false, onDeviceLanguages: false }, null, true)).toBe('unavailable');
  });

  it('is unavailable when recognition cannot be kept on the device (it would go to a server)', () => {
    expect(decideCaptions({ ...all, processLocally: false }, 'available', true)).toBe('unavailable');
  });

  it('is unavailable when the browser cannot say which languages are on the device', () => {
    expect(decideCaptions({ ...all, onDeviceLanguages: false }, null, true)).toBe('unavailable');
  });

  it('asks available() first, then follows its answer', () => {
    expect(decideCaptions(all, null, true)).toBe('checking');
    expect(decideCaptions(all, 'unavailable', true)).toBe('unavailable');
    expect(decideCaptions(all, 'downloadable', true)).toBe('download');
    expect(decideCaptions(all, 'downloading', true)).toBe('downloading');
    expect(decideCaptions(all, 'available', true)).toBe('ready');
  });

  it('waits for the assessor’s audio before it can caption', () => {
    expect(decideCaptions(all, 'available', false)).toBe('waiting');
    expect(decideCaptions(all, 'downloadable', false)).toBe('download');
  });
});

describe('captionTail', () => {
  it('joins what was said before and now', () => {
    expect(captionTail('Hello.', ' Could you step back? ')).toBe('Hello. Could you step back?');
    expect(captionTail('', '')).toBe('');
  });

  it('keeps the last words, cut at a space', () => {
    const text = captionTail('one two three four five six', 'seven eight', 20);
    expect(text.length).toBeLessThanOrEqual(20);
    expect(text.endsWith('seven eight')).toBe(true);
    expect(text.startsWith(' ')).toBe(false);
    expect('one two three four five six seven eight'.includes(text)).toBe(true);
  });

  it('cuts text with no spaces (Chinese) by characters', () => {
    expect(captionTail('请您后退一点', '再拍一张照片', 8, '')).toBe('一点再拍一张照片');
  });
});
