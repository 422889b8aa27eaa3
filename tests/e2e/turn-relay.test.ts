// Journey: a call that can only go through the TURN relay. A real coturn on loopback, the server
// minting REST credentials for it (SIGHTLINE_TURN_URLS + SIGHTLINE_TURN_SECRET) and serving
// SIGHTLINE_ICE_POLICY=relay, which both pages apply themselves: video and data-channel messages
// arrive, and getStats on both ends shows a relay↔relay candidate pair. Then coturn is restarted with
// another secret: its 401 stops the call.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { CustomerPage } from './support/customer-page.ts';
import { startLiveCall, useJourney } from './support/journey.ts';
import { recordPageLog } from './support/launcher.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';
import { installPeerConnectionProbe, type PeerConnectionConfiguration, type SelectedPair } from './support/peer-connection-probe.ts';
import { startTurnServer, turnserverMissing, type TurnServer } from './support/turn-server.ts';

const SECRET = 'relay-journey-secret-0123456789';

const configurations = (page: Page): Promise<PeerConnectionConfiguration[]> => page.evaluate(() => window.sightlinePeerConnections!.configurations());
const selectedPairs = (page: Page): Promise<SelectedPair[]> => page.evaluate(() => window.sightlinePeerConnections!.selectedPairs());
const received = (page: Page): Promise<string[]> => page.evaluate(() => window.sightlinePeerConnections!.received());

/**
 * The REST usernames (`<expiry>:<peer id>`) coturn answered with `outcome`. A first request without
 * credentials is always refused with 401 (it carries the realm and nonce): those have no username.
 */
function turnUsers(log: string, outcome: 'success' | 'error 401'): string[] {
  const users = [...log.matchAll(/user <(\d+:[^>]+)>: incoming packet \S+ processed, (success|error 401)/g)].filter((m) => m[2] === outcome).map((m) => m[1]!);
  return [...new Set(users)];
}

