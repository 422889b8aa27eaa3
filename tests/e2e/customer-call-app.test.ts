// Journey: the customer's page is a call app (issue #12). On a phone: consent names the organisation,
// the assessor, the retention and the privacy notice; a message typed while waiting reaches the
// console once it connects; the control bar mutes and turns the camera off (the console receives the
// media-state and its picture goes); a requested photo is confirmed as sent; the customer hangs up,
// sees "you left" with the camera stopped, rejoins; the assessor hangs up and the customer sees the
// ended screen, not "Waiting…". Guided capture alone is its own screen; on a desktop consent does not
// say "phone".
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectReflow, expectTouchTargets } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { CustomerPage } from './support/customer-page.ts';
import { receivedMessages, recordDataChannel } from './support/data-channel-record.ts';
import { newPeerContext, viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';

// Read by the server this journey starts.
process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';
process.env.SIGHTLINE_RETENTION_DAYS = '365';
process.env.SIGHTLINE_PRIVACY_URL = 'https://harbour.example/privacy';

declare global {
  interface Window {
    /** Every stream getUserMedia handed to the page (customer). */
    sightlineStreams?: MediaStream[];
  }
}

/** Keeps every camera/microphone stream the page opens, so the journey can see when they stop. */
function recordStreams(): void {
  const streams: MediaStream[] = [];
  window.sightlineStreams = streams;
  const devices = navigator.mediaDevices;
  const open = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    streams.push(stream);
    return stream;
  };
}

/** A phone with a front and a back camera and a torch (as Chrome on Android reports them): the page offers flip and torch too. */
function twoCamerasAndTorch(): void {
  const devices = navigator.mediaDevices;
  const list = devices.enumerateDevices.bind(devices);
  devices.enumerateDevices = async () => {
    const all = await list();
    const second = { deviceId: 'back', groupId: 'back', kind: 'videoinput', label: 'Back camera', toJSON: () => ({}) } as MediaDeviceInfo;
    return all.some((d) => d.kind === 'videoinput') ? [...all, second] : all;
  };
  const capabilities = MediaStreamTrack.prototype.getCapabilities;
  MediaStreamTrack.prototype.getCapabilities = function (this: MediaStreamTrack) {
    const own = capabilities.call(this);
    return this.kind === 'video' ? ({ ...own, torch: true } as MediaTrackCapabilities) : own;
  };
}

const liveTracks = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window.sightlineStreams ?? []).flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').map((t) => t.kind));

const lastMediaState = (page: Page): Promise<Record<string, unknown> | null> =>
  receivedMessages(page).then((messages) => messages.findLast((m) => m.type === 'media-state') ?? null);

