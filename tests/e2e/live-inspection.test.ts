// Journey: an assessor creates a damage case, the customer joins from a phone, they talk over live
// video, the assessor captures evidence, records a settlement, and the ledger verifies.
import sharp from 'sharp';
import { z } from 'zod';
import { EvidenceView } from '../../protocol/http.ts';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';

describe('live damage inspection', () => {
  const journey = useJourney();
  let caseId = '';
  let joinUrl = '';

  it('admin logs in and creates a damage case with a join link and QR code', async () => {
    await journey.assessor.login(journey.server.url, journey.server.admin.email, journey.server.admin.password);
    ({ caseId, joinUrl } = await journey.assessor.createCase('Hail damage — car bonnet', 'Dana Example'));
    expect(joinUrl.startsWith(`${journey.server.url}/j#`)).toBe(true);
    expect(await journey.assessor.page.getByTestId('join-link-qr').evaluate((c) => (c instanceof HTMLCanvasElement ? c.width : 0))).toBeGreaterThan(100);
    await expect.poll(() => journey.assessor.caseRow(caseId).getAttribute('data-presence')).toBe('offline');
  });

  let joinStartedAt = 0;
  it('the customer opens the link, consents and waits; the console sees it live', async () => {
    joinStartedAt = Date.now();
    await journey.customer.open(joinUrl);
    expect(new URL(journey.customer.page.url()).hash).toBe('');
    expect(await journey.customer.page.getByTestId('consent-case-title').textContent()).toBe('Hail damage — car bonnet');
    expect(await journey.customer.page.getByTestId('consent-location').isChecked()).toBe(false);
    await journey.customer.accept();
    await journey.assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
    expect(await journey.assessor.caseRow(caseId).getAttribute('data-presence')).toBe('waiting');
  });

  it('the console connects and non-black video frames arrive', async () => {
    await journey.assessor.openCase(caseId);
    const connectAt = Date.now();
    await journey.assessor.connect();
    const frame = await journey.assessor.waitForLiveVideo();
    const firstFrameAt = Date.now();
    console.log(`join-to-first-frame ${firstFrameAt - joinStartedAt} ms, connect-to-first-frame ${firstFrameAt - connectAt} ms, ${frame.width}x${frame.height}`);
    expect(frame.width).toBeGreaterThan(0);
    expect(frame.litFraction).toBeGreaterThan(0.05);
    await journey.customer.waitForState('connected');
    await expect.poll(() => journey.assessor.page.getByTestId('network-score').getAttribute('data-score'), { timeout: 15_000 }).toMatch(/^[1-5]$/);
    expect(await journey.assessor.page.getByTestId('q-bitrate').textContent()).toMatch(/bit\/s/);
  });

  it('chat lines go both ways', async () => {
    await journey.assessor.sendChat('Please show me the bonnet from the left.');
    await journey.customer.page.getByTestId('chat-unread').waitFor();
    await journey.customer.openChat();
    await journey.customer.chatLine('assessor', 'Please show me the bonnet from the left.').waitFor();
    await journey.customer.sendChat('Here it is, the dents are near the edge.');
    await journey.assessor.chatLine('customer', 'Here it is, the dents are near the edge.').waitFor();
    await journey.customer.closeChat();
  });

  it('the customer can turn the camera off (audio only) and back on', async () => {
    await journey.customer.page.getByTestId('call-camera').click();
    await journey.assessor.page.getByTestId('customer-quality').filter({ hasText: 'audio only' }).waitFor();
    await journey.assessor.page.getByTestId('video-empty').waitFor();
    expect(await journey.assessor.page.getByTestId('capture-frame').isDisabled()).toBe(true);
    await journey.customer.page.getByTestId('call-camera').click();
    await journey.assessor.page.getByTestId('customer-quality').waitFor({ state: 'detached' });
    await journey.assessor.page.getByTestId('video-empty').waitFor({ state: 'detached' });
    await journey.assessor.waitForLiveVideo();
  });

  it('a photo from the customer’s gallery uploads with progress and reaches the console', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 190, g: 120, b: 60 } } }).jpeg().toBuffer();
    await journey.customer.page.getByTestId('gallery-input').setInputFiles({ name: 'bonnet.jpg', mimeType: 'image/jpeg', buffer: photo });
    await journey.customer.page.locator('[data-testid="gallery-upload"][data-status="done"]').waitFor();
    const gallery = await journey.assessor.waitForEvidence('gallery');
    expect(gallery.naturalWidth).toBeGreaterThan(0);
    await expect.poll(() => journey.customer.evidenceCount()).toBe(1);
  });

  it('"Request full-res photo" brings a device still into the evidence strip', async () => {
    await journey.assessor.page.getByTestId('request-photo').click();
    const still = await journey.assessor.waitForEvidence('device-still');
    expect(still.naturalWidth).toBeGreaterThan(0);
    await journey.assessor.page.getByTestId('snapshot-pending').waitFor({ state: 'detached' });
    await expect.poll(() => journey.customer.evidenceCount()).toBe(2);
  });

  it('"Capture frame" saves the current video frame as evidence', async () => {
    await journey.assessor.page.getByTestId('capture-frame').click();
    const frame = await journey.assessor.waitForEvidence('video-frame');
    expect(frame.naturalWidth).toBeGreaterThan(0);
    expect(await journey.assessor.page.getByTestId('evidence-item').count()).toBe(3);
    await expectAccessible(journey.assessor.page, 'console case in a live call: markup tools, recording, evidence');
  });

  it('a settlement is recorded, appears in the ledger, and the chain verifies', async () => {
    await journey.assessor.recordSettlement('Hail dents on the bonnet; repair by a partner shop.', 1200, { area: 'Bonnet', severity: 'moderate', cost: 1200 });
    expect(await journey.assessor.page.getByTestId('outcome-amount-shown').first().textContent()).toMatch(/1,200|1200/);
    await journey.assessor.page.locator('[data-testid="ledger-row"][data-type*="outcome"]').first().waitFor({ timeout: 10_000 });
    await journey.assessor.page.getByTestId('ledger-verify').click();
    await journey.assessor.page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    const verify = await journey.assessor.fetchJson(`/api/cases/${caseId}/verify`);
    expect(verify).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('a forged or expired link shows a clear message', async () => {
    const page = await journey.contexts[1]!.newPage();
    await page.goto(`${journey.server.url}/j#not-a-real-token-0123456789`);
    await page.getByTestId('link-invalid').waitFor();
    expect(await page.getByRole('heading').textContent()).toBe('This link has expired or is not valid');
    await page.close();
  });

  it('the call is on record, and hanging up shows the customer the ended screen', async () => {
    const detail = await journey.assessor.fetchJson(`/api/cases/${caseId}`);
    expect(detail).toMatchObject({ status: 200, body: { calls: [expect.objectContaining({ state: 'connected', earlyFailure: false })] } });
    const evidence = z.object({ body: z.object({ evidence: z.array(EvidenceView) }) }).parse(detail).body.evidence;
    console.log(evidence.map((e) => `${e.source} ${e.width}x${e.height} ${e.mime} ${e.size} B blurry=${e.blurry}`).join('\n'));
    const still = evidence.find((e) => e.source === 'device-still');
    expect(still?.requestId).toBeTruthy();
    expect(still?.capturedBy).toBe('customer');
    await journey.assessor.page.getByTestId('hang-up').click();
    await journey.customer.callPage('ended');
    await journey.customer.page.getByTestId('call-ended').waitFor();
    await journey.assessor.page.locator('[data-testid="call-state"][data-state="ended"]').waitFor();
  });
});
