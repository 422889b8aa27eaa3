// Journey: the live call survives network drops — a short one (ICE recovers in place), a long one
// (the console places a fresh call) and the customer reloading the page (a new peer id).
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { CallView } from '../../protocol/http.ts';
import { installIceFault } from './support/ice-fault.ts';
import { dropNetwork, inLoopbackOnlyNamespace } from './support/network.ts';
import { startLiveCall, useJourney } from './support/journey.ts';

/** Records, inside the page, every value the call-state attribute takes until `stop`. */
async function watchCallState(page: Page): Promise<{ stop: () => Promise<string[]> }> {
  const handle = await page.evaluateHandle(() => {
    const element = document.querySelector('[data-testid="call-state"]');
    const states: string[] = [element?.getAttribute('data-state') ?? 'none'];
    const observer = new MutationObserver(() => {
      const state = element?.getAttribute('data-state') ?? 'none';
      if (states[states.length - 1] !== state) states.push(state);
    });
    if (element) observer.observe(element, { attributes: true, attributeFilter: ['data-state'] });
    return { states, observer };
  });
  return {
    stop: async () => {
      const states = await handle.evaluate((w) => {
        w.observer.disconnect();
        return w.states;
      });
      await handle.dispose();
      return states;
    },
  };
}

describe.skipIf(!inLoopbackOnlyNamespace())('network drops during a live call', () => {
  const journey = useJourney({ console: { initScripts: [installIceFault] } });
  let caseId = '';

  const calls = async (): Promise<CallView[]> => {
    const detail = await journey.assessor.fetchJson(`/api/cases/${caseId}`);
    return z.object({ body: z.object({ calls: z.array(CallView) }) }).parse(detail).body.calls;
  };

  beforeAll(async () => {
    ({ caseId } = await startLiveCall(journey, 'Water damage — kitchen', 'Sam Example'));
  });

  it('an ICE failure is repaired by an ICE restart within the same call', async () => {
    const ufrags = () => journey.assessor.page.evaluate(() => window.sightlineIceFault?.ufrags() ?? []);
    const before = await ufrags();
    const watch = await watchCallState(journey.assessor.page);
    await journey.assessor.page.evaluate(() => window.sightlineIceFault?.breakAll());
    await expect.poll(async () => (await ufrags()).some((u, i) => u !== null && u !== before[i]), { timeout: 15_000 }).toBe(true);
    await journey.assessor.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor({ timeout: 15_000 });
    await journey.assessor.waitForLiveVideo();
    expect(await watch.stop()).toEqual(['connected', 'reconnecting', 'connected']);
    const list = await calls();
    expect(list).toHaveLength(1);
    expect(list[0]?.state).toBe('connected');
    await expectAccessible(journey.assessor.page, 'console call, connected again after an ICE restart');
  });

  it('a short drop recovers in the same call', async () => {
    const watch = await watchCallState(journey.assessor.page);
    await dropNetwork(8000);
    await journey.assessor.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor({ timeout: 30_000 });
    await journey.assessor.waitForLiveVideo();
    expect(await watch.stop()).toEqual(['connected', 'reconnecting', 'connected']);
    await expect.poll(async () => (await calls()).map((c) => c.state), { timeout: 20_000 }).toEqual(['connected']);
  });

  it('a long drop ends in a fresh call that connects', async () => {
    const watch = await watchCallState(journey.assessor.page);
    const dropAt = Date.now();
    await dropNetwork(22_000);
    await journey.assessor.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor({ timeout: 60_000 });
    await journey.assessor.waitForLiveVideo();
    await journey.customer.waitForState('connected');
    const states = await watch.stop();
    console.log(`long drop: live video again ${Date.now() - dropAt - 22_000} ms after the network came back`);
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
    // The events of the drop were recorded once the server was reachable again: the dropped call
    // failed, and the last fresh call is live (a fresh call placed as the network returns may
    // itself time out and be replaced).
    await expect.poll(async () => (await calls()).map((c) => c.state).join(' '), { timeout: 30_000 }).toMatch(/^(failed )+connected$/);
    const list = await calls();
    expect(list[0]?.detail).toMatch(/no media for 10 s/);
    await expectAccessible(journey.assessor.page, 'console call, a fresh call after a long drop');
    await expectAccessible(journey.customer.page, 'in call after a long drop', { desktop: true });
  });

  it('a customer reload is answered with a fresh call', async () => {
    const watch = await watchCallState(journey.assessor.page);
    await journey.customer.page.reload();
    await journey.customer.waitForState('connected');
    await journey.assessor.page.locator('[data-testid="call-state"][data-state="connected"]').waitFor({ timeout: 60_000 });
    await journey.assessor.waitForLiveVideo();
    expect(await watch.stop()).toEqual(['connected', 'reconnecting', 'connected']);
    await expect.poll(async () => (await calls()).map((c) => c.state).join(' '), { timeout: 30_000 }).toMatch(/^(failed ){2,}connected$/);
    // The call that ran into the reload failed; a fresh call placed before the customer's page had
    // registered again may have timed out on the way.
    expect((await calls()).some((c) => c.state === 'failed' && c.detail === 'the connection closed')).toBe(true);
    await expectAccessible(journey.customer.page, 'in call after a reload', { desktop: true });
  });
});
