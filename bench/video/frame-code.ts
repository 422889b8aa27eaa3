// Timestamps carried in video frames, for glass-to-glass latency. The sending page's camera becomes a
// 640x480 canvas (captureStream(30)) whose frames show, as 64 black/white blocks, the time they were
// drawn (performance.timeOrigin + now, so pages of one browser share the clock), a frame counter and
// a check word; the receiving page decodes every frame its <video> presents (requestVideoFrameCallback).
// Both functions run inside the page (context.addInitScript), so they close over nothing.

export interface FrameLayout {
  width: number;
  height: number;
  /** Side of one bit block in canvas pixels; 16 columns x 4 rows of blocks along the top. */
  block: number;
}

export const FRAME_LAYOUT: FrameLayout = { width: 640, height: 480, block: 40 };

/** One decoded frame; times are milliseconds on the shared clock (timeOrigin-based). */
export interface DecodedFrame {
  counter: number;
  sentAt: number;
  /** When the frame was expected on screen (rVFC expectedDisplayTime). */
  displayAt: number;
  /** When its last packet arrived (rVFC receiveTime), if the browser says. */
  receivedAt: number | null;
  width: number;
  height: number;
}

export interface FrameSource {
  /** Pauses or resumes drawing; while paused the canvas sends no new frames. */
  setDrawing(on: boolean): void;
}

export interface FrameDecoder {
  /** Frames decoded since the last take(), oldest first. */
  take(): DecodedFrame[];
  /** The first frame decoded since the page loaded. */
  first(): DecodedFrame | null;
  /** Presented frames whose blocks did not pass the check (blurred or torn). */
  undecodable(): number;
  /** Cumulative receive-side figures of the page's connections, summed over them. */
  receiveStats(): Promise<ReceiveStats>;
}

/** A jitter buffer's cumulative hold (seconds) over the frames or samples it released. */
export interface JitterBuffer {
  delaySeconds: number;
  emitted: number;
}

export interface ReceiveStats {
  /** mimeType of the inbound video codec. */
  codec: string | null;
  video: JitterBuffer;
  audio: JitterBuffer;
}

declare global {
  interface Window {
    benchSource?: FrameSource;
    benchDecoder?: FrameDecoder;
  }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in `__name(fn, "name")`; a
 * function serialised into a page needs that helper there. Add this before any other init script.
 */
export const NAME_HELPER = 'globalThis.__name ??= (fn) => fn;';

/** Init script for the sending page: getUserMedia({ video }) answers with the timestamped canvas. */
export function installCanvasCamera(layout: FrameLayout): void {
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const columns = layout.width / layout.block;
  let drawing = true;
  let running = false;
  let counter = 0;

  const draw = (): void => {
    requestAnimationFrame(draw);
    if (!drawing) return;
    const sentAt = Math.round(performance.timeOrigin + performance.now());
    counter = (counter + 1) & 0xffff;
    const low = sentAt % 2 ** 32;
    const words = [low >>> 16, low & 0xffff, counter, ((low >>> 16) ^ (low & 0xffff) ^ counter ^ 0xa5a5) & 0xffff];
    // Moving content below the blocks, so the encoder sees video rather than a still.
    context.fillStyle = '#3a3f46';
    context.fillRect(0, 0, layout.width, layout.height);
    context.fillStyle = '#d08a3c';
    context.fillRect((counter * 6) % (layout.width - 120), layout.height - 200 + ((counter * 3) % 80), 120, 90);
    for (let i = 0; i < 64; i++) {
      const bit = ((words[i >> 4] ?? 0) >> (15 - (i & 15))) & 1;
      context.fillStyle = bit ? '#ffffff' : '#000000';
      context.fillRect((i % columns) * layout.block, Math.floor(i / columns) * layout.block, layout.block, layout.block);
    }
  };

  window.benchSource = { setDrawing: (on) => (drawing = on) };
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints): Promise<MediaStream> => {
    if (!constraints?.video) return original(constraints);
    if (!running) {
      running = true;
      requestAnimationFrame(draw);
    }
    const stream = canvas.captureStream(30);
    if (constraints.audio) for (const track of (await original({ audio: constraints.audio })).getAudioTracks()) stream.addTrack(track);
    return stream;
  };
}

