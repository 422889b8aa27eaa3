import { describe, expect, it } from 'vitest';
import { createRelayBudget, MESSAGE_COST_BYTES } from '../../src/signalling/relay-budget.ts';

const rate = { bytesPerSecond: 10 * 1024, burstBytes: 40 * 1024 };
const t0 = 1_000_000;

describe('relay budget', () => {
  it('allows a burst, then refuses until time has refilled it', () => {
    const budget = createRelayBudget(rate, t0);
    const message = 4 * 1024 - MESSAGE_COST_BYTES;
    for (let i = 0; i < 10; i++) expect(budget.spend(message, t0)).toBe(true);
    expect(budget.spend(message, t0)).toBe(false);
    expect(budget.spend(message, t0 + 399)).toBe(false);
    expect(budget.spend(message, t0 + 400)).toBe(true);
  });

  it('never holds more than the burst, however long the socket was quiet', () => {
    const budget = createRelayBudget(rate, t0);
    const spent = Array.from({ length: 20 }, () => budget.spend(4 * 1024 - MESSAGE_COST_BYTES, t0 + 3_600_000));
    expect(spent.filter(Boolean)).toHaveLength(10);
  });

  it('charges every message a fixed cost, so a flood of empty messages runs out too', () => {
    const budget = createRelayBudget(rate, t0);
    const spent = Array.from({ length: 100 }, () => budget.spend(0, t0));
    expect(spent.filter(Boolean)).toHaveLength(40);
  });

  it('refills nothing when the clock steps back, and refuses a rate that could never pass a message', () => {
    const budget = createRelayBudget(rate, t0);
    while (budget.spend(0, t0));
    expect(budget.spend(0, t0 - 60_000)).toBe(false);
    expect(budget.spend(0, t0 + 100)).toBe(true);
    expect(() => createRelayBudget({ bytesPerSecond: 0, burstBytes: 40 * 1024 }, t0)).toThrow(/bad rate/);
    expect(() => createRelayBudget({ bytesPerSecond: 1024, burstBytes: 10 }, t0)).toThrow(/bad rate/);
  });
});
