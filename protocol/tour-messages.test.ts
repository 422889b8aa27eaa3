// Scene-state sync of preview tours on the data channel: what parses, and what is dropped.
import { describe, expect, it } from 'vitest';
import { parsePeerMessage } from './messages.ts';

describe('tour messages', () => {
  it('parses the customer\'s pose and the agent\'s lead, goto, pointer, card and offer', () => {
    const messages = [
      { v: 1, type: 'tour-pose', viewpoint: 'seat-23a', yaw: -12.5, pitch: 4, fov: 70, view: '3d', card: null, seat: '23A' },
      { v: 1, type: 'tour-lead', leader: 'agent' },
      { v: 1, type: 'tour-agent-pose', viewpoint: 'window', yaw: 180, pitch: 0 },
      { v: 1, type: 'tour-goto', viewpoint: 'window' },
      { v: 1, type: 'tour-pointer', target: [1, 0.6, -2] },
      { v: 1, type: 'tour-pointer', target: null },
      { v: 1, type: 'tour-card', hotspot: 'bed' },
      { v: 1, type: 'tour-offer', option: 'economy', seat: '23A', amount: 35, currency: 'EUR' },
    ];
    for (const m of messages) expect(parsePeerMessage(JSON.stringify(m)), m.type).toEqual(m);
  });

  it('drops a pose out of range, an unknown view or leader, a bad seat and a lone surrogate', () => {
    const bad = [
      { v: 1, type: 'tour-pose', viewpoint: 'door', yaw: 0, pitch: 120, fov: 70, view: '3d', card: null, seat: null },
      { v: 1, type: 'tour-pose', viewpoint: 'door', yaw: 0, pitch: 0, fov: 70, view: 'hologram', card: null, seat: null },
      { v: 1, type: 'tour-lead', leader: 'nobody' },
      { v: 1, type: 'tour-offer', option: 'economy', seat: '23Z', amount: 35, currency: 'EUR' },
      { v: 1, type: 'tour-goto', viewpoint: 'Door Two' },
      { v: 1, type: 'tour-card', hotspot: 'bed\ud800' },
    ];
    for (const m of bad) expect(parsePeerMessage(JSON.stringify(m)), JSON.stringify(m)).toBeNull();
  });
});