describe('the customer’s call app', () => {
  const journey = useJourney({ console: { initScripts: [recordDataChannel] }, customer: { initScripts: [recordStreams] } });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  let caseId = '';
  /** A property case with a checklist, and a plain one opened on a desktop. */
  const other = { checklist: '', desktop: '' };

  it('consent on a phone names the organisation, the assessor, how long it is kept and the privacy notice', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    other.checklist = (await assessor.createCase('Water damage — kitchen ceiling', 'Sam Example', { checklist: 'property' })).joinUrl;
    other.desktop = (await assessor.createCase('Burst pipe — bathroom', 'Kim Example')).joinUrl;
    ({ caseId, joinUrl } = await assessor.createCase('Storm damage — garden fence and shed roof, north side', 'Dana Example'));
    await customer.open(joinUrl);
    const consent = customer.page.getByTestId('consent-screen');
    expect(await customer.page.getByTestId('consent-organisation').textContent()).toBe('Harbour Mutual');
    expect(await customer.page.getByTestId('consent-assessor').textContent()).toBe('Administrator');
    expect(await customer.page.getByTestId('consent-retention').textContent()).toContain('Kept for one year after a decision on your case');
    expect(await customer.page.getByTestId('consent-privacy').getAttribute('href')).toBe('https://harbour.example/privacy');
    expect(await consent.textContent()).toContain('from this phone');
    await customer.page.screenshot({ path: path.join(shots, 'customer-consent.png'), fullPage: true, animations: 'disabled' });
    await expectAccessible(customer.page, 'consent', { desktop: true });
    await expectReflow(customer.page, 'consent');
    await expectTouchTargets(customer.page, 'consent');
  });

  it('a message typed while waiting is kept, and the console sees it once it connects', async () => {
    const { assessor, customer } = journey;
    await customer.accept();
    expect(await customer.page.getByTestId('waiting').textContent()).toContain('Waiting for Administrator');
    await customer.sendChat('Ready when you are — the fence is on the left.');
    await customer.page.locator('[data-testid="chat-line"][data-from="customer"]', { hasText: 'Ready when you are' }).filter({ hasNotText: 'sending' }).waitFor();
    await shoot(customer.page, 'customer-chat-waiting');
    await expectAccessible(customer.page, 'chat sheet while waiting', { desktop: true });
    await customer.closeChat();
    await shoot(customer.page, 'customer-waiting');
    await expectAccessible(customer.page, 'waiting', { desktop: true });
    await expectReflow(customer.page, 'waiting');
    // Reduced motion: the spinner stands still; more contrast: still no serious violation.
    await customer.page.emulateMedia({ reducedMotion: 'reduce', contrast: 'more' });
    expect(await customer.page.getByTestId('waiting').locator('.spinner').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await expectAccessible(customer.page, 'waiting, reduced motion and more contrast');
    await customer.page.emulateMedia({ reducedMotion: null, contrast: null });

    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await customer.callPage('in-call');
    await assessor.chatLine('customer', 'Ready when you are').waitFor();
  });

  it('the console is told the microphone and camera state on connect; a message while the chat is closed shows as unread', async () => {
    const { assessor, customer } = journey;
    await expect.poll(() => lastMediaState(assessor.page)).toMatchObject({ type: 'media-state', microphone: true, camera: true, torch: false });
    // The fake camera has no torch, and one camera: neither button is offered.
    expect(await customer.page.getByTestId('call-torch').count()).toBe(0);
    expect(await customer.page.getByTestId('call-flip').count()).toBe(0);
    await shoot(customer.page, 'customer-in-call');
    await customer.page.setViewportSize({ width: 1280, height: 800 });
    await shoot(customer.page, 'customer-in-call-desktop');
    await customer.page.setViewportSize(viewports.phone);
    await expectAccessible(customer.page, 'in call', { desktop: true });
    await expectReflow(customer.page, 'in call');
    await expectTouchTargets(customer.page, 'in call');

    await assessor.sendChat('Thanks Dana — could you step back a little?');
    await customer.page.getByTestId('chat-unread').filter({ hasText: '1' }).waitFor();
    await customer.openChat();
    await customer.chatLine('assessor', 'step back').waitFor();
    expect(await customer.page.getByTestId('chat-unread').count()).toBe(0);
    await shoot(customer.page, 'customer-chat');
    await expectAccessible(customer.page, 'chat sheet in call', { desktop: true });
    await expectTouchTargets(customer.page, 'chat sheet');
    await customer.closeChat();
  });

  it('mute and camera off reach the console: its media-state says so and its picture goes; the page says who hears what', async () => {
    const { assessor, customer } = journey;
    const mute = customer.page.getByTestId('call-mute');
    // The circle of a control that is off is white, also under the finger that just tapped it (it kept the grey of :hover).
    const circle = (control: typeof mute) => control.locator('.call-control-icon').evaluate((el) => getComputedStyle(el).backgroundColor);
    await mute.click();
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('true');
    expect(await circle(mute)).toBe('rgb(255, 255, 255)');
    await expect.poll(() => lastMediaState(assessor.page)).toMatchObject({ microphone: false, camera: true });

    const camera = customer.page.getByTestId('call-camera');
    await camera.click();
    await expect.poll(() => camera.getAttribute('aria-pressed')).toBe('true');
    expect(await circle(camera)).toBe('rgb(255, 255, 255)');
    await expect.poll(() => lastMediaState(assessor.page)).toMatchObject({ microphone: false, camera: false });
    await assessor.page.getByTestId('video-empty').waitFor();
    // Muted with the camera off, the note over the picture does not say the assessor hears them; unmuted, it does.
    const note = customer.page.getByTestId('camera-off-note');
    expect(await note.textContent()).toBe('Your camera and microphone are off');
    await mute.click();
    await expect.poll(() => note.textContent()).toBe('Your camera is off — your assessor hears you');

    await camera.click();
    await expect.poll(() => camera.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => lastMediaState(assessor.page)).toMatchObject({ microphone: true, camera: true });
    await assessor.waitForLiveVideo();
  });

  it('a photo the assessor takes is confirmed as sent, and "taking a photo" goes away', async () => {
    const { assessor, customer } = journey;
    await assessor.page.getByTestId('request-photo').click();
    const sent = customer.page.getByTestId('photo-sent');
    // A handle keeps the element readable after the confirmation has gone.
    const confirmation = await sent.elementHandle();
    expect(await customer.page.getByTestId('snapshot-busy').count()).toBe(0);
    const still = await assessor.waitForEvidence('device-still');
    expect(await confirmation?.getAttribute('data-evidence-id')).toBe(still.id);
    expect(await customer.page.getByTestId('toast-info').count()).toBe(0);
    expect(await customer.evidenceCount()).toBe(1);
    await sent.waitFor({ state: 'detached' });
    await confirmation?.dispose();
  });

  it('the customer hangs up: "you left", camera and microphone stopped, and can rejoin', async () => {
    const { assessor, customer } = journey;
    await customer.page.getByTestId('call-hang-up').click();
    await customer.callPage('left');
    expect(await customer.page.getByTestId('call-ended').textContent()).toContain('You left the call');
    await expect.poll(() => liveTracks(customer.page)).toEqual([]);
    await expect.poll(() => receivedMessages(assessor.page).then((messages) => messages.some((m) => m.type === 'call-end' && m.by === 'customer'))).toBe(true);
    // "If that was a mistake, join again": Rejoin is on the phone's screen, above the survey (it was below it, off the screen).
    await customer.page.getByTestId('survey').waitFor();
    const rejoin = (await customer.page.getByTestId('call-rejoin').boundingBox())!;
    expect(rejoin.y + rejoin.height).toBeLessThanOrEqual(viewports.phone.height);
    expect(rejoin.y + rejoin.height).toBeLessThanOrEqual((await customer.page.getByTestId('survey').boundingBox())!.y);
    await expectAccessible(customer.page, 'you left', { desktop: true });

    await customer.page.getByTestId('call-rejoin').click();
    // Back on the call page with a fresh camera (the console may already be calling again).
    await customer.page.locator(':is([data-state="waiting"], [data-state="connecting"], [data-state="in-call"])[data-testid="customer-call"]').waitFor();
    expect((await liveTracks(customer.page)).sort()).toEqual(['audio', 'video']);
  });

  it('the assessor hangs up: the customer sees "Call ended — thank you", not "Waiting…", with the camera stopped', async () => {
    const { assessor, customer } = journey;
    // The console may still be calling the customer back after the hang-up; else connect again.
    const connect = assessor.page.getByTestId('connect');
    await Promise.race([customer.callPage('in-call'), connect.waitFor()]);
    if ((await customer.page.locator('[data-testid="customer-call"][data-state="in-call"]').count()) === 0) await connect.click();
    await customer.callPage('in-call');
    await assessor.waitForLiveVideo();
    await assessor.page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    const ended = customer.page.getByTestId('call-ended');
    expect(await ended.textContent()).toContain('Call ended — thank you');
    expect(await customer.page.getByTestId('waiting').count()).toBe(0);
    await expect.poll(() => liveTracks(customer.page)).toEqual([]);
    expect(await customer.page.getByTestId('call-rejoin').isVisible()).toBe(true);
    // Each rating's word on one line, with room inside its button (at 390 px "Very poor" wrapped and "Excellent" touched the edges).
    await customer.page.getByTestId('survey').waitFor();
    const words = await customer.page.locator('.survey-choice').evaluateAll((choices) => choices.map((choice) => {
      const word = choice.querySelector('.survey-word')!;
      const box = choice.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(word);
      const text = range.getBoundingClientRect();
      return { word: word.textContent, lines: range.getClientRects().length, room: Math.min(text.left - box.left, box.right - text.right) };
    }));
    expect(words.map((w) => w.word)).toEqual(['Very poor', 'Poor', 'OK', 'Good', 'Excellent']);
    for (const w of words) {
      expect(w.lines, `lines of ${w.word}`).toBe(1);
      expect(w.room, `room beside ${w.word}`).toBeGreaterThanOrEqual(8);
    }
    await shoot(customer.page, 'customer-ended');
    await expectAccessible(customer.page, 'call ended', { desktop: true });
    await expectReflow(customer.page, 'call ended');
    await expectTouchTargets(customer.page, 'call ended');
  });

  it('on a phone with two cameras and a torch, the seven controls show each caption whole on one line, side by side, inside the screen', async () => {
    const context = await newPeerContext(journey.browser, { viewport: viewports.phone, mobile: true });
    try {
      await context.addInitScript(twoCamerasAndTorch);
      const created = await journey.assessor.page.request.post(`${journey.server.url}/api/cases`, { data: { title: 'Hail damage — car roof', customerName: 'Jo Example' } });
      expect(created.status()).toBe(201);
      const page = new CustomerPage(await context.newPage());
      await page.open(((await created.json()) as { joinUrl: string }).joinUrl);
      await page.accept();
      await page.page.getByTestId('call-flip').waitFor();
      await page.page.getByTestId('call-torch').waitFor();
      // In equal shares of 390 px, "Camera" and "Captions" were cut inside the word ("Camer|a", "Captio|ns").
      for (const muted of [false, true]) {
        if (muted) await page.page.getByTestId('call-mute').click();
        const captions = await page.page.locator('.call-control-caption').evaluateAll((spans) => spans.map((span) => {
          const range = document.createRange();
          range.selectNodeContents(span);
          const box = range.getBoundingClientRect();
          return { text: span.textContent, lines: range.getClientRects().length, left: box.left, right: box.right };
        }));
        // A caption names its control whatever its state, as on a phone's call screen: the state is in its look and label.
        expect(captions.map((c) => c.text)).toEqual(['Mute', 'Camera', 'Flip', 'Torch', 'Captions', 'Chat', 'Leave']);
        expect(await page.page.getByTestId('call-mute').getAttribute('aria-label')).toBe(muted ? 'Unmute microphone' : 'Mute microphone');
        for (const [i, c] of captions.entries()) {
          expect(c.lines, `lines of ${c.text}`).toBe(1);
          expect(c.left, `${c.text} inside the screen`).toBeGreaterThanOrEqual(0);
          expect(c.right, `${c.text} inside the screen`).toBeLessThanOrEqual(viewports.phone.width);
          if (i > 0) expect(c.left, `${c.text} clear of ${captions[i - 1]!.text}`).toBeGreaterThan(captions[i - 1]!.right);
        }
        await expectTouchTargets(page.page, `seven controls${muted ? ', muted' : ''}`);
      }
      await expectReflow(page.page, 'seven controls');
      // Turning the camera off leaves the bar where it was, under the finger ("Camera off" wrapped and raised
      // it, and the torch went): Flip and Torch stay, unavailable until the camera is back.
      const bar = page.page.locator('.call-controls');
      const before = await bar.boundingBox();
      await page.page.getByTestId('call-camera').click();
      await page.page.locator('[data-testid="call-camera"][aria-pressed="true"]').waitFor();
      expect(await bar.boundingBox()).toEqual(before);
      for (const id of ['call-flip', 'call-torch']) expect(await page.page.getByTestId(id).isDisabled(), id).toBe(true);
      // Choosing text in the mode bar opens the chat, ready to type: text only has nowhere else to go.
      await page.page.getByTestId('mode-text').click();
      await page.page.getByTestId('chat-sheet').waitFor();
      await expect.poll(() => page.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chat-input');
      await page.page.getByTestId('chat-close').click();
      await page.page.getByTestId('text-open-chat').click();
      await page.page.getByTestId('chat-sheet').waitFor();
    } finally {
      await context.close();
    }
  });

  it('guided capture alone is its own screen, not "Waiting for your assessor…"', async () => {
    const context = await newPeerContext(journey.browser, { viewport: viewports.phone, mobile: true });
    try {
      const page = new CustomerPage(await context.newPage());
      await page.open(other.checklist);
      await page.accept();
      await page.page.getByTestId('guided-capture').waitFor();
      expect(await page.page.getByTestId('waiting').count()).toBe(0);
      expect(await page.page.getByTestId('customer-call').textContent()).not.toContain('Waiting for');
      expect(await page.checklistItem()).toMatchObject({ id: 'room-overview', status: 'pending' });
      await expectAccessible(page.page, 'guided capture alone', { desktop: true });
    } finally {
      await context.close();
    }
  });

  it('on a desktop, consent speaks of this device, not a phone', async () => {
    const context = await newPeerContext(journey.browser, { viewport: viewports.desktop });
    try {
      const page = await context.newPage();
      await page.goto(other.desktop);
      const consent = page.getByTestId('consent-screen');
      await consent.waitFor();
      const text = (await consent.textContent()) ?? '';
      expect(text).toContain('from this device');
      expect(text.toLowerCase()).not.toContain('phone');
      await expectAccessible(page, 'consent on a desktop');
    } finally {
      await context.close();
    }
  });

  it('in Simplified Chinese (&lang=zh-CN) consent and guided capture pass axe too, and consent reflows at 200 %', async () => {
    const context = await newPeerContext(journey.browser, { viewport: viewports.phone, mobile: true });
    try {
      const created = await journey.assessor.page.request.post(`${journey.server.url}/api/cases`, { data: { title: 'Water damage — hallway', customerName: 'Li Wei', checklist: 'property' } });
      expect(created.status()).toBe(201);
      const { joinUrl } = (await created.json()) as { joinUrl: string };
      const page = new CustomerPage(await context.newPage());
      await page.open(`${joinUrl}&lang=zh-CN`);
      expect(await page.page.getAttribute('html', 'lang')).toBe('zh-CN');
      await expectAccessible(page.page, 'consent in Chinese', { desktop: true });
      await expectReflow(page.page, 'consent in Chinese');
      await page.accept();
      await page.page.getByTestId('guided-capture').waitFor();
      await expectAccessible(page.page, 'guided capture in Chinese', { desktop: true });
    } finally {
      await context.close();
    }
  });
});
