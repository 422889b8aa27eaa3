import { describe, expect, it } from 'vitest';
import { simulate, type SimulationOptions } from '../../src/frontdoor/routing-simulation.ts';

// The issue's load test, in virtual time: 2,000 customers over 60 s to 50 assessors with mixed skills.
const ISSUE_LOAD: SimulationOptions = {
  customers: 2000, assessors: 50, arrivalsOverSeconds: 60, handleSeconds: 120, offerTimeoutSeconds: 20, declineRate: 0.1, seed: 14,
};

describe('simulate', () => {
  it('serves each of 2,000 customers exactly once with 50 assessors, declines and timeouts included', () => {
    const report = simulate(ISSUE_LOAD);
    expect(report.violations).toEqual([]);
    expect({ servedOnce: report.servedOnce, lost: report.lost, servedTwice: report.servedTwice }).toEqual({ servedOnce: 2000, lost: 0, servedTwice: 0 });
    expect(report.offers.accepted).toBe(2000);
    expect(report.disconnects).toBe(0);
    expect(report.offers.made).toBe(report.offers.accepted + report.offers.declined + report.offers.timedOut);
    expect(report.offers.declined).toBeGreaterThan(0);
    expect(report.offers.timedOut).toBeGreaterThan(0);
    // Everyone handled some of the load: nobody left idle while others took it all.
    expect(report.sessionsPerAssessor.min).toBeGreaterThan(0);
    expect(report.fairness.map((f) => f.customers).reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('puts a customer whose session was cut off back in the queue, and serves them once to the end', () => {
    const report = simulate({ ...ISSUE_LOAD, customers: 300, assessors: 10, disconnectRate: 0.1 });
    expect(report.violations).toEqual([]);
    expect(report.disconnects).toBeGreaterThan(10);
    expect({ servedOnce: report.servedOnce, lost: report.lost, servedTwice: report.servedTwice }).toEqual({ servedOnce: 300, lost: 0, servedTwice: 0 });
    expect(report.offers.accepted).toBe(300 + report.disconnects);
  });

  it('gives the same report for the same seed', () => {
    const small = { ...ISSUE_LOAD, customers: 200, assessors: 10 };
    expect(simulate(small)).toEqual(simulate(small));
    expect(simulate({ ...small, seed: 15 })).not.toEqual(simulate(small));
  });

  it('serves higher priority sooner when both wait', () => {
    const [high, normal] = simulate({ ...ISSUE_LOAD, customers: 600, assessors: 15 }).fairness;
    expect(high!.priority).toBeGreaterThan(normal!.priority);
    expect(high!.medianWaitSeconds).toBeLessThan(normal!.medianWaitSeconds);
  });

  it('reports nobody served when there is nobody to serve them, rather than looping', () => {
    const report = simulate({ ...ISSUE_LOAD, customers: 5, assessors: 0 });
    expect({ servedOnce: report.servedOnce, lost: report.lost }).toEqual({ servedOnce: 0, lost: 5 });
  });

  it.each([
    [{ declineRate: 1 }, /declineRate/],
    [{ declineRate: Number.NaN }, /declineRate/],
    [{ disconnectRate: 1 }, /disconnectRate/],
    [{ customers: -1 }, /whole numbers/],
    [{ assessors: 2.5 }, /whole numbers/],
    [{ handleSeconds: 0 }, /handleSeconds/],
    [{ offerTimeoutSeconds: 1 }, /offerTimeoutSeconds/],
  ])('refuses %o', (bad, message) => {
    expect(() => simulate({ ...ISSUE_LOAD, ...bad })).toThrow(message);
  });
});
