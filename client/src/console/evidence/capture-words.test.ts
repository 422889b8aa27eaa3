import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureCheck } from '../../../../protocol/capture.ts';
import { exifWords, flagWords } from '../../../../protocol/capture-words.ts';
import { applyLanguage } from '../../i18n/i18n.ts';
import { exifText, flagText, skewText } from './capture-words.ts';

const check = (clockSkewMs: number, distanceM: number): CaptureCheck => ({ clockSkewMs, distanceM, maxDistanceM: 5000, flags: ['clock-off', 'far-from-address', 'not-live'] });

describe('capture words in the console', () => {
  afterEach(() => applyLanguage('en'));

  it('say in English what the PDF report says', () => {
    for (const [skew, distance] of [[600_000, 850], [-3 * 3_600_000, 4200], [3 * 86_400_000, 52_000]] as const) {
      for (const flag of check(skew, distance).flags) {
        expect(flagText(flag, check(skew, distance))).toBe(flagWords(flag, check(skew, distance)));
        expect(flagText(flag, check(skew, distance), 'gallery')).toBe(flagWords(flag, check(skew, distance), 'gallery'));
      }
    }
    for (const exif of [{ time: '2026-12-03T14:02:00', latitude: 55.98, longitude: -3.17 }, { time: '2026-09-03T08:15:00+01:00', latitude: null, longitude: null }, { time: null, latitude: 1, longitude: 2 }]) {
      expect(exifText(exif)).toBe(exifWords(exif));
    }
    expect(exifText({ time: null, latitude: null, longitude: null })).toBeNull();
    expect(skewText(3 * 60_000)).toBe('device clock 3 min behind');
    expect(skewText(-3 * 3_600_000)).toBe('device clock 3.0 h ahead');
  });

  it('say it in Simplified Chinese', async () => {
    await applyLanguage('zh-CN');
    expect(flagText('clock-off', check(600_000, 0))).toBe('时钟偏差 10 分钟');
    expect(flagText('far-from-address', check(0, 52_000))).toBe('距出险地址 52 公里');
    expect(exifText({ time: '2026-12-03T14:02:00Z', latitude: 55.98, longitude: -3.17 })).toBe('EXIF：2026年12月3日 14:02（UTC）, 55.98, −3.17');
    expect(skewText(3 * 60_000)).toBe('设备时钟慢 3 分钟');
  });
});
