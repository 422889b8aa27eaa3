// Journey: channels that move with consent (issue 14). A customer who chose text at the front door starts
// in text — no camera asked for — and an assessor takes them from the queue. (b) The assessor proposes
// video with a reason; the customer reads it and declines: the mode stays text, no picture reaches the
// console, and the ledger has the proposal and the answer but no switch. (a) The assessor proposes again;
// the customer accepts: the camera opens, video frames reach the console, and the ledger has proposed,
// answered(true) and switched(text → camera) naming the proposal. The chat survives both. A customer who
// chose voice starts with the microphone only and moves to the camera on their own: a switch, no proposal.
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

/** Counts the page's requests for the camera or microphone. */
function countMediaRequests(): void {
  const counter = { calls: 0 };
  (window as unknown as { __media: typeof counter }).__media = counter;
  const devices = navigator.mediaDevices;
  if (!devices) return;
  const open = devices.getUserMedia.bind(devices);
  devices.getUserMedia = (constraints) => {
    counter.calls += 1;
    return open(constraints);
  };
}

type Entry = { type: string; payload: Record<string, unknown> };

describe('a channel switch proposed by the assessor, with the customer’s consent', () => {
  const journey = useJourney({ customer: { initScripts: [countMediaRequests] } });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  let caseId = '';
  /** The queue entry the assessor is serving. */
  let entryId = '';

  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown, headers?: Record<string, string>) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}), ...(headers ? { headers } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }
  const channelEntries = async (): Promise<Entry[]> =>
    ((await call(journey.assessor.page.request, 'GET', `/api/cases/${caseId}/ledger`, 200)).entries as Entry[]).filter((e) => e.type.startsWith('channel.'));
  const mediaRequests = (): Promise<number> => journey.customer.page.evaluate(() => (window as unknown as { __media: { calls: number } }).__media.calls);
  /** The console's remote picture: its size and whether any pixel is lit. */
  const consolePicture = (): Promise<{ width: number; lit: boolean }> =>
    journey.assessor.page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
      if (!video || video.videoWidth === 0) return { width: 0, lit: false };
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 36;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let lit = false;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) > 60) lit = true;
      return { width: video.videoWidth, lit };
    });

  async function propose(reason: string): Promise<void> {
    const desk = journey.assessor.page;
    await desk.getByTestId('mode-request-select').selectOption('camera');
    await expect(desk.getByTestId('mode-request-reason').inputValue()).resolves.toBe('so I can see the damage');
    await desk.getByTestId('mode-request-reason').fill(reason);
    await desk.getByTestId('mode-request-send').click();
    await desk.locator('[data-testid="mode-answer"][data-status="waiting"]').waitFor();
  }

  it('starts a customer who chose text in text, without asking for the camera', async () => {
    const { assessor, customer, server } = journey;
    const desk = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const me = (await call(desk.request, 'GET', '/api/me', 200)).user;
    await call(desk.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { complaints: 3, claims: 3, service: 3 }, capacity: { video: 1, voice: 1, text: 3 } });

    const intake = await call(customer.page.request, 'POST', '/api/intake', 201, { service: 'claim', intent: 'Water came through my kitchen ceiling last night', channel: 'text', customerName: 'Sam Ortiz' });
    caseId = intake.caseId;
    await call(customer.page.request, 'POST', '/api/join/hand-off', 200, {}, { authorization: `Bearer ${intake.joinToken}` });
    await desk.getByTestId('status-picker').click();
    await desk.getByRole('menuitemradio', { name: /Available/ }).click();
    const card = desk.getByTestId('offer-card');
    await card.waitFor();
    entryId = (await card.getAttribute('data-entry-id'))!;
    await card.getByTestId('offer-accept').click();
    await desk.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();

    await customer.open(intake.joinUrl);
    await customer.accept();
    await expect(customer.page.getByTestId('customer-call').getAttribute('data-mode')).resolves.toBe('text');
    expect(await mediaRequests()).toBe(0);
    await expectAccessible(customer.page, 'call in text', { desktop: true });
    // Text only is a chat: the note that says so offers where to type.
    await customer.page.getByTestId('text-open-chat').click();
    await customer.page.getByTestId('chat-sheet').waitFor();
    await customer.sendChat('The stain is about a metre wide.');
    await expectAccessible(customer.page, 'chat sheet in a text call', { desktop: true });
    await customer.closeChat();

    await assessor.connect();
    await desk.locator('[data-testid="customer-mode"][data-mode="text"]').waitFor();
    await assessor.chatLine('customer', 'The stain is about a metre wide.').waitFor();
    await expectAccessible(desk, 'console case in a text call');
  });

  it('a declined proposal leaves the channel as it was: still text, no picture, no switch in the ledger', async () => {
    const { assessor, customer } = journey;
    const phone = customer.page;
    await propose('so I can see the damage to the ceiling');
    const prompt = phone.getByTestId('mode-request');
    await prompt.waitFor();
    await expect(prompt.getByTestId('mode-request-reason').textContent()).resolves.toBe('so I can see the damage to the ceiling');
    await expectAccessible(assessor.page, 'console waiting for the customer’s answer to a proposed switch');
    await expectAccessible(phone, 'switch to the camera proposed', { desktop: true });
    await prompt.getByTestId('mode-request-decline').click();
    await assessor.page.locator('[data-testid="mode-answer"][data-status="declined"]').waitFor();
    await expect(assessor.modeAnswer().textContent()).resolves.toContain('declined');
    await expectAccessible(assessor.page, 'console, the proposed switch declined');
    await expect(prompt.count()).resolves.toBe(0);

    // The answer is recorded (the page sends it after the prompt closes): wait for it, then look for a picture.
    await expect.poll(async () => (await channelEntries()).map((e) => e.type), { timeout: 10_000 }).toEqual(['channel.proposed', 'channel.answered']);
    await phone.waitForTimeout(2000);
    await expect(phone.getByTestId('customer-call').getAttribute('data-mode')).resolves.toBe('text');
    await expect(assessor.page.getByTestId('customer-mode').getAttribute('data-mode')).resolves.toBe('text');
    expect(await consolePicture()).toEqual({ width: 0, lit: false });
    expect(await mediaRequests()).toBe(0);
    const [proposed, answered] = await channelEntries();
    expect(proposed!.payload).toMatchObject({ from: 'text', to: 'camera', reason: 'so I can see the damage to the ceiling' });
    expect(answered!.payload).toEqual({ proposalId: proposed!.payload.proposalId, accepted: false });
  });

  it('an accepted proposal switches text → camera: the console sees the video, the ledger has the consent and the switch', async () => {
    const { assessor, customer } = journey;
    const phone = customer.page;
    await propose('so I can see the damage');
    const prompt = phone.getByTestId('mode-request');
    await prompt.waitFor();
    await expect(prompt.getByTestId('mode-request-reason').textContent()).resolves.toBe('so I can see the damage');
    // The call header offers the language, as every customer screen does.
    expect(await phone.locator('.call-app-top').getByTestId('language-switch').isVisible()).toBe(true);
    // Each control's caption within its own control ("Camera off" ran into "Captions" at 390 px).
    const spill = await phone.locator('.call-control').evaluateAll((controls) => controls.map((control) => {
      const caption = control.querySelector('.call-control-caption')!;
      const range = document.createRange();
      range.selectNodeContents(caption);
      const box = control.getBoundingClientRect();
      const text = range.getBoundingClientRect();
      return { caption: caption.textContent, out: Math.max(box.left - text.left, text.right - box.right) };
    }));
    expect(spill.map((c) => c.caption)).toContain('Captions');
    for (const c of spill) expect(c.out, `caption ${c.caption} spills`).toBeLessThanOrEqual(0);
    // The answers on their own row under the question, not run into its last line.
    const question = await prompt.getByTestId('mode-request-reason').boundingBox();
    const switchButton = await prompt.getByTestId('mode-request-accept').boundingBox();
    expect(switchButton!.y).toBeGreaterThan(question!.y + question!.height);
    expect(switchButton!.x - (await prompt.boundingBox())!.x).toBeLessThan(40);
    await shoot(phone, 'channel-proposal-phone');
    await prompt.getByTestId('mode-request-accept').click();

    await phone.locator('[data-testid="customer-call"][data-mode="camera"]').waitFor();
    await assessor.page.locator('[data-testid="mode-answer"][data-status="accepted"]').waitFor();
    await assessor.waitForLiveVideo();
    await assessor.page.locator('[data-testid="customer-mode"][data-mode="camera"]').waitFor();
    expect(await mediaRequests()).toBe(1);

    await expect.poll(async () => (await channelEntries()).length, { timeout: 10_000 }).toBe(5);
    const entries = await channelEntries();
    const [second, answer, switched] = entries.slice(2);
    expect(second!.type).toBe('channel.proposed');
    expect(answer).toMatchObject({ type: 'channel.answered', payload: { proposalId: second!.payload.proposalId, accepted: true } });
    expect(switched).toMatchObject({ type: 'channel.switched', payload: { from: 'text', to: 'camera', proposalId: second!.payload.proposalId } });

    // The chat from before the switch is still there on both sides.
    await customer.openChat();
    await customer.chatLine('customer', 'The stain is about a metre wide.').waitFor();
    await assessor.chatLine('customer', 'The stain is about a metre wide.').waitFor();
    await expectAccessible(assessor.page, 'console, switched to the camera');
    await assessor.page.screenshot({ path: path.join(shots, 'channel-switched-console.png'), animations: 'disabled' });
  });

  it('a customer who chose voice starts with the microphone only, and switches to the camera on their own (a switch with no proposal)', async () => {
    const { assessor, customer } = journey;
    const desk = assessor.page;
    // The session is over: the assessor hangs up and finishes it, and the desk is free for the next
    // customer (someone still in a call is offered no one).
    await desk.getByTestId('hang-up').click();
    await customer.callPage('ended');
    await call(desk.request, 'POST', `/api/queue/${entryId}/finish`, 200, {});
    const intake = await call(customer.page.request, 'POST', '/api/intake', 201, { service: 'claim', intent: 'A tree fell on my garage roof', channel: 'voice', customerName: 'Ana Ruiz' });
    caseId = intake.caseId;
    await call(customer.page.request, 'POST', '/api/join/hand-off', 200, {}, { authorization: `Bearer ${intake.joinToken}` });
    const card = desk.getByTestId('offer-card');
    await card.waitFor();
    await card.getByTestId('offer-accept').click();
    await desk.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();

    const phone = customer.page;
    // A join link differs from the last one only after '#': leave the page first, so it loads anew.
    await phone.goto('about:blank');
    await customer.open(intake.joinUrl);
    await customer.accept();
    await expect(phone.getByTestId('customer-call').getAttribute('data-mode')).resolves.toBe('voice');
    expect(await mediaRequests()).toBe(1);
    await assessor.connect();
    await desk.locator('[data-testid="customer-mode"][data-mode="voice"]').waitFor();
    expect((await consolePicture()).lit).toBe(false);
    await expectAccessible(phone, 'call in voice', { desktop: true });
    await expectAccessible(desk, 'console case in a voice call');

    await phone.getByTestId('mode-camera').click();
    await phone.locator('[data-testid="customer-call"][data-mode="camera"]').waitFor();
    await assessor.waitForLiveVideo();
    await desk.locator('[data-testid="customer-mode"][data-mode="camera"]').waitFor();
    await expect.poll(async () => (await channelEntries()).map((e) => [e.type, e.payload.from, e.payload.to, e.payload.proposalId]), { timeout: 10_000 })
      .toEqual([['channel.switched', 'voice', 'camera', null]]);
  });
});
