// Measures glass-to-glass latency on several links without letting them compete: after a shared
// warm-up only one link's source draws at a time, in short windows taken in turn (ABBA order), until
// each link has its frames or the rounds run out. Also reports how long the receiver's jitter buffers
// held video and audio over the same time: with audio in the stream, video is held for lip sync.
import type { Page } from 'playwright-core';
import { round, sleep, summary } from '../support/results.ts';
import type { DecodedFrame, JitterBuffer, ReceiveStats } from './frame-code.ts';

export interface Link {
  name: string;
  /** The page drawing the timestamped canvas. */
  source: Page;
  /** The page decoding the received video. */
  sink: Page;
}

export interface WindowPlan {
  warmUpMs: number;
  /** Frames after a resume are dropped for this long (the encoder restarts from a still source). */
  settleMs: number;
  windowMs: number;
  targetFrames: number;
  maxRounds: number;
}

export type LinkResult = ReturnType<typeof describe>;

const setDrawing = (page: Page, on: boolean): Promise<void> => page.evaluate((value) => window.benchSource?.setDrawing(value), on);
const take = (page: Page): Promise<DecodedFrame[]> => page.evaluate(() => window.benchDecoder?.take() ?? []);
const receiveStats = (page: Page): Promise<ReceiveStats | null> => page.evaluate(() => window.benchDecoder?.receiveStats() ?? null);

export async function measureLinks(links: Link[], plan: WindowPlan): Promise<Record<string, LinkResult>> {
  // WebRTC starts at a low bitrate and resolution and ramps up over ~10 s.
  for (const link of links) await setDrawing(link.source, true);
  await sleep(plan.warmUpMs);
  for (const link of links) await setDrawing(link.source, false);
  await sleep(plan.settleMs);

  const state = new Map<string, { frames: DecodedFrame[]; seconds: number; before: ReceiveStats | null }>();
  for (const link of links) state.set(link.name, { frames: [], seconds: 0, before: await receiveStats(link.sink) });
  for (let r = 0; r < plan.maxRounds; r++) {
    const due = links.filter((link) => state.get(link.name)!.frames.length < plan.targetFrames);
    if (due.length === 0) break;
    for (const link of r % 2 === 0 ? due : due.reverse()) {
      const s = state.get(link.name)!;
      await setDrawing(link.source, true);
      await sleep(plan.settleMs);
      await take(link.sink);
      const started = Date.now();
      await sleep(plan.windowMs);
      s.seconds += (Date.now() - started) / 1000;
      s.frames.push(...(await take(link.sink)));
      await setDrawing(link.source, false);
      await sleep(plan.settleMs);
    }
  }

  const out: Record<string, LinkResult> = {};
  for (const link of links) {
    const s = state.get(link.name)!;
    const undecodable = await link.sink.evaluate(() => window.benchDecoder?.undecodable() ?? 0);
    out[link.name] = describe(s.frames, s.seconds, undecodable, s.before, await receiveStats(link.sink));
  }
  return out;
}

/** Mean hold per frame or sample between two cumulative readings, in ms. */
function meanHoldMs(before: JitterBuffer | undefined, after: JitterBuffer | undefined): number | null {
  if (!before || !after || after.emitted <= before.emitted) return null;
  return round(((after.delaySeconds - before.delaySeconds) / (after.emitted - before.emitted)) * 1000);
}

function describe(frames: DecodedFrame[], seconds: number, undecodable: number, before: ReceiveStats | null, after: ReceiveStats | null) {
  const received = frames.filter((f) => f.receivedAt !== null).map((f) => f.receivedAt! - f.sentAt);
  const sizes = frames.map((f) => `${f.width}x${f.height}`);
  const commonest = [...new Set(sizes)].map((s) => [s, sizes.filter((x) => x === s).length] as const).sort((a, b) => b[1] - a[1])[0];
  return {
    /** Drawn on the sender's canvas → expected on the receiver's screen. */
    glassToGlassMs: summary(frames.map((f) => f.displayAt - f.sentAt), [50, 95]),
    /** Drawn → last packet of the frame received: capture, encode, network. */
    drawToReceiveMs: summary(received, [50, 95]),
    videoJitterBufferMs: meanHoldMs(before?.video, after?.video),
    audioJitterBufferMs: meanHoldMs(before?.audio, after?.audio),
    framesPerSecond: round(frames.length / seconds),
    measuredSeconds: round(seconds),
    /** Presented frames whose blocks failed the check, over the whole call including warm-up. */
    undecodableFrames: undecodable,
    resolution: commonest?.[0] ?? null,
    resolutionShare: commonest ? round(commonest[1] / frames.length, 2) : 0,
    codec: after?.codec ?? null,
  };
}
