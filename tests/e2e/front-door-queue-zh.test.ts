// Journey in Simplified Chinese (issue 16): the front door's screens of front-door that
// customer-panels-zh and front-door-zh do not visit, from /start#lang=zh-CN on a phone. Nothing chosen
// (the refusal beside the choice), the existing-case code sent, a complaint handed to the assistant, the
// photo consent, the waiting room's callback form with an error and the waiting room itself; an
// assessor accepts the offer and the customer's page waits for them to join; a second customer leaves
// the queue. Each screen: axe, 200 % reflow on the phone, docs/screenshots/front-door-<screen>-zh.png,
// and its words from the zh-CN locale files — the forms' refusals included.
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey.ts';
import { zh, zhScreen } from './support/zh-screen.ts';

describe('the front door’s queue in Simplified Chinese', () => {
  const journey = useJourney();

  async function call(request: APIRequestContext, method: 'GET' | 'PUT', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }

  it('/start: nothing chosen, then the existing-case code sent', async () => {
    const { customer, server } = journey;
    const page = customer.page;
    await page.goto(`${server.url}/start#lang=zh-CN`);
    await page.getByTestId('start-page').waitFor();
    await page.getByTestId('start-submit').click();
    expect(await page.getByTestId('error-service').textContent()).toBe(zh('start:chooseService'));
    await zhScreen(page, 'front-door-start-error', '/start, nothing chosen', { desktop: true });

    await page.getByTestId('service-complaint').click();
    // The schema's refusal in Chinese too (client/src/lib/field-errors.ts, fields.json).
    await page.getByTestId('start-intent').fill('长'.repeat(501));
    await page.getByTestId('start-submit').click();
    expect(await page.getByTestId('error-intent').textContent()).toBe(zh('fields:intent.tooBig', { maximum: 500 }));
    await page.getByTestId('start-intent').fill('定损员一直没有回电，我的理赔已经搁置三周了。');
    await page.getByTestId('channel-video').click();
    await page.getByTestId('start-name').fill('周敏');
    await page.getByTestId('existing-open').click();
    await page.getByTestId('existing-reference').fill('SL-7Q4K2M');
    await page.getByTestId('existing-send-code').click();
    const sent = page.getByTestId('existing-code-sent');
    await sent.filter({ hasText: 'SL-7Q4K2M' }).waitFor();
    expect(await sent.textContent()).toBe(zh('start:existing.sent', { reference: 'SL-7Q4K2M' }));
    await zhScreen(page, 'front-door-existing', '/start, existing case code sent');
    await page.getByTestId('existing-case').getByRole('button', { name: zh('start:existing.none') }).click();
  });

  it('the assistant, the photo consent, the callback form with an error, and the waiting room', async () => {
    const page = journey.customer.page;
    await page.getByTestId('start-submit').click();
    await page.getByTestId('front-door').waitFor();
    await page.getByTestId('photos-consent-open').click();
    expect(await page.getByTestId('photos-consent').textContent()).toContain(zh('frontdoor:photos.agree'));
    await zhScreen(page, 'front-door-photo-consent', 'photo consent');
    await page.getByTestId('photos-consent-agree').click();

    await page.getByTestId('talk-to-person').click();
    await page.getByTestId('waiting-room').waitFor();
    expect(await page.getByTestId('queue-position').textContent()).toBe(zh('frontdoor:placeNext'));
    await page.getByTestId('callback-open').click();
    await page.getByTestId('callback-phone').fill('12');
    await page.getByTestId('callback-submit').click();
    expect(await page.getByTestId('callback-form').locator('.field-error').first().textContent()).toBe(zh('fields:phone.invalidFormat'));
    await zhScreen(page, 'front-door-callback-error', 'callback form with an error');
    await page.getByTestId('callback-phone').fill('+86 138 1234 5678');
    await page.getByTestId('callback-submit').click();
    expect(await page.getByTestId('callback-requested').textContent()).toBe(zh('frontdoor:waiting.callbackRequested', { phone: '+86 138 1234 5678' }));
    await zhScreen(page, 'front-door-waiting', 'waiting room', { desktop: true });
  });

  it('an assessor accepts the offer: the customer’s page waits for them in Chinese', async () => {
    const { assessor, customer, server } = journey;
    const desk = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const me = (await call(desk.request, 'GET', '/api/me', 200)).user;
    await call(desk.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { complaints: 3, claims: 3, service: 3 }, capacity: { video: 1, voice: 1, text: 3 } });
    await desk.getByTestId('status-picker').click();
    await desk.getByRole('menuitemradio', { name: /Available/ }).click();
    const card = desk.getByTestId('offer-card');
    await card.waitFor();
    await card.getByTestId('offer-accept').click();
    await desk.getByTestId('case-view').waitFor();
    await customer.callPage('waiting', 15_000);
    await customer.page.getByText(zh('customer:call.waitingFor', { name: me.name })).waitFor();
    await zhScreen(customer.page, 'front-door-after-queue', 'waiting for the assessor after the queue');
  });

  it('a customer who leaves the queue is back with the assistant', async () => {
    const { assessor, customer, server } = journey;
    await call(assessor.page.request, 'PUT', '/api/me/status', 204, { status: 'away' });
    const page = customer.page;
    await page.goto('about:blank');
    await page.goto(`${server.url}/start#lang=zh-CN`);
    await page.getByTestId('service-consult').click();
    await page.getByTestId('start-intent').fill('挡风玻璃裂了在保障范围内吗？');
    await page.getByTestId('channel-text').click();
    await page.getByTestId('start-submit').click();
    await page.getByTestId('front-door').waitFor();
    await page.getByTestId('talk-to-person').click();
    await page.getByTestId('waiting-room').waitFor();
    await page.getByTestId('queue-leave').click();
    await page.getByTestId('agent-conversation').filter({ hasText: zh('frontdoor:leftQueue') }).waitFor();
    await zhScreen(page, 'front-door-left-queue', 'left the queue');
  });
});
