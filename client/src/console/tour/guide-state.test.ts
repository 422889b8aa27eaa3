// The console's guided-tour state: poses kept, the lead handed over from either side with a notice.
import { describe, expect, it } from 'vitest';
import type { TourPoseMessage } from '../../xr/tour/tour-sync.ts';
import { CUSTOMER_ASKS_LEAD, CUSTOMER_ROAMS, INITIAL_GUIDE, poseIsStale, reduceGuide } from './guide-state.ts';

const pose: TourPoseMessage = { v: 1, type: 'tour-pose', viewpoint: 'seat-23a', yaw: 40, pitch: 0, fov: 60, view: '3d', card: null, seat: '23A' };

describe('reduceGuide', () => {
  it('keeps the customer’s last pose and when it came', () => {
    const state = reduceGuide(INITIAL_GUIDE, { type: 'received', message: pose, at: 1000 });
    expect(state.pose).toEqual(pose);
    expect(state.poseAt).toBe(1000);
    expect(poseIsStale(state, 5000)).toBe(false);
    expect(poseIsStale(state, 8000)).toBe(true);
    expect(poseIsStale(INITIAL_GUIDE, 1e9)).toBe(false);
  });

  it('says so when the customer takes the lead back, and clears it when the agent acts', () => {
    const leading = reduceGuide(INITIAL_GUIDE, { type: 'lead', leader: 'agent' });
    expect(leading.leader).toBe('agent');
    const roaming = reduceGuide(leading, { type: 'received', message: { v: 1, type: 'tour-lead', leader: 'customer' }, at: 0 });
    expect(roaming).toMatchObject({ leader: 'customer', notice: CUSTOMER_ROAMS });
    expect(reduceGuide(roaming, { type: 'lead', leader: 'agent' }).notice).toBeNull();
    expect(reduceGuide(roaming, { type: 'dismiss' }).notice).toBeNull();
  });

  it('takes the lead when the customer hands it over, and ignores a lead that changes nothing', () => {
    const asked = reduceGuide(INITIAL_GUIDE, { type: 'received', message: { v: 1, type: 'tour-lead', leader: 'agent' }, at: 0 });
    expect(asked).toMatchObject({ leader: 'agent', notice: CUSTOMER_ASKS_LEAD });
    expect(reduceGuide(INITIAL_GUIDE, { type: 'received', message: { v: 1, type: 'tour-lead', leader: 'customer' }, at: 0 })).toBe(INITIAL_GUIDE);
  });

  it('keeps the pointer placed and ignores the console’s own kinds of message', () => {
    const pointed = reduceGuide(INITIAL_GUIDE, { type: 'pointer', target: [1, 1.2, -2] });
    expect(pointed.pointer).toEqual([1, 1.2, -2]);
    expect(reduceGuide(pointed, { type: 'received', message: { v: 1, type: 'tour-pointer', target: null }, at: 0 })).toBe(pointed);
  });
});
