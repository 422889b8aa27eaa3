// Journey: the whole console agrees about the call at every step — waiting, connecting, connected,
// the customer's camera off and microphone muted, the customer dropped, reconnecting, recovered, the
// customer hanging up, the assessor hanging up — and every state it passes through on the way is
// checked panel by panel, not only where each step settles. The live recording's timeline counts the
// call's photos and chat while it records.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { consoleCallLog, expectConsoleAgrees, readConsoleCall, watchConsoleCall, type ConsoleCallSnapshot } from './support/console-call.ts';
import { installCustomerCallHook } from './support/customer-call-hook.ts';
import { installIceFault } from './support/ice-fault.ts';
import { useJourney } from './support/journey.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';
import { repoRoot } from './support/server.ts';

describe.skipIf(!inLoopbackOnlyNamespace())('the console never contradicts itself about the call', () => {
  const journey = useJourney({ console: { initScripts: [installIceFault] }, customer: { initScripts: [installCustomerCallHook] } });
  let caseId = '';
  /** Where the console's log of states stood when the current step began. */
  let mark = 0;

  const page = () => journey.assessor.page;
  const customerContext = () => journey.contexts[1]!;
  /** Runs `fn` in the customer's page, where `window.sightlineCustomerCall` is the hook on its call. */
  const onCustomer = <T,>(fn: () => T): Promise<T> => journey.customer.page.evaluate(fn);

  /** Waits until the console names `state`, then checks it settled and every state since the last step. */
  async function expectStep(state: string, also: (s: ConsoleCallSnapshot) => boolean = () => true, timeout = 45_000): Promise<ConsoleCallSnapshot> {
    await expect.poll(async () => {
      const s = await readConsoleCall(page());
      return s.state === state && also(s);
    }, { timeout, interval: 200 }).toBe(true);
    const passed = await consoleCallLog(page(), mark);
    for (const snapshot of passed) expectConsoleAgrees(snapshot, { settled: false });
    const settled = await readConsoleCall(page());
    expectConsoleAgrees(settled);
    mark += passed.length;
    return settled;
  }

  const states = (log: ConsoleCallSnapshot[]): string[] => log.map((s) => s.state);

  async function shoot(name: string): Promise<void> {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
      await page().setViewportSize(viewport);
      await page().evaluate(() => window.scrollTo(0, 0));
      await page().screenshot({ path: path.join(repoRoot, `docs/screenshots/console-call-${name}-${viewport.width}.png`), animations: 'disabled' });
    }
    await page().setViewportSize({ width: 1440, height: 900 });
  }

  afterAll(async () => {
    await journey.contexts[1]?.setOffline(false);
  });

  it('waiting: the customer is ready, no call — every panel says so', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl = '';
    ({ caseId, joinUrl } = await assessor.createCase('Storm damage — conservatory roof', 'Alex Example'));
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
    await assessor.openCase(caseId);
    await watchConsoleCall(page());
    const s = await expectStep('idle', (x) => x.status === 'Customer waiting');
    expect(s.buttonDisabled).toBe(false);
    expect(s.caption).toBe('The customer is ready. Connect to start the call.');
    await expectAccessible(page(), 'console call, customer waiting');
  });

  it('connect: connecting, then connected — no panel says "No call" or "camera off" on the way', async () => {
    await page().getByTestId('connect').click();
    const s = await expectStep('connected');
    const passed = await consoleCallLog(page());
    expect(states(passed).slice(-3)).toEqual(['idle', 'connecting', 'connected']);
    expect(s.recovered).toBe('false');
    await journey.assessor.waitForLiveVideo();
    // Once link figures arrive, the connection panel shows a score.
    const measured = await expectStep('connected', (x) => x.word !== 'Measuring…' && x.caption === null && x.recording === 'true');
    expect(measured.word).toMatch(/^(No media|Bad|Poor|Fair|Good|Excellent)$/);
  });

  it('the live recording’s timeline counts the call’s photos and chat while it records', async () => {
    const { assessor } = journey;
    await assessor.sendChat('Please show me the cracked pane.');
    await assessor.sendChat('And now the gutter, please.');
    for (let i = 0; i < 2; i++) {
      await page().getByTestId('request-photo').click();
      await page().getByTestId('snapshot-pending').waitFor({ state: 'detached', timeout: 45_000 });
    }
    await expect.poll(() => page().locator('[data-testid="evidence-item"][data-source="device-still"]').count(), { timeout: 30_000 }).toBe(2);
    const legend = page().locator('[data-testid="recordings-panel"] .timeline-legend');
    await expect.poll(async () => (await legend.textContent()) ?? '', { timeout: 45_000 }).toMatch(/Snapshot \(2\).*Chat \(2\)/);
    expect(await page().locator('[data-testid="recording-item"][data-sealed="false"]').count()).toBe(1);
    await shoot('connected');
    await expectAccessible(page(), 'console call, connected and recording');
  });

  it('the customer turns the camera off and mutes: the console says so from their page’s word, still in call', async () => {
    await journey.customer.page.getByTestId('call-camera').click();
    await journey.customer.page.getByTestId('call-mute').click();
    const off = await expectStep('connected', (x) => x.muted !== null);
    expect(off.caption).toBe('The customer’s camera is off');
    expect(off.muted).toBe('Customer muted');
    expect(off.badge).toBe('Live · customer muted');
    expect(await page().getByTestId('capture-frame').isDisabled()).toBe(true);
    await expectAccessible(page(), 'console call, the customer’s camera off and muted');
    await expectAccessible(journey.customer.page, 'in call, camera off and muted', { desktop: true });

    await journey.customer.page.getByTestId('call-camera').click();
    await journey.customer.page.getByTestId('call-mute').click();
    const on = await expectStep('connected', (x) => x.muted === null && x.caption === null);
    expect(on.badge).toBe('Live');
    await journey.assessor.waitForLiveVideo();
  });

  it('the customer drops (their page loses the server and sends nothing): "Customer dropped" everywhere, recording goes on', async () => {
    // Offline for the customer's HTTP and sockets: the page cannot register again until it is back;
    // and what it sends stops, as a phone's media does when it loses its network.
    await customerContext().setOffline(true);
    await onCustomer(() => window.sightlineCustomerCall!.pauseSending(true));
    await onCustomer(() => window.sightlineCustomerCall!.closeSignalling());
    const s = await expectStep('dropped');
    expect(s.recording).toBe('true');
    expect(s.recordingNote).toMatch(/recording goes on/);
    await shoot('dropped');
    await expectAccessible(page(), 'console call, customer dropped');
  });

  it('the link breaks too: reconnecting everywhere; the customer comes back: recovered, connected again', async () => {
    await page().evaluate(() => window.sightlineIceFault?.breakAll());
    await expectStep('reconnecting');
    await expectAccessible(page(), 'console call, reconnecting');
    await customerContext().setOffline(false);
    await onCustomer(() => window.sightlineCustomerCall!.pauseSending(false));
    const s = await expectStep('connected', (x) => x.recovered === 'true', 90_000);
    expect(s.status).toBe('In call');
    await journey.assessor.waitForLiveVideo();
    await expectStep('connected', (x) => x.word !== 'Measuring…' && x.recording === 'true');
  });

  it('the customer hangs up: "Call ended by the customer", no reconnecting', async () => {
    await journey.customer.page.getByTestId('call-hang-up').click();
    await journey.customer.callPage('left');
    const s = await expectStep('ended');
    expect(s.status).toBe('Call ended by the customer');
    expect(s.endedBy).toBe('customer');
    expect(s.caption).toBe('The customer ended the call.');
    await expect.poll(async () => (await readConsoleCall(page())).recording).toBe('false');
    // Nothing tries to bring the call back.
    await page().waitForTimeout(3000);
    expect(states(await consoleCallLog(page(), mark))).toEqual([]);
    expect((await readConsoleCall(page())).state).toBe('ended');
    await expectAccessible(page(), 'console call, ended by the customer');
  });

  it('the customer rejoins, the assessor calls again and hangs up: the customer’s page hears call-end and says the call ended', async () => {
    await journey.customer.page.getByTestId('call-rejoin').click();
    await journey.customer.callPage('waiting');
    await expect.poll(async () => (await readConsoleCall(page())).buttonDisabled, { timeout: 30_000 }).toBe(false);
    await page().getByTestId('connect').click();
    await expectStep('connected', (x) => x.endedBy === '');
    await page().getByTestId('hang-up').click();
    const s = await expectStep('ended');
    expect(s.status).toBe('Call ended');
    expect(s.caption).toBe('You ended the call.');
    const heard = () => onCustomer(() => window.sightlineCustomerCall!.received().some((m) => JSON.stringify(m).includes('"type":"call-end","by":"assessor"')));
    await expect.poll(heard, { timeout: 10_000 }).toBe(true);
    await journey.customer.page.locator('[data-testid="call-ended"][data-by="assessor"]').waitFor({ timeout: 10_000 });
  });
});
