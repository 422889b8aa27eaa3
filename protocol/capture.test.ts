import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, checkCapture, distanceMetres, type CaptureFacts } from './capture.ts';
import { captureWords, distanceWords, durationWords, exifWords } from './capture-words.ts';

const LEITH = { latitude: 55.9756, longitude: -3.1711 };
const at = '2026-12-05T10:00:00.000Z';
const facts = (over: Partial<CaptureFacts> = {}): CaptureFacts => ({
  source: 'device-still', deviceTime: at, receivedAt: at, location: LEITH, address: LEITH, maxDistanceM: 1000, ...over,
});

describe('distanceMetres', () => {
  it('is zero at the same place and symmetric', () => {
    expect(distanceMetres(LEITH, LEITH)).toBe(0);
    const glasgow = { latitude: 55.8642, longitude: -4.2518 };
    expect(distanceMetres(LEITH, glasgow)).toBeCloseTo(distanceMetres(glasgow, LEITH), 6);
  });

  it('matches known distances within 0.5 %', () => {
    // One degree of latitude is 111.2 km on the sphere; London–Paris is 343.5 km (WGS-84 geodesic 343.9 km).
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111_195, -1);
    const london = { latitude: 51.5074, longitude: -0.1278 };
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    expect(Math.abs(distanceMetres(london, paris) - 343_900) / 343_900).toBeLessThan(0.005);
    // Across the antimeridian and to the antipode.
    expect(distanceMetres({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
  });
});

describe('checkCapture', () => {
  it('raises nothing for a live capture on time at the address', () => {
    expect(checkCapture(facts())).toEqual({ clockSkewMs: 0, distanceM: 0, maxDistanceM: 1000, flags: [] });
  });

  it('flags a clock more than 5 minutes off either way, and not at exactly 5', () => {
    const off = (ms: number) => checkCapture(facts({ deviceTime: new Date(Date.parse(at) - ms).toISOString() }));
    expect(off(10 * 60_000)).toMatchObject({ clockSkewMs: 600_000, flags: ['clock-off'] });
    expect(off(-10 * 60_000)).toMatchObject({ clockSkewMs: -600_000, flags: ['clock-off'] });
    expect(off(CLOCK_TOLERANCE_MS).flags).toEqual([]);
    expect(off(CLOCK_TOLERANCE_MS + 1).flags).toEqual(['clock-off']);
  });

  it('flags a position farther than the limit, and only with an address, a position and a limit', () => {
    const far = { latitude: 56.4256, longitude: -3.1711 };
    const check = checkCapture(facts({ location: far }));
    expect(check.flags).toEqual(['far-from-address']);
    expect(check.distanceM).toBe(50_038);
    expect(checkCapture(facts({ location: far, address: null }))).toMatchObject({ distanceM: null, flags: [] });
    expect(checkCapture(facts({ location: null }))).toMatchObject({ distanceM: null, flags: [] });
    expect(checkCapture(facts({ location: far, maxDistanceM: null }))).toMatchObject({ distanceM: 50_038, flags: [] });
    expect(checkCapture(facts({ location: far, maxDistanceM: 60_000 })).flags).toEqual([]);
  });

  it('marks a gallery upload not live; no device time means no clock check', () => {
    expect(checkCapture(facts({ source: 'gallery', deviceTime: null }))).toEqual({ clockSkewMs: null, distanceM: 0, maxDistanceM: 1000, flags: ['not-live'] });
    expect(checkCapture(facts({ deviceTime: 'not a time' })).clockSkewMs).toBeNull();
  });

  it('raises every flag that applies, in a fixed order', () => {
    const check = checkCapture(facts({ source: 'gallery', deviceTime: '2026-12-05T09:00:00.000Z', location: { latitude: 56.4256, longitude: -3.1711 } }));
    expect(check.flags).toEqual(['clock-off', 'far-from-address', 'not-live']);
    expect(captureWords(check)).toEqual(['Clock 60 min off', '50 km from the case address', 'Gallery upload — not live']);
    // A gallery file's time is the file's, not the phone's clock.
    expect(captureWords(check, 'gallery')[0]).toBe('File time 60 min from the upload');
  });
});

describe('capture words', () => {
  it('says durations and distances as a person would', () => {
    expect(durationWords(600_000)).toBe('10 min');
    expect(durationWords(-600_000)).toBe('10 min');
    expect(durationWords(3 * 3_600_000)).toBe('3 h');
    expect(durationWords(3 * 86_400_000)).toBe('3 days');
    expect(distanceWords(850.4)).toBe('850 m');
    expect(distanceWords(4_230)).toBe('4.2 km');
    expect(distanceWords(52_310)).toBe('52 km');
  });

  it('writes EXIF facts as the camera gave them', () => {
    expect(exifWords({ time: '2026-12-03T14:02:05', latitude: 55.9756, longitude: -3.1711 })).toBe('EXIF: 3 Dec 2026 14:02, 55.98, −3.17');
    expect(exifWords({ time: '2026-12-03T14:02:05+01:00', latitude: null, longitude: null })).toBe('EXIF: 3 Dec 2026 14:02 (UTC+01:00)');
    expect(exifWords({ time: null, latitude: -33.8688, longitude: 151.2093 })).toBe('EXIF: −33.87, 151.21');
    expect(exifWords({ time: null, latitude: null, longitude: null })).toBeNull();
    expect(exifWords(null)).toBeNull();
  });
});
