import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallEventBody } from '../../../protocol/http.ts';
import { ApiRequestError } from '../lib/api.ts';
import { CallReporter } from './call-reporter.ts';

const event = (name: CallEventBody['event']): CallEventBody => ({ callId: 'call-0001', event: name });

describe('CallReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('delivers events in order, retrying through a network outage', async () => {
    const delivered: string[] = [];
    let down = true;
    const reporter = new CallReporter(async (e) => {
      if (down) throw new ApiRequestError(0, 'network', 'offline');
      delivered.push(e.event);
    });
    reporter.report(event('reconnecting'));
    reporter.report(event('failed'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(delivered).toEqual([]);
    down = false;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(delivered).toEqual(['reconnecting', 'failed']);
  });

  it('drops an event the server rejects and goes on with the next', async () => {
    const delivered: string[] = [];
    const reporter = new CallReporter(async (e) => {
      if (e.event === 'started') throw new ApiRequestError(422, 'bad', 'rejected');
      delivered.push(e.event);
    });
    reporter.report(event('started'));
    reporter.report(event('connected'));
    await vi.advanceTimersByTimeAsync(0);
    expect(delivered).toEqual(['connected']);
  });

  it('gives each queued event one last try after dispose', async () => {
    const send = vi.fn(async () => {
      throw new ApiRequestError(503, 'down', 'unavailable');
    });
    const reporter = new CallReporter(send);
    reporter.report(event('ended'));
    await vi.advanceTimersByTimeAsync(0);
    reporter.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
