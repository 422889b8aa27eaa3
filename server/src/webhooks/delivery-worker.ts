// Delivers the outbox. Every instance runs one: it claims due messages (a claim another instance holds
// is skipped until it runs out, so a crashed instance's messages are taken over: at least once), posts
// each, records the attempt and schedules the next. Woken when this instance wrote messages, and
// looking every `pollMs` for retries that fell due and messages other instances wrote.
import type { EndpointStore } from './endpoint-store.ts';
import { deliver } from './deliver.ts';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.ts';
import type { AttemptOutcome, OutboxMessage, OutboxStore } from './outbox-store.ts';

export interface DeliveryWorkerDeps {
  outbox: OutboxStore;
  endpoints: EndpointStore;
  /** This instance's id: what its claims are marked with. */
  instanceId: string;
  /**
   * The time claims and retries are reckoned in: the database's on PostgreSQL, so instances whose
   * clocks disagree still agree on when a claim lapses and a retry is due.
   */
  now: () => Promise<Date>;
  /** The first retry's wait; the schedule scales with it. @default 5000 */
  retryBaseMs: number;
  /** @default 1000 */
  pollMs?: number;
  /** How long an endpoint has to answer. @default 10000 */
  timeoutMs?: number;
  /** Messages attempted at once. @default 8 */
  concurrency?: number;
  /** How long delivered and abandoned messages (payloads and attempts) are kept for the history. @default 30 days */
  keepMs?: number;
  onError: (err: unknown) => void;
}

export interface DeliveryWorker {
  start(): void;
  /** Looks for due messages now (after a commit that wrote some). */
  wake(): void;
  /** Stops looking and waits for the attempts under way to be recorded: a clean stop delivers nothing twice. */
  stop(): Promise<void>;
}

/** How often an instance forgets finished messages past `keepMs` (every instance does; a delete is idempotent). */
const PRUNE_EVERY_MS = 60 * 60_000;

/** Quick second looks after a wake: the writer's transaction may not have committed yet when woken. */
const WAKE_LOOKS_MS = [0, 25, 100, 400];

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const pollMs = deps.pollMs ?? 1000;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const concurrency = deps.concurrency ?? 8;
  // A claim outlives the longest attempt, so it lapses only when its holder died.
  const claimMs = timeoutMs + 5000;
  const keepMs = deps.keepMs ?? 30 * 24 * 60 * 60_000;
  let prunedAt = 0;
  let running = false;
  let loop: Promise<void> | null = null;
  let looks: number[] = [];
  let interrupt: (() => void) | null = null;

  const wake = () => {
    looks = [...WAKE_LOOKS_MS];
    interrupt?.();
  };

  /** Waits `ms`, or less when woken or stopped. The timer is made here, in the loop's own context. */
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      interrupt = null;
      resolve();
    }
    interrupt = done;
  });

  async function attempt(message: OutboxMessage): Promise<void> {
    const endpoint = await deps.endpoints.byId(message.endpointId);
    if (!endpoint) return;
    const now = await deps.now();
    const result = await deliver({ url: endpoint.url, secret: endpoint.secret, id: message.id, body: message.payload, now, timeoutMs });
    const attempts = message.attempts + 1;
    let outcome: AttemptOutcome;
    if (result.delivered) outcome = { state: 'delivered' };
    else {
      const wait = attempts >= MAX_ATTEMPTS ? null : retryDelayMs(attempts, deps.retryBaseMs);
      outcome = wait === null ? { state: 'abandoned' } : { state: 'pending', nextAttemptAt: new Date((await deps.now()).getTime() + wait).toISOString() };
    }
    await deps.outbox.finish(message.id, deps.instanceId, { at: now.toISOString(), status: result.status, error: result.error, durationMs: result.durationMs }, outcome);
  }

  /** One pass: claims what is due and attempts it; true when something was attempted (look again at once). */
  async function pass(): Promise<boolean> {
    const now = await deps.now();
    // Payloads carry case facts (a customer's name): the history keeps them for a while, not for ever.
    if (now.getTime() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now.getTime();
      await deps.outbox.prune(new Date(now.getTime() - keepMs).toISOString());
    }
    const due = await deps.outbox.due(now.toISOString(), concurrency);
    const until = new Date(now.getTime() + claimMs).toISOString();
    if (!running) return false;
    const taken = new Set(await deps.outbox.claim(due.map((m) => m.id), deps.instanceId, now.toISOString(), until));
    const claimed = due.filter((m) => taken.has(m.id));
    const results = await Promise.allSettled(claimed.map(attempt));
    for (const r of results) if (r.status === 'rejected') deps.onError(r.reason);
    return claimed.length > 0;
  }

  async function run(): Promise<void> {
    while (running) {
      let busy = false;
      try {
        busy = await pass();
      } catch (err) {
        deps.onError(err);
      }
      if (!running) break;
      if (busy) continue;
      const next = looks.shift();
      await pause(next ?? pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake,
    async stop() {
      running = false;
      interrupt?.();
      await loop;
      loop = null;
    },
  };
}
