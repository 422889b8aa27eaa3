// Journey: a third participant in a live call (issue 14), three pages in their own contexts — the
// customer's phone, the assessor's console, and an expert's or a supervisor's console. Each page's
// microphone is an oscillator at its own pitch, so what a page receives tells whose voice reached it.
// The assessor invites an expert, who joins, receives the customer's camera (frames, not black) through
// the assessor's console, is heard by both and chats with the assessor, and the customer's page shows
// their line under their name. A supervisor listens (nobody hears them), whispers (the assessor's page
// receives their pitch, the customer's does not; their chat line reaches the assessor alone), then barges
// in (the customer's page receives their voice and their next line).
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { ConsolePage } from './support/console-page.ts';
import { startLiveCall, useJourney } from './support/journey.ts';
import { newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';
import { repoRoot } from './support/server.ts';

/** Each page's microphone pitch, Hz: far apart, and none a harmonic of another. */
const TONE = { customer: 470, assessor: 730, third: 1330 };
const PASSWORD = 'a long enough password';
const EXPERT = { name: 'Ines Duarte', email: 'ines@example.test', password: PASSWORD, role: 'expert' };
const SUPERVISOR = { name: 'Sam Okafor', email: 'sam@example.test', password: PASSWORD, role: 'supervisor' };

/** Init script: getUserMedia answers audio with an oscillator at `hz` (video still from the fake device). */
function installToneMicrophone(hz: number): void {
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices) return;
  const original = devices.getUserMedia.bind(devices);
  let context: AudioContext | null = null;
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    const stream = constraints?.video ? await original({ video: constraints.video }) : new MediaStream();
    if (constraints?.audio) {
      context ??= new AudioContext();
      const oscillator = context.createOscillator();
      oscillator.frequency.value = hz;
      const gain = context.createGain();
      gain.gain.value = 0.3;
      const destination = context.createMediaStreamDestination();
      oscillator.connect(gain).connect(destination);
      oscillator.start();
      stream.addTrack(destination.stream.getAudioTracks()[0]!);
    }
    return stream;
  };
}

/** Every level measured, for the log: which page, which element, which pitch, dB. */
const measured: string[] = [];

/**
 * The level (dB, as an AnalyserNode reports it; a full-scale sine is near 0) at the pitch `hz` in the
 * audio a media element receives, averaged over about a second. Each microphone's oscillator arrives
 * near -30 dB; a pitch that is not in the audio stays below -110 dB.
 */
async function toneLevel(page: Page, selector: string, hz: number): Promise<number> {
  const level = await page.evaluate(
    async ([sel, pitch]) => {
      const element = document.querySelector<HTMLMediaElement>(sel);
      const stream = element?.srcObject;
      if (!(stream instanceof MediaStream) || stream.getAudioTracks().length === 0) return -200;
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 4096;
      context.createMediaStreamSource(new MediaStream(stream.getAudioTracks())).connect(analyser);
      const bins = new Float32Array(analyser.frequencyBinCount);
      const at = Math.round(pitch / (context.sampleRate / analyser.fftSize));
      let sum = 0;
      const rounds = 8;
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let round = 0; round < rounds; round++) {
        await new Promise((resolve) => setTimeout(resolve, 120));
        analyser.getFloatFrequencyData(bins);
        const peak = Math.max(bins[at - 1]!, bins[at]!, bins[at + 1]!);
        sum += Number.isFinite(peak) ? Math.max(peak, -200) : -200;
      }
      await context.close();
      return sum / rounds;
    },
    [selector, hz] as const,
  );
  measured.push(`${selector} @${hz} Hz: ${level.toFixed(1)} dB`);
  return level;
}

/** Heard: the pitch stands far above anything a codec or a mix leaks (measured: heard about -30 dB, not heard -116 to -155 dB). */
const HEARD_DB = -50;
const NOT_HEARD_DB = -80;

