import { describe, expect, it } from 'vitest';
import { parsePeerMessage } from '../../../../protocol/messages.ts';
import { agentPose, customerPose, POSE_HEARTBEAT_MS, POSE_MIN_INTERVAL_MS, PoseGate } from './tour-sync.ts';

const pose = (yaw: number, extra: Partial<{ viewpoint: string; card: string | null; zoom: number }> = {}) => {
  const zoom = extra.zoom ?? 1;
  return customerPose({ view: { viewpoint: extra.viewpoint ?? 'door', yaw, pitch: 0 }, fov: 60 / zoom, zoom, shown: '3d', card: extra.card ?? null, seat: null });
};

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

  it('gates a pinch like a turn: zooming is sent at most every 100 ms, not every frame', () => {
    const gate = new PoseGate();
    gate.offer(pose(10), 0);
    expect(gate.offer(pose(10, { zoom: 1.2 }), 10)).toBe(false);
    expect(gate.offer(pose(10, { zoom: 1.4 }), POSE_MIN_INTERVAL_MS)).toBe(true);
  });

  it('counts a turn across ±180° as the small turn it is', () => {
    const gate = new PoseGate();
    gate.offer(pose(179.9), 0);
    expect(gate.offer(pose(-179.9), 100)).toBe(false);
  });
});

describe('pose messages', () => {
  it('are valid peer messages, rounded to a tenth of a degree', () => {
    const message = customerPose({ view: { viewpoint: 'seat-23a', yaw: 370.04, pitch: -12.345 }, fov: 200, zoom: 1.2345, shown: 'vr', card: null, seat: '23A' });
    expect(message).toMatchObject({ yaw: 10, pitch: -12.3, fov: 150, zoom: 1.23, view: 'vr', seat: '23A' });
    expect(customerPose({ view: { viewpoint: 'door', yaw: 0, pitch: 0 }, fov: 20, zoom: 7, shown: '3d', card: null, seat: null }).zoom).toBe(3);
    expect(parsePeerMessage(JSON.stringify(message))).toEqual(message);
    const agent = agentPose({ viewpoint: 'window', yaw: -90.06, pitch: 5 });
    expect(parsePeerMessage(JSON.stringify(agent))).toEqual(agent);
  });
});
