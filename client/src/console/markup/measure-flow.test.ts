import { describe, expect, it } from 'vitest';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import { measure, type Pose, type ScreenPoint, type Vec3 } from '../../../../protocol/spatial.ts';
import { applyResult, expirePick, measureStep, nextIndex, pickPoint, type MeasureDraft } from './measure-flow.ts';

const camera: Pose = { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] };
const A: ScreenPoint = { u: 0.25, v: 0.6 };
const B: ScreenPoint = { u: 0.75, v: 0.6 };
const result = (id: string, index: 0 | 1, screen: ScreenPoint, point: Vec3 | null, error?: string): Extract<PeerMessage, { type: 'measure-point-result' }> => ({
  v: 1,
  type: 'measure-point-result',
  id,
  index,
  screen,
  point,
  cameraPose: point ? camera : null,
  ...(error ? { error } : {}),
});

function twoClicks(): MeasureDraft {
  const first = pickPoint(null, A, () => 'measure-0001');
  expect(first?.message).toEqual({ v: 1, type: 'measure-point', id: 'measure-0001', index: 0, screen: A });
  const second = pickPoint(first!.draft, B, () => 'unused-id');
  expect(second?.message).toEqual({ v: 1, type: 'measure-point', id: 'measure-0001', index: 1, screen: B });
  return second!.draft;
}

describe('measure flow', () => {
  it('says which end comes next: the second only once the first is hit', () => {
    expect(measureStep(null)).toBe('first');
    const first = pickPoint(null, A, () => 'measure-0001')!.draft;
    expect(measureStep(first)).toBe('waiting');
    const hit = applyResult(first, result('measure-0001', 0, A, [0, 0, -2])).draft;
    expect(measureStep(hit)).toBe('second');
    expect(measureStep(pickPoint(hit, B, () => 'x')!.draft)).toBe('waiting');
    expect(measureStep(applyResult(first, result('measure-0001', 0, A, null, 'missed')).draft)).toBe('first');
  });

  it('asks for index 0 then 1 under one id, and is busy until an answer', () => {
    const draft = twoClicks();
    expect(nextIndex(draft)).toBeNull();
    expect(pickPoint(draft, { u: 0.5, v: 0.5 }, () => 'x')).toBeNull();
  });

  it('completes when both ends are hit, in either order, with the shared measure()', () => {
    const a: Vec3 = [0, 0, -2];
    const b: Vec3 = [1.2, 0, -2];
    const afterSecond = applyResult(twoClicks(), result('measure-0001', 1, B, b));
    expect(afterSecond.completed).toBeNull();
    expect(afterSecond.draft?.picks[1]?.status).toBe('hit');
    const done = applyResult(afterSecond.draft, result('measure-0001', 0, A, a));
    expect(done.draft).toBeNull();
    expect(done.completed).toEqual({
      body: { id: 'measure-0001', a, b, screenA: A, screenB: B, cameraPose: camera },
      ...measure(a, b, camera.position),
    });
    expect(done.completed?.distanceM).toBeCloseTo(1.2, 10);
  });

  it('asks again for an end that missed, keeping the other', () => {
    const missed = applyResult(twoClicks(), result('measure-0001', 0, A, null, 'No surface found there.'));
    expect(missed.error).toBe('No surface found there.');
    expect(nextIndex(missed.draft)).toBe(0);
    const retry = pickPoint(missed.draft, { u: 0.3, v: 0.62 }, () => 'unused');
    expect(retry?.message).toMatchObject({ id: 'measure-0001', index: 0, screen: { u: 0.3, v: 0.62 } });
    expect(retry?.draft.picks[1]?.screen).toEqual(B);
  });

  it('ignores answers for another measurement or a point no longer asked for', () => {
    const draft = twoClicks();
    expect(applyResult(draft, result('other-measure', 0, A, [0, 0, 0])).draft).toBe(draft);
    expect(applyResult(draft, result('measure-0001', 0, { u: 0.1, v: 0.1 }, [0, 0, 0])).draft).toBe(draft);
    expect(applyResult(null, result('measure-0001', 0, A, [0, 0, 0]))).toEqual({ draft: null, completed: null, error: null });
    const hit = applyResult(draft, result('measure-0001', 0, A, [0, 0, -1])).draft;
    expect(applyResult(hit, result('measure-0001', 0, A, [5, 5, 5])).draft).toBe(hit);
  });

  it('gives up on an unanswered end so the next click asks again', () => {
    const draft = twoClicks();
    const expired = expirePick(draft, 'measure-0001', 1, B, 'No answer');
    expect(expired?.picks[1]).toMatchObject({ status: 'missed', error: 'No answer' });
    expect(nextIndex(expired)).toBe(1);
    expect(expirePick(expired, 'measure-0001', 1, B, 'again')).toBe(expired);
    expect(expirePick(draft, 'someone-else', 0, A, 'x')).toBe(draft);
    // The deadline of an earlier request for that end does not expire a newer one.
    expect(expirePick(draft, 'measure-0001', 0, { u: 0.9, v: 0.9 }, 'x')).toBe(draft);
  });
});