/** Init script for the receiving page: decodes every frame of the first element matching `selector`. */
export function installFrameDecoder(args: { layout: FrameLayout; selector: string }): void {
  const { layout, selector } = args;
  const columns = layout.width / layout.block;
  const rows = 64 / columns;
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = rows * layout.block;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  const connections: RTCPeerConnection[] = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      connections.push(this);
    }
  };

  let frames: DecodedFrame[] = [];
  let first: DecodedFrame | null = null;
  let undecodable = 0;
  let lastCounter = -1;
  let watched: HTMLVideoElement | null = null;

  const bitAt = (data: Uint8ClampedArray, i: number): number => {
    const cx = (i % columns) * layout.block + layout.block / 2;
    const cy = Math.floor(i / columns) * layout.block + layout.block / 2;
    let sum = 0;
    for (const dy of [-6, 0, 6]) {
      for (const dx of [-6, 0, 6]) {
        const at = ((cy + dy) * canvas.width + cx + dx) * 4;
        sum += (data[at] ?? 0) + (data[at + 1] ?? 0) + (data[at + 2] ?? 0);
      }
    }
    return sum / 27 > 128 ? 1 : 0;
  };

  const decode = (video: HTMLVideoElement, meta: VideoFrameCallbackMetadata): void => {
    if (video.videoWidth === 0) return;
    const sourceHeight = (video.videoHeight * canvas.height) / layout.height;
    context.drawImage(video, 0, 0, video.videoWidth, sourceHeight, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const words = [0, 0, 0, 0];
    for (let i = 0; i < 64; i++) words[i >> 4] = ((words[i >> 4] ?? 0) << 1) | bitAt(data, i);
    const [high = 0, lowWord = 0, counter = 0, check = 0] = words;
    if (((high ^ lowWord ^ counter ^ 0xa5a5) & 0xffff) !== check) {
      undecodable++;
      return;
    }
    if (counter === lastCounter) return;
    lastCounter = counter;
    const now = Math.round(performance.timeOrigin + performance.now());
    const low = high * 65536 + lowWord;
    const sentAt = now - ((((now % 2 ** 32) - low) % 2 ** 32) + 2 ** 32) % 2 ** 32;
    const frame: DecodedFrame = {
      counter,
      sentAt,
      displayAt: performance.timeOrigin + meta.expectedDisplayTime,
      receivedAt: meta.receiveTime === undefined ? null : performance.timeOrigin + meta.receiveTime,
      width: meta.width,
      height: meta.height,
    };
    first ??= frame;
    frames.push(frame);
  };

  const watch = (video: HTMLVideoElement): void => {
    const step = (_now: number, meta: VideoFrameCallbackMetadata): void => {
      if (watched !== video) return;
      decode(video, meta);
      video.requestVideoFrameCallback(step);
    };
    video.requestVideoFrameCallback(step);
  };
  setInterval(() => {
    const video = document.querySelector(selector);
    if (video instanceof HTMLVideoElement && video !== watched) {
      watched = video;
      watch(video);
    }
  }, 20);

  window.benchDecoder = {
    take() {
      const out = frames;
      frames = [];
      return out;
    },
    first: () => first,
    undecodable: () => undecodable,
    async receiveStats() {
      const out: ReceiveStats = { codec: null, video: { delaySeconds: 0, emitted: 0 }, audio: { delaySeconds: 0, emitted: 0 } };
      for (const pc of connections) {
        if (pc.connectionState === 'closed') continue;
        const stats = [...(await pc.getStats()).values()] as Array<Record<string, unknown>>;
        for (const inbound of stats.filter((s) => s.type === 'inbound-rtp')) {
          const buffer = inbound.kind === 'video' ? out.video : inbound.kind === 'audio' ? out.audio : null;
          if (!buffer) continue;
          buffer.delaySeconds += Number(inbound.jitterBufferDelay ?? 0);
          buffer.emitted += Number(inbound.jitterBufferEmittedCount ?? 0);
          const codec = stats.find((s) => s.id === inbound.codecId);
          if (inbound.kind === 'video' && typeof codec?.mimeType === 'string') out.codec ??= codec.mimeType;
        }
      }
      return out;
    },
  };
}
