// Journey: the front door (issue 14). (a) A customer opens /start from their case's join link, asks
// about their claim's status, and the digital assistant — labelled as not a person, read aloud because
// they chose voice — answers from the case's facts (what is still missing from its checklist) with no
// person and no queue entry. (b) A customer files a complaint at /start, is offered a person at once,
// waits in line (place and estimate, a callback number), and an available assessor's console gets the
// offer card with the hand-off summary (and the photo they added); accepting moves the customer's page
// to the call, and the assessor sees their video. (c) Leaving the queue returns to the assistant.
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AGENT_LABEL } from '../../protocol/agent.ts';
import { expectAccessible, expectReflow, expectTouchTargets } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

/** Keeps what the page asked speechSynthesis to say, and still says it. */
function recordSpeech(): void {
  const spoken: string[] = [];
  (window as unknown as { __spoken: string[] }).__spoken = spoken;
  if (!('speechSynthesis' in window)) return;
  const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
  window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push(utterance.text);
    speak(utterance);
  };
}

describe('the front door', () => {
  const journey = useJourney({ customer: { initScripts: [recordSpeech] } });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });

  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }
  const ledgerTypes = async (request: APIRequestContext, caseId: string): Promise<string[]> =>
    (await call(request, 'GET', `/api/cases/${caseId}/ledger`, 200)).entries.map((e: { type: string }) => e.type);

  it('answers a status question from the case\'s facts, without a person and without a queue entry', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const api = assessor.page.request;
    const created = await call(api, 'POST', '/api/cases', 201, { title: 'Hail damage, Audi A4', customerName: 'Sam Ortiz', checklist: 'vehicle' });
    const caseId: string = created.case.id;
    const missing: string[] = (await call(api, 'GET', `/api/cases/${caseId}`, 200)).checklist.items.map((item: { title: string }) => item.title);
    expect(missing.length).toBeGreaterThan(0);

    // From the join page's "Ask for help": the case is known, no reference or code asked.
    const page = customer.page;
    await page.goto(`${server.url}/start?link=${encodeURIComponent(created.token)}`);
    await expect(page.getByTestId('start-linked').textContent()).resolves.toContain('Hail damage, Audi A4');
    expect(new URL(page.url()).search).toBe('');
    await expect(page.getByTestId('existing-open').count()).resolves.toBe(0);
    await expectAccessible(page, '/start from a join link', { desktop: true });

    await page.getByTestId('service-query').click();
    await page.getByTestId('start-intent').fill('What is the status of my claim?');
    await expect(page.getByTestId('start-count').textContent()).resolves.toBe('31 / 500');
    await page.getByTestId('channel-voice').click();
    await page.getByTestId('start-submit').click();

    await page.getByTestId('front-door').waitFor();
    const first = page.getByTestId('agent-answer').first();
    await expect(first.getAttribute('data-source')).resolves.toBe('rule:case-status');
    await expect(first.getAttribute('data-hand-off')).resolves.toBe('none');
    await expect(first.getByTestId('agent-label').textContent()).resolves.toBe(AGENT_LABEL);

    await page.getByTestId('agent-input').fill('Which documents are still missing?');
    await page.getByTestId('agent-send').click();
    const second = page.getByTestId('agent-answer').nth(1);
    await second.waitFor();
    await expect(second.getAttribute('data-source')).resolves.toBe('rule:missing-documents');
    const answer = (await second.locator('p').textContent()) ?? '';
    for (const title of missing) expect(answer).toContain(title);
    await expect(page.getByTestId('agent-label').count()).resolves.toBe(2);
    // Voice was chosen: the answer given on this page was read aloud, and the voice can be muted.
    await page.waitForFunction(() => (window as unknown as { __spoken: string[] }).__spoken.some((text) => text.includes('still need')));
    await expect(page.getByTestId('agent-mute').getAttribute('aria-pressed')).resolves.toBe('false');
    await shoot(page, 'front-door-agent');
    await expectAccessible(page, 'the assistant', { desktop: true });
    await expectTouchTargets(page, 'the assistant');

    const queue = await call(api, 'GET', '/api/queue', 200);
    expect(queue.entries.filter((entry: { caseId: string }) => entry.caseId === caseId)).toEqual([]);
    const types = await ledgerTypes(api, caseId);
    expect(types.filter((t) => t === 'agent.answered')).toHaveLength(2);
    expect(types).toContain('intake.received');
    expect(types.some((t) => t.startsWith('queue.'))).toBe(false);
  });

  it('a complaint is offered a person at once; the assessor reads the summary before Accept, and the call starts', async () => {
    const { assessor, customer, server } = journey;
    const desk = assessor.page;
    const api = desk.request;
    const me = (await call(api, 'GET', '/api/me', 200)).user;
    await call(api, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { complaints: 3, claims: 3, service: 3 }, capacity: { video: 1, voice: 1, text: 3 } });

    const page = customer.page;
    const origins = new Set<string>();
    const onRequest = (request: { url: () => string }) => void origins.add(new URL(request.url()).origin);
    page.on('request', onRequest);
    await page.goto(`${server.url}/start`);
    await expect(page.getByTestId('start-operator').textContent()).resolves.toBe('Sightline');
    // Nothing chosen: the refusal stands beside the choice it is about, and nothing is sent.
    await page.getByTestId('start-submit').click();
    await expect(page.getByTestId('error-service').textContent()).resolves.toBe('choose what you need');
    await expectAccessible(page, '/start, nothing chosen', { desktop: true });
    await expectReflow(page, '/start, nothing chosen');
    await expectTouchTargets(page, '/start');
    // Keyboard: the service types are one radio group, moved through with the arrow keys.
    await page.locator('input[name="service"][value="claim"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('input[name="service"]:checked').getAttribute('value')).resolves.toBe('query');
    await expect(page.getByTestId('error-service').count()).resolves.toBe(0);
    await page.getByTestId('service-complaint').click();
    await page.getByTestId('start-intent').fill('x'.repeat(501));
    await page.getByTestId('start-submit').click();
    await expect(page.getByTestId('error-intent').textContent()).resolves.toBe('at most 500 characters');
    const intent = 'My assessor never called back and my claim has been stuck for three weeks.';
    await page.getByTestId('start-intent').fill(intent);
    await page.getByTestId('channel-video').click();
    await page.getByTestId('start-name').fill('Dana Whitfield');
    await page.getByTestId('existing-open').click();
    await page.getByTestId('existing-case').waitFor();
    await page.getByTestId('existing-reference').fill('SL-7Q4K2M');
    await page.getByTestId('existing-send-code').click();
    await page.getByTestId('existing-code-sent').filter({ hasText: 'SL-7Q4K2M' }).waitFor();
    await expectAccessible(page, '/start, existing case code sent');
    await page.getByTestId('existing-case').getByRole('button', { name: 'I do not have a case yet' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.getByTestId('error-intent').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(shots, 'front-door-start.png'), animations: 'disabled', fullPage: true });
    await page.getByTestId('start-submit').click();

    await page.getByTestId('front-door').waitFor();
    page.off('request', onRequest);
    // Nothing from a CDN: /start and the page after it load only from this server.
    expect([...origins]).toEqual([server.url]);
    await expect(page.getByTestId('agent-answer').first().getAttribute('data-source')).resolves.toBe('rule:complaint');
    // A photo, through the usual gallery upload once the customer agreed to how evidence is kept (the
    // consent the consent screen asks for, so it is not asked again): the person who takes over is told of it.
    await page.getByTestId('photos-consent-open').click();
    await expect(page.getByTestId('photos-consent').textContent()).resolves.toContain('video and sound of the call');
    await expectAccessible(page, 'photo consent');
    await page.getByTestId('photos-consent-agree').click();
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 120, g: 90, b: 60 } } }).jpeg().toBuffer();
    await page.getByTestId('gallery-input').setInputFiles({ name: 'letter.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('[data-testid="gallery-upload"][data-status="done"]').waitFor();
    await expect(page.getByTestId('agent-photos').textContent()).resolves.toContain('1 photo added');
    const talk = page.getByTestId('talk-to-person');
    await expect(talk.getAttribute('class')).resolves.toContain('btn-primary');
    await talk.click();
    const waiting = page.getByTestId('waiting-room');
    await waiting.waitFor();
    await expect(page.getByTestId('queue-position').textContent()).resolves.toBe('You are next');
    await expect(page.getByTestId('queue-eta').textContent()).resolves.toMatch(/^(Estimated wait|Working out)/);
    await page.getByTestId('callback-open').click();
    await page.getByTestId('callback-phone').fill('12');
    await page.getByTestId('callback-submit').click();
    await expect(page.getByTestId('callback-form').locator('.field-error').first().textContent()).resolves.toContain('a phone number');
    await expectAccessible(page, 'callback form with an error');
    await page.getByTestId('callback-phone').fill('+44 20 7946 0958');
    await page.getByTestId('callback-note').fill('After 5 pm please');
    await page.getByTestId('callback-submit').click();
    await expect(page.getByTestId('callback-requested').textContent()).resolves.toContain('+44 20 7946 0958');
    await shoot(page, 'front-door-waiting');
    await expectAccessible(page, 'waiting room', { desktop: true });
    await expectTouchTargets(page, 'waiting room');

    // Coming back on the same link: the same place.
    await page.reload();
    await page.getByTestId('waiting-room').waitFor();
    await expect(page.getByTestId('callback-requested').count()).resolves.toBe(1);

    await desk.goto(`${server.url}/`);
    await desk.getByTestId('status-picker').click();
    await desk.getByRole('menuitemradio', { name: /Available/ }).click();
    const card = desk.getByTestId('offer-card');
    await card.waitFor();
    await expect(card.getByTestId('offer-service').textContent()).resolves.toBe('Complaint');
    await expect(card.getByTestId('offer-intent').textContent()).resolves.toBe(`“${intent}”`);
    await expect(card.getByTestId('offer-handoff-reason').textContent()).resolves.toContain('complaint');
    await expect(card.getByTestId('offer-photos').textContent()).resolves.toBe('1');
    await expect(card.getByTestId('offer-callback').textContent()).resolves.toContain('+44 20 7946 0958');
    await expect(card.locator('[data-source="rule:complaint"]').textContent()).resolves.toBe('The assistant (Rule: complaint)');
    await shoot(desk, 'console-offer-summary');
    await card.getByTestId('offer-accept').click();
    const caseView = desk.getByTestId('case-view');
    await caseView.waitFor();
    const caseId = (await caseView.getAttribute('data-case-id'))!;
    await expect(desk.getByTestId('front-door-intent').textContent()).resolves.toBe(`“${intent}”`);
    await expect(desk.getByTestId('front-door-service').textContent()).resolves.toBe('Complaint');

    // The customer's page hears of it at the next poll and goes on to the call (consent was given with
    // the photo), naming the assessor.
    await customer.callPage('waiting', 15_000);
    await page.getByText(`Waiting for ${me.name}…`).waitFor();
    await expectAccessible(page, 'waiting for the assessor after the queue');
    await assessor.connect();
    await assessor.waitForLiveVideo();
    const types = await ledgerTypes(api, caseId);
    for (const kind of ['intake.received', 'agent.answered', 'agent.handed-off', 'queue.entered', 'queue.callback-requested', 'queue.offered', 'queue.assigned']) expect(types).toContain(kind);
  });

  it('leaving the queue goes back to the assistant, and a person can be asked for again', async () => {
    const { assessor, customer, server } = journey;
    const api = assessor.page.request;
    await call(api, 'PUT', '/api/me/status', 204, { status: 'away' });
    const page = customer.page;
    await page.goto(`${server.url}/start`);
    await page.getByTestId('service-consult').click();
    await page.getByTestId('start-intent').fill('Is a cracked windscreen covered?');
    await page.getByTestId('channel-text').click();
    await page.getByTestId('start-submit').click();
    await page.getByTestId('front-door').waitFor();
    await page.getByTestId('talk-to-person').click();
    await page.getByTestId('waiting-room').waitFor();
    await page.getByTestId('queue-leave').click();
    await page.getByTestId('agent-conversation').filter({ hasText: 'You left the queue' }).waitFor();
    await expect(page.locator('[data-testid="front-door"]').getAttribute('data-state')).resolves.toBe('left');
    await expectAccessible(page, 'left the queue');
    // Back on the same link later: still the assistant, not the queue.
    await page.reload();
    await page.getByTestId('agent-conversation').waitFor();
    await page.getByTestId('talk-to-person').click();
    await page.getByTestId('waiting-room').waitFor();
    const queue = await call(api, 'GET', '/api/queue', 200);
    expect(queue.entries.filter((entry: { state: string }) => entry.state === 'waiting')).toHaveLength(1);
  });
});
