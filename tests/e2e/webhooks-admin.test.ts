// Journey: the admin's webhooks page. An admin adds an endpoint (a real receiver on loopback started
// here), copies the secret shown once, sends a test event, sees a case's event delivered with a valid
// signature in the delivery history, sees a failed resend as a red dot and retries it to delivered,
// and disables the endpoint.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureValid, startSink, type Sink } from '../../server/test/webhooks/sink.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

describe('the admin webhooks page', () => {
  const journey = useJourney();
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', `${name}.png`), animations: 'disabled', fullPage: true });
  let sink: Sink;
  beforeAll(async () => {
    sink = await startSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('adds an endpoint, tests it, shows deliveries with their attempts, retries one and disables it', async () => {
    const { assessor: console_, server } = journey;
    const page = console_.page;
    const id = (testId: string) => page.getByTestId(testId);
    await console_.login(server.url, server.admin.email, server.admin.password);
    await id('nav-webhooks').click();
    await expect.poll(() => id('webhooks-empty').isVisible()).toBe(true);

    await id('add-webhook-open').click();
    await id('webhook-url').fill(sink.url);
    await id('webhook-description').fill('Claims system');
    await id('webhook-event-evidence.added').check();
    await id('add-webhook-submit').click();
    const secret = (await id('webhook-secret').textContent())!;
    await expectAccessible(page, 'webhooks, secret shown');
    expect(secret).toMatch(/^whsec_/);
    await expect.poll(() => id('webhook-row').count()).toBe(1);

    await id('webhook-test').click();
    await id('toast-success').waitFor();
    expect(await id('toast-success').textContent()).toContain('Test event delivered: 204');
    await sink.until((r) => r.some((x) => x.json?.type === 'webhook.test'));
    expect(signatureValid(secret, sink.received[0]!)).toBe(true);

    const created = await page.request.post(`${server.url}/api/cases`, { data: { title: 'Webhook journey', reference: 'CLM-2001' } });
    expect(created.status()).toBe(201);
    const [event] = (await sink.until((r) => r.some((x) => x.json?.type === 'case.created'))).filter((x) => x.json?.type === 'case.created');
    expect(signatureValid(secret, event!)).toBe(true);
    expect(event!.json.data.reference).toBe('CLM-2001');

    await id('webhook-history').click();
    const row = page.locator(`[data-testid="webhook-delivery"][data-message-id="${event!.id}"]`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('delivered');
    expect(await row.locator('.webhook-attempt-ok').count()).toBe(1);

    // Sent again by hand while the receiver fails: a red dot, waiting for its next try.
    sink.answer = () => 500;
    await row.getByTestId('webhook-retry').click();
    await sink.until((r) => r.filter((x) => x.id === event!.id).length === 2);
    await expect.poll(async () => {
      await id('webhook-deliveries-refresh').click();
      return row.locator('.webhook-attempt:not(.webhook-attempt-ok)').count();
    }).toBe(1);
    expect(await row.getAttribute('data-state')).toBe('pending');
    expect(await row.getByTestId('webhook-last-attempt').textContent()).toContain('answered 500');
    await shoot(page, 'admin-webhooks');
    await expectAccessible(page, 'webhooks, delivery history');

    sink.answer = () => 204;
    await row.getByTestId('webhook-retry').click();
    await expect.poll(async () => {
      await id('webhook-deliveries-refresh').click();
      return row.getAttribute('data-state');
    }).toBe('delivered');
    expect(await row.locator('.webhook-attempt').count()).toBe(3);

    await id('webhook-toggle').click();
    await expect.poll(() => id('webhook-row').getAttribute('data-enabled')).toBe('false');
  });
});
