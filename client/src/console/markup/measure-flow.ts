// The assessor's two-click measurement as a pure state machine: each click asks the customer's device
// to hit-test one end; an end that missed is asked again by the next click; when both ends are hit the
// measurement is complete (distance and uncertainty from the shared `measure`).
import type { PeerMessage } from '../../../../protocol/messages.ts';
import { measure, type MeasurementBody, type Pose, type ScreenPoint, type Vec3 } from '../../../../protocol/spatial.ts';

type MeasurePointMessage = Extract<PeerMessage, { type: 'measure-point' }>;
type MeasurePointResult = Extract<PeerMessage, { type: 'measure-point-result' }>;

export interface MeasurePick {
  screen: ScreenPoint;
  status: 'waiting' | 'hit' | 'missed';
  point: Vec3 | null;
  cameraPose: Pose | null;
  error: string | null;
}

export interface MeasureDraft {
  id: string;
  picks: [MeasurePick | null, MeasurePick | null];
}

export interface CompletedMeasurement {
  body: MeasurementBody;
  distanceM: number;
  uncertaintyM: number;
}

const waiting = (screen: ScreenPoint): MeasurePick => ({ screen, status: 'waiting', point: null, cameraPose: null, error: null });

/** The end the next click asks for; null while the second end is still being hit-tested. */
export function nextIndex(draft: MeasureDraft | null): 0 | 1 | null {
  if (!draft) return 0;
  const [first, second] = draft.picks;
  if (!first || first.status === 'missed') return 0;
  if (!second || second.status === 'missed') return 1;
  return null;
}

/** For the tool bar: the next click asks for the first end, the second (the first is hit), or an answer is awaited. */
export function measureStep(draft: MeasureDraft | null): 'first' | 'second' | 'waiting' {
  const index = nextIndex(draft);
  if (index === 0) return 'first';
  return index === 1 && draft?.picks[0]?.status === 'hit' ? 'second' : 'waiting';
}

/** A click: the draft with that end waiting, and the message that asks the device for it; null when busy. */
export function pickPoint(draft: MeasureDraft | null, screen: ScreenPoint, newId: () => string): { draft: MeasureDraft; message: MeasurePointMessage } | null {
  const index = nextIndex(draft);
  if (index === null) return null;
  const current = draft ?? { id: newId(), picks: [null, null] };
  const picks: MeasureDraft['picks'] = index === 0 ? [waiting(screen), current.picks[1]] : [current.picks[0], waiting(screen)];
  return { draft: { id: current.id, picks }, message: { v: 1, type: 'measure-point', id: current.id, index, screen } };
}

/**
 * The device's answer for one end. Answers for another measurement, or for a point no longer asked
 * for, change nothing. When both ends are hit the draft is done (null) and the measurement returned.
 */
export function applyResult(draft: MeasureDraft | null, result: MeasurePointResult): { draft: MeasureDraft | null; completed: CompletedMeasurement | null; error: string | null } {
  const unchanged = { draft, completed: null, error: null };
  const pick = draft?.picks[result.index];
  if (!draft || draft.id !== result.id || !pick || pick.status !== 'waiting') return unchanged;
  if (pick.screen.u !== result.screen.u || pick.screen.v !== result.screen.v) return unchanged;
  const answered: MeasurePick =
    result.point && result.cameraPose
      ? { ...pick, status: 'hit', point: result.point, cameraPose: result.cameraPose, error: null }
      : { ...pick, status: 'missed', error: result.error ?? 'nothing was hit' };
  const picks: MeasureDraft['picks'] = result.index === 0 ? [answered, draft.picks[1]] : [draft.picks[0], answered];
  const next = { id: draft.id, picks };
  if (answered.status === 'missed') return { draft: next, completed: null, error: answered.error };
  return { draft: next.picks.every((p) => p?.status === 'hit') ? null : next, completed: complete(next), error: null };
}

/** Gives up on an end the device never answered (still waiting at that point), so the next click asks for it again. */
export function expirePick(draft: MeasureDraft | null, id: string, index: 0 | 1, screen: ScreenPoint, error: string): MeasureDraft | null {
  const pick = draft?.picks[index];
  if (!draft || draft.id !== id || !pick || pick.status !== 'waiting' || pick.screen.u !== screen.u || pick.screen.v !== screen.v) return draft;
  const missed: MeasurePick = { ...pick, status: 'missed', error };
  return { id, picks: index === 0 ? [missed, draft.picks[1]] : [draft.picks[0], missed] };
}

function complete(draft: MeasureDraft): CompletedMeasurement | null {
  const [first, second] = draft.picks;
  if (!first?.point || !second?.point || !second.cameraPose || first.status !== 'hit' || second.status !== 'hit') return null;
  // The contract keeps the camera pose of the second hit; both ends' range is taken from it.
  const { distanceM, uncertaintyM } = measure(first.point, second.point, second.cameraPose.position);
  return {
    body: { id: draft.id, a: first.point, b: second.point, screenA: first.screen, screenB: second.screen, cameraPose: second.cameraPose },
    distanceM,
    uncertaintyM,
  };
}