describe.skipIf(!inLoopbackOnlyNamespace() || turnserverMissing() !== undefined)('a relay-only call through coturn', () => {
  let turn: TurnServer;
  const saved = { urls: process.env.SIGHTLINE_TURN_URLS, secret: process.env.SIGHTLINE_TURN_SECRET, policy: process.env.SIGHTLINE_ICE_POLICY };

  // Registered before the journey's hooks, so coturn runs before the server starts (and stops after
  // it): the journey's server takes its environment from this process.
  beforeAll(async () => {
    turn = await startTurnServer({ secret: SECRET });
    process.env.SIGHTLINE_TURN_URLS = turn.url;
    process.env.SIGHTLINE_TURN_SECRET = SECRET;
    process.env.SIGHTLINE_ICE_POLICY = 'relay';
  });
  afterAll(async () => {
    for (const [name, value] of [['SIGHTLINE_TURN_URLS', saved.urls], ['SIGHTLINE_TURN_SECRET', saved.secret], ['SIGHTLINE_ICE_POLICY', saved.policy]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (process.env.SIGHTLINE_E2E_VERBOSE) console.log(turn?.log());
    await turn?.stop();
  });

  const journey = useJourney({ console: { initScripts: [installPeerConnectionProbe] }, customer: { initScripts: [installPeerConnectionProbe] } });

  it('connects with the relay-only ICE policy the server serves, and video frames arrive at the console', async () => {
    await startLiveCall(journey, 'Relay-only inspection', 'Rita Relay');
    for (const page of [journey.assessor.page, journey.customer.page]) {
      const built = await configurations(page);
      expect(built.length).toBeGreaterThan(0);
      // Every connection the app built: the minted relay credential, and the policy from the server.
      for (const configuration of built) {
        expect(configuration).toEqual({ iceServers: [{ urls: [turn.url], username: expect.stringMatching(/^\d+:.+$/) }], iceTransportPolicy: 'relay' });
      }
    }
    const frames = await journey.assessor.page.evaluate(async () => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
      const first = video?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { first, later: video?.getVideoPlaybackQuality().totalVideoFrames ?? 0 };
    });
    expect(frames.later).toBeGreaterThan(frames.first);
    await expectAccessible(journey.assessor.page, 'console case in a relayed call');
    await expectAccessible(journey.customer.page, 'in a relayed call', { desktop: true });
  });

  it('data-channel messages cross the relay both ways', async () => {
    await journey.assessor.sendChat('Through the relay, please show the meter.');
    await expect.poll(async () => (await received(journey.customer.page)).some((m) => m.includes('Through the relay, please show the meter.'))).toBe(true);
    await journey.customer.openChat();
    await journey.customer.sendChat('Meter shown, also through the relay.');
    await journey.assessor.chatLine('customer', 'Meter shown, also through the relay.').waitFor();
    await expectAccessible(journey.customer.page, 'chat sheet in a relayed call', { desktop: true });
    expect((await received(journey.assessor.page)).some((m) => m.includes('Meter shown, also through the relay.'))).toBe(true);
  });

  it('getStats on both ends shows a relay↔relay selected candidate pair, allocated with their own credentials', async () => {
    for (const page of [journey.assessor.page, journey.customer.page]) {
      const pairs = (await selectedPairs(page)).filter((p) => p.connectionState === 'connected');
      // PeerJS gives the media and the data connection a peer connection each.
      expect(pairs.length).toBeGreaterThanOrEqual(2);
      for (const pair of pairs) expect(pair).toMatchObject({ local: 'relay', remote: 'relay' });
    }
    // coturn accepted exactly the usernames the server minted for the two pages.
    const minted = new Set<string>();
    for (const page of [journey.assessor.page, journey.customer.page]) {
      for (const { iceServers } of await configurations(page)) for (const server of iceServers) minted.add(server.username!);
    }
    expect(minted.size).toBe(2);
    expect(turnUsers(turn.log(), 'success').sort()).toEqual([...minted].sort());
  });

  it('with a secret coturn does not share, the relay-only call cannot connect (coturn answers 401)', async () => {
    await journey.assessor.page.getByTestId('hang-up').click();
    await journey.customer.callPage('ended');
    await expectAccessible(journey.customer.page, 'call ended', { desktop: true });
    await expectAccessible(journey.assessor.page, 'console case, call hung up');
    const port = turn.port;
    await turn.stop();
    turn = await startTurnServer({ secret: 'not-the-secret-sightline-was-given', port });

    await journey.assessor.page.getByTestId('back').click();
    const { caseId, joinUrl } = await journey.assessor.createCase('Relay refused', 'Rex Refused');
    // A page of its own: the join link differs only in its fragment, which would not reload the old one.
    await journey.customer.page.close();
    const customer = new CustomerPage(await journey.contexts[1]!.newPage());
    journey.logs.push(recordPageLog(customer.page, 'customer 2'));
    await customer.open(joinUrl);
    await customer.accept();
    await journey.assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await expectAccessible(journey.assessor.page, 'console case list, a customer waiting');
    await expectAccessible(customer.page, 'waiting for the assessor', { desktop: true });
    await journey.assessor.openCase(caseId);
    await journey.assessor.page.getByTestId('connect').click();

    // Both pages' minted usernames: the assessor's offer reaches the customer over signalling all the same.
    await expect.poll(() => turnUsers(turn.log(), 'error 401').length, { timeout: 15_000 }).toBe(2);
    expect(turnUsers(turn.log(), 'success')).toEqual([]);
    // Gathering ends with no candidate at all: relay-only ICE has nothing to pair.
    const gathered = (): Promise<string[][] | null> => journey.assessor.page.evaluate(() => window.sightlinePeerConnections!.gathered());
    await expect.poll(gathered, { timeout: 15_000 }).not.toBeNull();
    const candidates = await gathered();
    expect(candidates).toContainEqual([]);
    for (const list of candidates ?? []) expect(list).not.toContain('relay');
    expect(await journey.assessor.page.getByTestId('call-state').getAttribute('data-state')).not.toBe('connected');
    await expectAccessible(journey.assessor.page, 'console case, the relay refused the call');
  });
});
