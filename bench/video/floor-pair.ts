// The floor of glass-to-glass latency: two pages of the same browser, each in its own context like the
// customer and the console, joined by a bare RTCPeerConnection pair whose offer and answer are handed
// across directly (no signalling server, no app), with the same canvas source and frame decoder.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPeerContext } from '../../tests/e2e/support/launcher.ts';
import { FRAME_LAYOUT, NAME_HELPER, installCanvasCamera, installFrameDecoder } from './frame-code.ts';

export interface FloorPair {
  sender: Page;
  receiver: Page;
  close(): Promise<void>;
}

declare global {
  interface Window {
    benchFloorPc?: RTCPeerConnection;
    benchGathered?: (pc: RTCPeerConnection) => Promise<void>;
  }
}

/**
 * Init script: a wait for the candidates worth sending. Gathering "complete" can take seconds in a
 * loopback-only namespace (other interfaces time out); the loopback host candidate comes at once.
 */
function installGatherWait(): void {
  window.benchGathered = (pc) =>
    new Promise<void>((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve();
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
      pc.addEventListener('icecandidate', (event) => event.candidate && setTimeout(resolve, 200));
    });
}

/** The receiving <video> plays the sound when there is any, as the console's does. */
const floorPage = (muted: boolean): string =>
  `<!doctype html><html><body style="margin:0;background:#000"><video autoplay playsinline ${muted ? 'muted' : ''} width="640" height="480"></video></body></html>`;

export interface FloorOptions {
  /**
   * Sends the fake microphone in the same MediaStream as the video, as the customer page does: the
   * receiver then holds video back to play it in sync with the audio.
   */
  audio: boolean;
}

/** Opens both pages on `origin` (a page served by the browser itself, so it is a secure context). */
export async function openFloorPair(browser: Browser, origin: string, options: FloorOptions): Promise<FloorPair> {
  const contexts: BrowserContext[] = [];
  const open = async (viewport: { width: number; height: number }, init: (context: BrowserContext) => Promise<unknown>): Promise<Page> => {
    const context = await newPeerContext(browser, { viewport });
    contexts.push(context);
    await context.addInitScript(NAME_HELPER);
    await context.addInitScript(installGatherWait);
    await init(context);
    await context.route(`${origin}/bench-floor`, (route) => route.fulfill({ contentType: 'text/html', body: floorPage(!options.audio) }));
    const page = await context.newPage();
    await page.goto(`${origin}/bench-floor`);
    return page;
  };
  const close = async (): Promise<void> => {
    for (const context of contexts) await context.close();
  };
  try {
    const sender = await open({ width: 320, height: 240 }, (c) => c.addInitScript(installCanvasCamera, FRAME_LAYOUT));
    const receiver = await open({ width: 660, height: 500 }, (c) => c.addInitScript(installFrameDecoder, { layout: FRAME_LAYOUT, selector: 'video' }));

    const offer = await sender.evaluate(async (audio) => {
      const pc = new RTCPeerConnection({ iceServers: [] });
      window.benchFloorPc = pc;
      const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio });
      for (const track of stream.getTracks()) pc.addTrack(track, stream);
      await pc.setLocalDescription();
      await window.benchGathered!(pc);
      return pc.localDescription!.toJSON() as RTCSessionDescriptionInit;
    }, options.audio);
    const answer = await receiver.evaluate(async (remote) => {
      const pc = new RTCPeerConnection({ iceServers: [] });
      window.benchFloorPc = pc;
      pc.addEventListener('track', (event) => {
        const video = document.querySelector('video');
        if (video && event.streams[0] && video.srcObject !== event.streams[0]) {
          video.srcObject = event.streams[0];
          void video.play();
        }
      });
      await pc.setRemoteDescription(remote);
      await pc.setLocalDescription();
      await window.benchGathered!(pc);
      return pc.localDescription!.toJSON() as RTCSessionDescriptionInit;
    }, offer);
    await sender.evaluate((remote) => window.benchFloorPc!.setRemoteDescription(remote), answer);
    await receiver.waitForFunction(() => window.benchDecoder?.first() ?? null, undefined, { timeout: 30_000, polling: 100 });
    return { sender, receiver, close };
  } catch (error) {
    await close();
    throw error;
  }
}