/** Whether a video element shows frames that are not black. */
const framesLit = (page: Page, selector: string) =>
  page.waitForFunction(
    (sel) => {
      const video = document.querySelector<HTMLVideoElement>(sel);
      if (!video || video.videoWidth === 0 || video.readyState < 2) return false;
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 90;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let lit = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! > 60) lit++;
      return lit / (data.length / 4) > 0.05;
    },
    selector,
    { timeout: 45_000, polling: 250 },
  );

describe.skipIf(!inLoopbackOnlyNamespace())('a third participant in a live call', () => {
  afterAll(() => console.log(['levels measured:', ...measured].join('\n  ')));
  let thirdContext: BrowserContext;
  let third: ConsolePage;
  const journey = useJourney({
    setup: async (j) => {
      await j.contexts[0]!.addInitScript(installToneMicrophone, TONE.assessor);
      await j.contexts[1]!.addInitScript(installToneMicrophone, TONE.customer);
      thirdContext = await newPeerContext(j.browser, { viewport: viewports.desktop });
      await thirdContext.addInitScript(installToneMicrophone, TONE.third);
      j.contexts.push(thirdContext);
      third = new ConsolePage(await thirdContext.newPage());
      j.logs.push(recordPageLog(third.page, 'third'));
    },
  });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  let caseId = '';

  async function call(request: APIRequestContext, method: 'GET' | 'POST', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return response.json();
  }

  async function openAs(user: { email: string; password: string }): Promise<void> {
    await third.login(journey.server.url, user.email, user.password);
    await third.page.goto(`${journey.server.url}/#/cases/${caseId}`);
    await third.page.getByTestId('participant-stage').waitFor();
  }

  /** The participant's tile on the assessor's console; `attributes` narrows it, e.g. '[data-mode="whisper"]'. */
  const tile = (userId: string, attributes = '') => journey.assessor.page.locator(`[data-testid="participant-tile"][data-user="${userId}"]${attributes}`);

  it('an invited expert joins and sees the customer’s video, forwarded by the assessor’s console', async () => {
    const assessorPage = journey.assessor.page;
    ({ caseId } = await startLiveCall(journey, 'Leaking dishwasher', 'Dana Whitfield'));
    const expert = (await call(assessorPage.request, 'POST', '/api/users', 201, EXPERT)).user;
    await call(assessorPage.request, 'POST', '/api/users', 201, SUPERVISOR);
    // The assessor invites the expert from the case view.
    await assessorPage.getByTestId('invite-expert-open').click();
    await assessorPage.getByTestId('invite-expert-choice').selectOption(expert.id);
    await expectAccessible(assessorPage, 'console case in a call, inviting an expert');
    await assessorPage.getByTestId('invite-expert-submit').click();
    await assessorPage.getByTestId('invited-list').filter({ hasText: EXPERT.name }).waitFor();

    await openAs(EXPERT);
    await expectAccessible(third.page, 'expert\'s console, the case before joining');
    await third.page.getByTestId('participant-join').click();
    await framesLit(third.page, '[data-testid="forwarded-video"]');
    await third.page.locator('[data-testid="participant-stage"][data-state="connected"]').waitFor();
    // The assessor sees the expert's camera and hears them; the expert hears the customer.
    await tile(expert.id, '[data-connected="true"]').waitFor();
    await framesLit(assessorPage, `[data-testid="participant-tile"][data-user="${expert.id}"] video`);
    expect(await toneLevel(third.page, '[data-testid="forwarded-video"]', TONE.customer)).toBeGreaterThan(HEARD_DB);
    // In full, the expert is heard by both: the assessor's console plays them, the customer's page receives them.
    await expect.poll(() => toneLevel(assessorPage, `[data-testid="participant-tile"][data-user="${expert.id}"] video`, TONE.third), { timeout: 10_000 }).toBeGreaterThan(HEARD_DB);
    await expect.poll(() => toneLevel(journey.customer.page, '[data-testid="remote-audio"]', TONE.third), { timeout: 10_000 }).toBeGreaterThan(HEARD_DB);
    await expect(third.page.getByTestId('participant-status').textContent()).resolves.toContain('the assessor and the customer hear you');
    // Chat: the expert's line reaches the assessor's console live, and the assessor's the expert's.
    await third.sendChat('The door gasket is perished: replace it.');
    await journey.assessor.chatLine('assessor', 'The door gasket is perished').waitFor();
    await journey.assessor.sendChat('Thanks, ordering one now.');
    await third.chatLine('assessor', 'ordering one now').waitFor();
    await expectAccessible(third.page, 'expert\'s console, joined, with the chat');
    await expectAccessible(assessorPage, 'console case with the expert\'s tile and line');
    // Each page names the writer: the viewer's own as You, the others by name and part.
    const author = (line: ReturnType<ConsolePage['chatLine']>) => line.getByTestId('chat-author').textContent();
    await expect(author(journey.assessor.chatLine('assessor', 'The door gasket is perished'))).resolves.toContain(`${EXPERT.name} · Expert`);
    await expect(author(journey.assessor.chatLine('assessor', 'ordering one now'))).resolves.toMatch(/^You · /);
    await expect(author(third.chatLine('assessor', 'The door gasket is perished'))).resolves.toMatch(/^You · /);
    await expect(author(third.chatLine('assessor', 'ordering one now'))).resolves.toContain('· Assessor');
    // The customer's page gets the expert's line through the assessor's console, under the expert's name.
    const customer = journey.customer;
    await customer.openChat();
    const expertLine = customer.chatLine('assessor', 'The door gasket is perished');
    await expertLine.waitFor();
    await expect(expertLine.getByTestId('chat-author').textContent()).resolves.toContain(`${EXPERT.name} · Expert`);
    await expect(customer.chatLine('assessor', 'ordering one now').getByTestId('chat-author').textContent()).resolves.toMatch(/^Assessor · /);
    await expectAccessible(customer.page, 'chat sheet with an expert\'s line', { desktop: true });
    await customer.closeChat();
    // The expert has no Measure or annotation tools: the panel says who places them, and the chat whom a line reaches.
    await expect(third.page.getByTestId('measurements-empty').textContent()).resolves.toBe('None yet: the assessor measures on the live picture.');
    await expect(third.page.getByTestId('annotations-empty').textContent()).resolves.toBe('None yet: the assessor marks up the live picture.');
    await expect(third.page.getByTestId('chat-hint').textContent()).resolves.toBe('Everyone in the call reads your messages.');
    expect(await third.page.getByTestId('chat-input').evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(true);
    await shoot(third.page, 'third-expert-1440');

    await third.page.getByTestId('participant-leave').click();
    await tile(expert.id).waitFor({ state: 'detached' });
    const kinds = (await call(assessorPage.request, 'GET', `/api/cases/${caseId}/ledger`, 200)).entries.map((e: { type: string }) => e.type).filter((t: string) => t.startsWith('participant.'));
    expect(kinds).toEqual(['participant.joined', 'participant.left']);
    await third.page.getByTestId('logout').click();
  });

  it('a supervisor listens, whispers (only the assessor hears), then barges in (the customer hears too)', async () => {
    const assessorPage = journey.assessor.page;
    const customerPage = journey.customer.page;
    await openAs(SUPERVISOR);
    const me = (await call(third.page.request, 'GET', '/api/me', 200)).user;
    const tileVideo = `[data-testid="participant-tile"][data-user="${me.id}"] video`;

    await third.page.getByTestId('participant-listen').click();
    await third.page.locator('[data-testid="participant-stage"][data-state="connected"]').waitFor();
    await tile(me.id, '[data-mode="listen"]').waitFor();
    await framesLit(third.page, '[data-testid="forwarded-video"]');
    await expectAccessible(third.page, 'supervisor\'s console, listening');
    // Listening: the supervisor hears the call; their microphone sends silence and the console does not play it.
    expect(await toneLevel(third.page, '[data-testid="forwarded-video"]', TONE.customer)).toBeGreaterThan(HEARD_DB);
    expect(await toneLevel(third.page, '[data-testid="forwarded-video"]', TONE.assessor)).toBeGreaterThan(HEARD_DB);
    expect(await toneLevel(assessorPage, tileVideo, TONE.third)).toBeLessThan(NOT_HEARD_DB);
    expect(await assessorPage.locator(tileVideo).evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    expect(await toneLevel(customerPage, '[data-testid="remote-audio"]', TONE.third)).toBeLessThan(NOT_HEARD_DB);

    await third.page.getByTestId('participant-whisper').click();
    await tile(me.id, '[data-mode="whisper"]').waitFor();
    await expect.poll(() => toneLevel(assessorPage, tileVideo, TONE.third), { timeout: 10_000 }).toBeGreaterThan(HEARD_DB);
    expect(await assessorPage.locator(tileVideo).evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
    await expect(tile(me.id).getByTestId('participant-mode').textContent()).resolves.toContain('Whispering to you');
    // The customer still hears the assessor, and not the supervisor.
    expect(await toneLevel(customerPage, '[data-testid="remote-audio"]', TONE.assessor)).toBeGreaterThan(HEARD_DB);
    expect(await toneLevel(customerPage, '[data-testid="remote-audio"]', TONE.third)).toBeLessThan(NOT_HEARD_DB);
    // A whispering supervisor's chat line is for the assessor alone.
    await third.sendChat('Offer the goodwill voucher.');
    const whisper = journey.assessor.chatLine('assessor', 'goodwill voucher');
    await whisper.waitFor();
    await expect(whisper.getByTestId('chat-author').textContent()).resolves.toMatch(new RegExp(`^${SUPERVISOR.name} · Supervisor · .* · not shown to the customer$`));
    // The chat says whom a supervisor's line reaches in each mode (its placeholder alone would be cut off).
    await expect(third.page.getByTestId('chat-hint').textContent()).resolves.toBe('Only the assessor reads your messages, unless you barge in: then everyone in the call does.');
    await shoot(third.page, 'third-supervisor-1440');
    await tile(me.id, '[data-connected="true"]').scrollIntoViewIfNeeded();
    await shoot(assessorPage, 'third-assessor-whisper-1440');
    await expectAccessible(third.page, 'supervisor\'s console, whispering');
    await expectAccessible(assessorPage, 'console case with a whispering supervisor');

    await third.page.getByTestId('participant-barge').click();
    await tile(me.id, '[data-mode="barge"]').waitFor();
    await expect.poll(() => toneLevel(customerPage, '[data-testid="remote-audio"]', TONE.third), { timeout: 10_000 }).toBeGreaterThan(HEARD_DB);
    expect(await toneLevel(customerPage, '[data-testid="remote-audio"]', TONE.assessor)).toBeGreaterThan(HEARD_DB);
    // Barged in, their line reaches the customer under their name; the whisper before it never did.
    await third.sendChat('I am the supervisor: the voucher is approved.');
    await journey.customer.openChat();
    const barged = journey.customer.chatLine('assessor', 'the voucher is approved');
    await barged.waitFor();
    await expect(barged.getByTestId('chat-author').textContent()).resolves.toContain(`${SUPERVISOR.name} · Supervisor`);
    expect(await journey.customer.page.locator('[data-testid="chat-line"]', { hasText: 'goodwill voucher' }).count()).toBe(0);
    await expectAccessible(journey.customer.page, 'chat sheet with a supervisor\'s line', { desktop: true });
    await journey.customer.closeChat();

    const modes = (await call(assessorPage.request, 'GET', `/api/cases/${caseId}/ledger`, 200)).entries
      .filter((e: { type: string }) => e.type.startsWith('participant.'))
      .map((e: { type: string; payload: { mode?: string } }) => `${e.type} ${e.payload.mode ?? ''}`.trim());
    expect(modes.slice(2)).toEqual(['participant.joined listen', 'participant.mode-changed whisper', 'participant.mode-changed barge']);

    // Leaving puts the customer back on the assessor's voice alone.
    await third.page.getByTestId('participant-leave').click();
    await tile(me.id).waitFor({ state: 'detached' });
    await expect.poll(() => toneLevel(customerPage, '[data-testid="remote-audio"]', TONE.third), { timeout: 10_000 }).toBeLessThan(NOT_HEARD_DB);
  });
});
