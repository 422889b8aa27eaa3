// Liveness and readiness without login: /api/health while the process serves, /api/ready while the
// database and blob store answer (up/down and milliseconds, nothing more).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_SHUTDOWN_NOTICE_S: '1', SIGHTLINE_SHUTDOWN_GRACE_S: '1' });
});
afterAll(async () => {
  await h?.close();
});

describe('health and readiness', () => {
  it('answers liveness with 200 and no login', async () => {
    const res = await fetch(`${h.base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers readiness with each dependency up and its latency, and nothing else', async () => {
    const res = await fetch(`${h.base}/api/ready`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({
      ok: true,
      draining: false,
      checks: { database: { up: true, ms: expect.any(Number) }, blobs: { up: true, ms: expect.any(Number) } },
    });
  });

  it('answers not ready as soon as the instance starts draining, while it still takes connections', async () => {
    const draining = h.server.drain();
    const res = await fetch(`${h.base}/api/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, draining: true, checks: { database: { up: true } } });
    await draining;
  });
});
