// Frames a second of an emulated XR session (iwer's, installed by the journeys' support scripts as a
// window global), counted by the session's own frame loop over a window.
import type { Page } from 'playwright-core';

export function xrFps(page: Page, device: '__xrDevice' | '__xrHeadset', windowMs: number): Promise<number> {
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
      return (frames * 1000) / (performance.now() - started);
    },
    { device, windowMs },
  );
}
