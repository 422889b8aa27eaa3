import { describe, expect, it } from 'vitest';
import { createTimerScope } from '../../src/signalling/peer-timers.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createTimerScope', () => {
  it('follows a self-rescheduling timer chain, unrefs it and stops it', async () => {
    const scope = createTimerScope();
    const timers: NodeJS.Timeout[] = [];
    let ticks = 0;
    const tick = (): void => {
      ticks += 1;
      timers.push(setTimeout(tick, 5));
    };
    scope.run(() => timers.push(setTimeout(tick, 5)));
    await sleep(60);
    expect(ticks).toBeGreaterThan(2);
    expect(timers.every((timer) => !timer.hasRef())).toBe(true);

    scope.stop();
    const stoppedAt = ticks;
    await sleep(40);
    expect(ticks).toBe(stoppedAt);
  });

  it('leaves timers created outside run alone and restores the global setTimeout', () => {
    const scope = createTimerScope();
    const original = globalThis.setTimeout;
    scope.run(() => expect(globalThis.setTimeout).not.toBe(original));
    expect(globalThis.setTimeout).toBe(original);
    const outside = setTimeout(() => undefined, 1_000);
    expect(outside.hasRef()).toBe(true);
    clearTimeout(outside);
    expect(() => scope.run(() => { throw new Error('boom'); })).toThrow('boom');
    expect(globalThis.setTimeout).toBe(original);
  });
});
