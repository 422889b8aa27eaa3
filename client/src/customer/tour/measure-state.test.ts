import { describe, expect, it } from 'vitest';
import { addMeasurePoint, formatDistance, measuredDistance, measurePrompt, type MeasurePoints } from './measure-state.ts';

describe('measuring in a tour', () => {
  it('takes two points, then starts again with the third', () => {
    let points: MeasurePoints = [];
    expect(measurePrompt(points)).toBe('Tap where to measure from');
    points = addMeasurePoint(points, [0, 1, 0]);
    expect(measurePrompt(points)).toBe('Now tap where to measure to');
    expect(measuredDistance(points)).toBeNull();
    points = addMeasurePoint(points, [3, 5, 0]);
    expect(measuredDistance(points)).toBe(5);
    expect(measurePrompt(points)).toBe('5.00 m between the two points');
    points = addMeasurePoint(points, [1, 1, 1]);
    expect(points).toEqual([[1, 1, 1]]);
  });

  it('says centimetres under a metre, metres to the centimetre above', () => {
    expect(formatDistance(0.847)).toBe('85 cm');
    expect(formatDistance(1.2345)).toBe('1.23 m');
  });
});
