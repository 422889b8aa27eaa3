// Admission for image processing. Decoding is the one job whose memory and CPU a small upload can
// multiply, so only a few images are processed at once, within a memory budget estimated from their
// headers, and one at a time per caller so that one caller's photos never hold every slot; heavy
// images never hold every slot either, so an ordinary photo does not wait behind them. Waiting lists
// are bounded; a full one is refused with the seconds after which a retry may find room.

export interface ImageGateLimits {
  /** Images processed at once, all callers together. */
  jobs: number;
  /** Estimated bytes all images being processed may hold at once. */
  memoryBytes: number;
  /** Images waiting for their turn, all callers together. */
  queue: number;
  /** Images one caller may have in the gate, waiting or being processed. */
  perCaller: number;
}

/** The gate is full for this caller (`caller`) or for everyone (`server`); nothing was started. */
export class ImageGateFull extends Error {
  constructor(
    readonly who: 'caller' | 'server',
    readonly retryAfterSeconds: number,
  ) {
    super(who === 'caller' ? 'this caller has as many images in progress as it may' : 'the image queue is full');
    this.name = 'ImageGateFull';
  }
}

export interface ImageGateLoad {
  running: number;
  waiting: number;
  memoryBytes: number;
}

export type ImageGate = ReturnType<typeof createImageGate>;

/**
 * A waiting image that does not fit in the memory left may be overtaken by smaller ones, but only this
 * many times: then it blocks everyone behind it until enough memory is free, so it cannot starve.
 */
const MAX_OVERTAKES = 8;
/**
 * An image estimated to need more than this share of the memory budget is heavy (a 12 MP JPEG is not;
 * an AVIF or a large interlaced PNG is). Heavy images take at most all slots but one, and no more than
 * the rest of the budget, so an ordinary photo always finds a slot and the memory for it.
 */
const HEAVY_SHARE = 1 / 4;
/** Before any image has finished, the guess of how long one takes. */
const FIRST_GUESS_MS = 1000;

interface Waiter {
  caller: string;
  cost: number;
  overtaken: number;
  start(): void;
}

export function createImageGate(limits: ImageGateLimits, now: () => number = () => performance.now()) {
  const waiting: Waiter[] = [];
  /** Per caller: images waiting or running. */
  const inGate = new Map<string, number>();
  const runningCallers = new Set<string>();
  let running = 0;
  let runningHeavy = 0;
  let memory = 0;
  const isHeavy = (cost: number): boolean => cost > limits.memoryBytes * HEAVY_SHARE;
  const heavySlots = Math.max(1, limits.jobs - 1);
  const largestCost = limits.jobs > 1 ? Math.floor(limits.memoryBytes * (1 - HEAVY_SHARE)) : limits.memoryBytes;
  let averageMs = FIRST_GUESS_MS;

  const seconds = (ms: number): number => Math.min(60, Math.max(1, Math.ceil(ms / 1000)));

  const refusal = (caller: string): ImageGateFull | null => {
    const own = inGate.get(caller) ?? 0;
    // A caller's images run one after another; everyone's share the slots.
    if (own >= limits.perCaller) return new ImageGateFull('caller', seconds(own * averageMs));
    if (waiting.length >= limits.queue) return new ImageGateFull('server', seconds(((waiting.length + running) * averageMs) / limits.jobs));
    return null;
  };

  const leave = (caller: string): void => {
    const left = (inGate.get(caller) ?? 1) - 1;
    if (left > 0) inGate.set(caller, left);
    else inGate.delete(caller);
  };

  /** Starts waiting images, oldest first, while a slot and their memory are free. */
  const pump = (): void => {
    const passedOver: Waiter[] = [];
    for (let i = 0; i < waiting.length && running < limits.jobs;) {
      const waiter = waiting[i]!;
      if (runningCallers.has(waiter.caller) || (isHeavy(waiter.cost) && runningHeavy >= heavySlots)) {
        i++;
        continue;
      }
      // An image larger than the whole budget still runs, alone: refusing it is the header check's job.
      const fits = memory + waiter.cost <= limits.memoryBytes || running === 0;
      if (!fits) {
        if (waiter.overtaken >= MAX_OVERTAKES) break;
        passedOver.push(waiter);
        i++;
        continue;
      }
      waiting.splice(i, 1);
      for (const earlier of passedOver) earlier.overtaken++;
      running++;
      if (isHeavy(waiter.cost)) runningHeavy++;
      memory += waiter.cost;
      runningCallers.add(waiter.caller);
      waiter.start();
    }
  };

  return {
    /** The most one image may be estimated to need; the caller refuses larger ones outright. */
    largestCost,

    /** Refuses now, as `run` would, before the caller sends a body that would only be refused. */
    check(caller: string): void {
      const refused = refusal(caller);
      if (refused) throw refused;
    },

    /**
     * Runs `work` once a slot and `cost` bytes are free and none of `caller`'s images is running.
     * Throws ImageGateFull at once when the caller or the waiting list is full; an abort while waiting
     * takes the image out of the list (with the signal's reason).
     */
    async run<T>(caller: string, cost: number, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      const refused = refusal(caller);
      if (refused) throw refused;
      inGate.set(caller, (inGate.get(caller) ?? 0) + 1);
      try {
        await new Promise<void>((resolve, reject) => {
          const waiter: Waiter = { caller, cost, overtaken: 0, start: () => {
            signal?.removeEventListener('abort', abort);
            resolve();
          } };
          function abort(): void {
            const at = waiting.indexOf(waiter);
            if (at < 0) return;
            waiting.splice(at, 1);
            reject(signal?.reason);
            pump();
          }
          signal?.addEventListener('abort', abort, { once: true });
          waiting.push(waiter);
          pump();
        });
      } catch (error) {
        leave(caller);
        throw error;
      }
      const started = now();
      try {
        return await work();
      } finally {
        // A moving average, so Retry-After follows what images currently cost.
        averageMs = 0.8 * averageMs + 0.2 * (now() - started);
        running--;
        if (isHeavy(cost)) runningHeavy--;
        memory -= cost;
        runningCallers.delete(caller);
        leave(caller);
        pump();
      }
    },

    load(): ImageGateLoad {
      return { running, waiting: waiting.length, memoryBytes: memory };
    },

    /** Whether an image of this estimated cost counts as heavy (more than a quarter of the budget). */
    isHeavy,
  };
}
