import { describe, expect, it } from 'vitest';
import { parsePeerMessage } from '../../../../protocol/messages.ts';
import { agentPose, customerPose, POSE_HEARTBEAT_MS, POSE_MIN_INTERVAL_MS, PoseGate } from './tour-sync.ts';

const pose = (yaw: number, extra: Partial<{ viewpoint: string; card: string | null }> = {}) =>
  customerPose({ view: { viewpoint: extra.viewpoint ?? 'door', yaw, pitch: 0 }, fov: 60, shown: '3d', card: extra.card ?? null, seat: null });

describe('PoseGate', () => {
  it('sends the first pose, then turning at most every 100 ms and only by half a degree or more', () => {
    const gate = new PoseGate();
    expect(gate.offer(pose(10), 0)).toBe(true);
    expect(gate.offer(pose(20), 10)).toBe(false);
    expect(gate.offer(pose(20), POSE_MIN_INTERVAL_MS)).toBe(true);
    expect(gate.offer(pose(20.3), POSE_MIN_INTERVAL_MS * 3)).toBe(false);
    expect(gate.offer(pose(21), POSE_MIN_INTERVAL_MS * 4)).toBe(true);
  });

  it('sends a change of viewpoint or card at once, even within 50 ms', () => {
    const gate = new PoseGate();
    gate.offer(pose(10), 0);
    expect(gate.offer(pose(10, { viewpoint: 'window' }), 1)).toBe(true);
    expect(gate.offer(pose(10, { viewpoint: 'window', card: 'minibar' }), 2)).toBe(true);
  });

  it('repeats an unchanged pose every two seconds, and at once after a reset', () => {
    const gate = new PoseGate();
    gate.offer(pose(10), 0);
    expect(gate.offer(pose(10), POSE_HEARTBEAT_MS - 1)).toBe(false);
    expect(gate.offer(pose(10), POSE_HEARTBEAT_MS)).toBe(true);
    gate.reset();
    expect(gate.offer(pose(10), POSE_HEARTBEAT_MS + 1)).toBe(true);
  });

  it('counts a turn across ±180° as the small turn it is', () => {
    const gate = new PoseGate();
    gate.offer(pose(179.9), 0);
    expect(gate.offer(pose(-179.9), 100)).toBe(false);
  });
});

describe('pose messages', () => {
  it('are valid peer messages, rounded to a tenth of a degree', () => {
    const message = customerPose({ view: { viewpoint: 'seat-23a', yaw: 370.04, pitch: -12.345 }, fov: 200, shown: 'vr', card: null, seat: '23A' });
    expect(message).toMatchObject({ yaw: 10, pitch: -12.3, fov: 150, view: 'vr', seat: '23A' });
    expect(parsePeerMessage(JSON.stringify(message))).toEqual(message);
    const agent = agentPose({ viewpoint: 'window', yaw: -90.06, pitch: 5 });
    expect(parsePeerMessage(JSON.stringify(agent))).toEqual(agent);
  });
});
