import { describe, expect, it } from 'vitest';
import { coordinateText, readCoordinate } from './coordinate-text.ts';

describe('readCoordinate', () => {
  it.each([
    ['55.9756, -3.1711', 55.9756, -3.1711],
    ['  55.9756,-3.1711 ', 55.9756, -3.1711],
    ['55.9756 -3.1711', 55.9756, -3.1711],
    ['55.9756; −3.1711', 55.9756, -3.1711],
    ['55.9756° N, 3.1711° W', 55.9756, -3.1711],
    ['33.8688 S 151.2093 E', -33.8688, 151.2093],
    ['-90, 180', -90, 180],
    ['0, 0', 0, 0],
  ])('reads %j', (text, latitude, longitude) => {
    expect(readCoordinate(text)).toEqual({ ok: true, latitude, longitude });
  });

  it.each([
    ['', /Enter the coordinate/],
    ['55.9756', /two decimal numbers/],
    ['Leith, Edinburgh', /two decimal numbers/],
    ['91, 0', /Latitude 91 is outside/],
    ['-3.1711, 255.9', /Longitude 255.9 is outside/],
    ['3.1 W, 55.9 N', /Latitude comes first/],
  ])('refuses %j with a reason', (text, reason) => {
    const reading = readCoordinate(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toMatch(reason);
  });

  it('round-trips the text it writes', () => {
    expect(readCoordinate(coordinateText(55.9756, -3.1711))).toEqual({ ok: true, latitude: 55.9756, longitude: -3.1711 });
  });
});
