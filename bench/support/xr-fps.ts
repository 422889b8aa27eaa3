// Frames a second of an emulated XR session (iwer's, installed by the journeys' support scripts as a
// window global), counted by the session's own frame loop over a window; and, for one window, the
// page's own main-thread time (Chromium's Performance metrics), to tell what the page itself spends
// from what other processes on the same cores take from it.
import type { CDPSession, Page } from 'playwright-core';

type Device = '__xrDevice' | '__xrHeadset';

/** XR frames counted over about `windowMs`, and the milliseconds they took. */
export function xrFrames(page: Page, device: Device, windowMs: number): Promise<{ frames: number; ms: number }> {
  return page.evaluate(
    async ({ device, windowMs }) => {
      const session = (window as unknown as Record<string, { activeSession: unknown }>)[device]!.activeSession as XRSession;
      let frames = 0;
      const count = (): void => {
        frames++;
        session.requestAnimationFrame(count);
      };
      session.requestAnimationFrame(count);
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      return { frames, ms: performance.now() - started };
    },
    { device, windowMs },
  );
}

export async function xrFps(page: Page, device: Device, windowMs: number): Promise<number> {
  const { frames, ms } = await xrFrames(page, device, windowMs);
  return (frames * 1000) / ms;
}

export interface XrWindow {
  frames: number;
  ms: number;
  /** The page's main thread: all its tasks, and the JavaScript among them (ms over the window). */
  taskMs: number;
  scriptMs: number;
}

/** Counts XR frames over a window and reads the page's main-thread time over the same window. */
export async function xrWindow(page: Page, cdp: CDPSession, device: Device, windowMs: number): Promise<XrWindow> {
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { task: value('TaskDuration'), script: value('ScriptDuration') };
  };
  const before = await read();
  const { frames, ms } = await xrFrames(page, device, windowMs);
  const after = await read();
  return { frames, ms, taskMs: after.task - before.task, scriptMs: after.script - before.script };
}
