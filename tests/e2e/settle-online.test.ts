// Journey: close the claim online (issue 15), end to end. With the organisation's defaults (an offer needs a
// passed identity check, the customer confirms with a one-time code), an admin points a webhook at a real
// receiver on loopback, opens a case and sends the join link by SMS (a real receiver on loopback); the
// customer's phone opens the link from the SMS and joins the live call (real WebRTC through the embedded
// PeerJS server). The assessor asks for an ID card: the phone films the generated card (valid MRZ) and a
// selfie, the console shows the MRZ read offline with every check digit valid, and the assessor passes it.
// The offer is made; the customer accepts with the code from the SMS and sees the receipt, which
// /receipt#<code> verifies. The receiver got case.created, evidence.added, identity.checked, offer.accepted
// and outcome.recorded in ledger order, each signed (checked here with our own HMAC); the exported bundle
// verifies offline against the server's published key and its ledger holds the acceptance and the settled
// outcome; the PDF shows the identity section with only the number's last four characters.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startSmsReceiver } from '../../server/test/links/receivers.ts';
import { startSink, type Received } from '../../server/test/webhooks/sink.ts';
import { makeIdCard, SAMPLE_PERSON, type IdCardImages } from '../support/id-card.ts';
import { expectAccessible } from './support/axe.ts';
import { installImageCamera, showToCamera } from './support/image-camera.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const sms = await startSmsReceiver();
const sink = await startSink();
process.env.SIGHTLINE_SMS_WEBHOOK_URL = sms.url;
process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

const PHONE = '+447700900123';
const EVENTS = ['case.created', 'evidence.added', 'identity.checked', 'outcome.recorded', 'offer.accepted'] as const;

function removeWebXr(): void {
  Reflect.deleteProperty(Navigator.prototype, 'xr');
}

/** A same-origin JSON call from the console page, with its session cookie. */
async function consoleCall(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(async ([m, u, b]) => {
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, ...(b === undefined ? {} : { body: JSON.stringify(b) }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }, [method, url, body] as const);
}

/** The Standard Webhooks check, written out here from the scheme (not the server's or the sink's code). */
function signedBy(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${r.id}.${r.timestamp}.${r.body}`).digest();
  return r.signature.split(' ').some((part) => {
    const [version, sig] = part.split(',');
    const given = Buffer.from(sig ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A selfie for the front camera: a drawn face before a bookshelf (detail enough to pass the blur check). */
async function makeSelfie(): Promise<Buffer> {
  const books = Array.from({ length: 40 }, (_, i) => {
    const x = i * 15;
    const colour = ['#7a4b2a', '#2f5d62', '#a63d40', '#e9b872', '#3c415c'][i % 5];
    return `<rect x="${x}" y="${(i * 37) % 60}" width="13" height="${300 - ((i * 37) % 60)}" fill="${colour}"/><line x1="${x + 3}" y1="${(i * 37) % 60 + 20}" x2="${x + 10}" y2="${(i * 37) % 60 + 20}" stroke="#fff" stroke-width="2"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="720">
    <rect width="600" height="720" fill="#d8d2c4"/><g>${books}</g><rect y="300" width="600" height="12" fill="#5a3d24"/>
    <ellipse cx="300" cy="760" rx="230" ry="200" fill="#2b4a6f"/>
    <rect x="262" y="470" width="76" height="90" fill="#e0ac8a"/>
    <ellipse cx="300" cy="360" rx="125" ry="160" fill="#e8b896"/>
    <path d="M175 330 Q180 180 300 185 Q420 180 425 330 Q410 240 300 245 Q190 240 175 330 Z" fill="#6b4226"/>
    <ellipse cx="250" cy="350" rx="18" ry="10" fill="#fff"/><circle cx="250" cy="350" r="8" fill="#3b2a1a"/>
    <ellipse cx="350" cy="350" rx="18" ry="10" fill="#fff"/><circle cx="350" cy="350" r="8" fill="#3b2a1a"/>
    <path d="M228 325 Q250 312 272 325 M328 325 Q350 312 372 325" stroke="#4a2e1a" stroke-width="5" fill="none"/>
    <path d="M300 360 L290 410 L308 412" stroke="#b07a5c" stroke-width="4" fill="none"/>
    <path d="M262 445 Q300 470 338 445" stroke="#a0524a" stroke-width="6" fill="none"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer();
}

const smsBodies = () => sms.messages.map((m) => (m.json as { body: string }).body);

describe('close the claim online', () => {
  const journey = useJourney({
    customer: { initScripts: [removeWebXr, installImageCamera] },
    teardown: async () => {
      await sms.close();
      await sink.close();
    },
  });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shot = (name: string) => path.join(shots, `settle-online-${name}.png`);
  let card: IdCardImages;
  let selfie: Buffer;
  let secret = '';
  let caseId = '';
  let receiptCode = '';

  it('an admin adds a webhook endpoint; the defaults need a passed identity check and a code', async () => {
    const { assessor, server } = journey;
    card = await makeIdCard();
    selfie = await makeSelfie();
    await mkdir(shots, { recursive: true });
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const settings = await consoleCall(assessor.page, 'GET', '/api/admin/settings');
    expect(settings).toMatchObject({ status: 200, json: { offerRequiresIdentity: true, offerConfirmWith: 'code' } });
    const created = await consoleCall(assessor.page, 'POST', '/api/admin/webhooks', { url: sink.url, events: EVENTS, description: 'Claims system' });
    expect(created.status).toBe(201);
    secret = created.json.secret;
    expect(secret).toMatch(/^whsec_/);
  });

  it('the case is opened, the link goes by SMS and the customer joins the live call from it', async () => {
    const { assessor, customer } = journey;
    ({ caseId } = await assessor.createCase('Rear-end collision — VW Golf', `${SAMPLE_PERSON.givenNames} ${SAMPLE_PERSON.surname}`));
    await assessor.page.getByTestId('join-link-close').click();
    expect((await consoleCall(assessor.page, 'POST', `/api/cases/${caseId}/join-link/send`, { channel: 'sms', to: PHONE })).status).toBe(201);
    await expect.poll(() => sms.messages.length).toBe(1);
    const link = /https?:\/\/\S+\/j#\S+/.exec(smsBodies()[0]!)?.[0];
    expect(link, smsBodies()[0]).toBeTruthy();

    await customer.open(link!);
    await showToCamera(customer.page, card.front);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await customer.callPage('in-call');

    // Before the identity check the console says why no offer can be made.
    const disabled = assessor.page.getByTestId('offer-disabled');
    await disabled.waitFor();
    expect(await disabled.textContent()).toContain('identity check has not passed');
    await expectAccessible(assessor.page, 'console settlement card, identity not checked yet');
  });

  it('the phone films the ID card front, back and a selfie; the console reads the MRZ and the assessor passes it', async () => {
    const { assessor, customer } = journey;
    const console_ = assessor.page;
    await console_.getByTestId('identity-document').selectOption('id-card');
    await console_.getByTestId('identity-request').click();
    const asked = console_.getByTestId('toast-success').filter({ hasText: 'Identity check sent to the customer’s page.' });
    await asked.waitFor();
    const sheet = customer.page.getByTestId('identity-sheet');
    await sheet.waitFor({ timeout: 20_000 });
    expect(await sheet.getAttribute('data-step')).toBe('id-front');
    await customer.page.screenshot({ path: shot('phone-identity'), animations: 'disabled' });
    await expectAccessible(customer.page, 'identity sheet, ID card front', { desktop: true });

    for (const [picture, step, next] of [[card.front, 'id-front', 'id-back'], [card.back, 'id-back', 'selfie'], [selfie, 'selfie', 'send']] as const) {
      await showToCamera(customer.page, picture);
      expect(await sheet.getAttribute('data-step')).toBe(step);
      await customer.page.getByTestId('identity-take').click();
      await customer.page.locator(`[data-testid="identity-sheet"][data-step="${next}"]`).waitFor({ timeout: 30_000 });
    }
    await expectAccessible(customer.page, 'identity sheet, ready to send', { desktop: true });
    await customer.page.getByTestId('identity-submit').click();
    await customer.page.getByTestId('identity-sent').waitFor({ timeout: 60_000 });
    await expectAccessible(customer.page, 'identity sent, the assessor checking', { desktop: true });

    await console_.locator('[data-testid="identity-check"][data-state="submitted"]').waitFor({ timeout: 60_000 });
    // The customer has sent their photos: the notice that the check went to their page goes with it.
    await asked.waitFor({ state: 'detached', timeout: 500 });
    for (const which of ['front', 'back', 'selfie']) await console_.getByTestId(`identity-photo-${which}`).locator('img').waitFor();
    const row = async (field: string) => (await console_.getByTestId(`mrz-${field}`).textContent()) ?? '';
    expect(await row('name')).toContain('ANNA MARIA DE VRIES');
    expect(await row('document-number')).toContain(SAMPLE_PERSON.documentNumber);
    expect(await row('document-number')).toContain('check digit valid');
    expect(await row('expiry')).toContain(SAMPLE_PERSON.expiryDate);
    expect(await row('expiry')).toContain('check digit valid');
    expect(await console_.getByTestId('identity-mrz-summary').textContent()).toBe('Every check digit is valid.');
    await dismissToasts(console_);
    await console_.getByTestId('identity-card').scrollIntoViewIfNeeded();
    await console_.getByTestId('identity-card').screenshot({ path: shot('console-identity'), animations: 'disabled' });
    await expectAccessible(console_, 'console identity check, photos and MRZ submitted');

    await console_.getByTestId('identity-pass').check();
    await console_.getByTestId('identity-reason-input').fill('Card, selfie and the customer on the call match');
    await console_.getByTestId('identity-decide').click();
    await console_.locator('[data-testid="identity-check"][data-state="passed"]').waitFor();
    await expectAccessible(console_, 'console identity check passed');
    // The phone stops saying the assessor is checking once they have decided; the camera is put down.
    await customer.page.getByTestId('identity-sent').waitFor({ state: 'detached', timeout: 10_000 });
    await customer.page.evaluate(() => {
      window.imageCamera!.picture = null;
    });
  });

  it('the assessor makes an offer; the phone shows it and the customer accepts with the code from the SMS', async () => {
    const { assessor, customer } = journey;
    const page = assessor.page;
    await page.getByTestId('offer-form').waitFor();
    await expect.poll(() => page.getByTestId('offer-disabled').count()).toBe(0);
    await page.getByTestId('offer-item-description').first().fill('Rear bumper, replaced');
    await page.getByTestId('offer-item-amount').first().fill('900');
    await page.getByTestId('offer-item-add').click();
    await page.getByTestId('offer-item-description').nth(1).fill('Paint and labour');
    await page.getByTestId('offer-item-amount').nth(1).fill('350.50');
    await page.getByTestId('offer-conditions').fill('Paid to your account within 5 working days of acceptance.');
    await page.getByTestId('offer-submit').click();
    await page.locator('[data-testid="offer-history-row"][data-state="open"]').waitFor();
    const sent = page.getByTestId('toast-success').filter({ hasText: 'Offer sent to the customer’s page.' });
    await sent.waitFor();

    await customer.page.locator('[data-testid="offer-sheet"][data-step="review"]').waitFor({ timeout: 15_000 });
    expect(await customer.page.getByTestId('offer-amount').textContent()).toMatch(/1,250\.50/);
    await customer.page.screenshot({ path: shot('phone-offer'), animations: 'disabled' });

    const before = sms.messages.length;
    await customer.page.getByTestId('offer-accept').click();
    await customer.page.getByTestId('offer-code-sent').waitFor();
    expect(await customer.page.getByTestId('offer-code-sent').textContent()).toContain('••• 123');
    await expect.poll(() => sms.messages.length).toBe(before + 1);
    const code = /\b(\d{6})\b/.exec(smsBodies().at(-1)!)![1]!;
    await customer.page.getByTestId('offer-code').fill(code);
    await customer.page.getByTestId('offer-confirm').click();
    await customer.page.locator('[data-testid="offer-receipt"][data-decision="accepted"]').waitFor();
    receiptCode = (await customer.page.getByTestId('offer-receipt-code').textContent())!;
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await customer.page.screenshot({ path: shot('phone-receipt'), animations: 'disabled' });

    const accepted = page.locator('[data-testid="offer-history-row"][data-state="accepted"]');
    await accepted.waitFor();
    expect(await accepted.getByTestId('offer-history-receipt').textContent()).toBe(receiptCode);
    // The customer has answered: the notice that the offer went to their page goes with it.
    await sent.waitFor({ state: 'detached', timeout: 500 });
    await page.locator('.outcome', { hasText: 'settled' }).first().waitFor();
    await dismissToasts(page);
    await page.getByTestId('settlement-card').scrollIntoViewIfNeeded();
    await page.getByTestId('settlement-card').screenshot({ path: shot('console-settlement'), animations: 'disabled' });
    await expectAccessible(page, 'console settlement card, offer accepted and case settled');
  });

  it('/receipt#<code> verifies the decision against the server', async () => {
    const { customer, server } = journey;
    const page = await customer.page.context().newPage();
    await page.goto(`${server.url}/receipt#${receiptCode}`);
    const receipt = page.locator('[data-testid="receipt-card"][data-decision="accepted"]');
    await receipt.waitFor();
    expect(await receipt.getAttribute('data-verified')).toBe('true');
    expect(await page.getByTestId('receipt-amount').textContent()).toMatch(/1,250\.50/);
    await page.close();
  });

  it('the webhook receiver got the case’s events in ledger order, each with a valid signature', async () => {
    const ledger = await consoleCall(journey.assessor.page, 'GET', `/api/cases/${caseId}/ledger`);
    const entries = ledger.json.entries as Array<{ seq: number; type: string; hash: string; payload: any }>;
    const wanted = entries.filter((e) => (EVENTS as readonly string[]).includes(e.type));
    await sink.until((r) => r.filter((x) => x.json?.data?.caseId === caseId).length >= wanted.length, 30_000);
    const ours = sink.received.filter((x) => x.json?.data?.caseId === caseId);
    for (const r of ours) expect(signedBy(secret, r), `${r.json.type} ${r.id}`).toBe(true);
    // A tampered body or another secret does not pass the same check.
    expect(signedBy(secret, { ...ours[0]!, body: ours[0]!.body.replace('"case.created"', '"case.closed"') })).toBe(false);
    expect(signedBy(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, ours[0]!)).toBe(false);

    expect(ours.map((r) => r.json.type)).toEqual(wanted.map((e) => e.type));
    expect(ours.map((r) => r.json.data.ledgerSeq)).toEqual(wanted.map((e) => e.seq));
    expect(ours.map((r) => r.json.data.entryHash)).toEqual(wanted.map((e) => e.hash));
    expect(new Set(ours.map((r) => r.id)).size).toBe(ours.length);
    const types = ours.map((r) => r.json.type);
    expect(types[0]).toBe('case.created');
    expect(types.filter((t) => t === 'evidence.added')).toHaveLength(3);
    expect(types.indexOf('identity.checked')).toBeGreaterThan(types.lastIndexOf('evidence.added'));
    expect(types.slice(-2).sort()).toEqual(['offer.accepted', 'outcome.recorded']);
    const offer = ours.find((r) => r.json.type === 'offer.accepted')!.json.data;
    expect(offer).toMatchObject({ amount: 1250.5, confirmedWith: 'code', receiptCode });
    expect(ours.find((r) => r.json.type === 'outcome.recorded')!.json.data).toMatchObject({ decision: 'settled', amount: 1250.5 });
    expect(ours.filter((r) => r.json.type === 'evidence.added').map((r) => r.json.data.purpose)).toEqual(['id-front', 'id-back', 'selfie']);
  });

  it('the exported bundle verifies offline against the server’s key and its ledger holds the acceptance', async () => {
    const { assessor, server } = journey;
    const dir = await mkdtemp(path.join(tmpdir(), 'settle-online-'));
    try {
      const bundle = await assessor.page.request.get(`${server.url}/api/cases/${caseId}/export`);
      expect(bundle.status()).toBe(200);
      const zip = path.join(dir, 'bundle.zip');
      await writeFile(zip, await bundle.body());
      const key = await assessor.page.request.get(`${server.url}/.well-known/sightline-ledger-key.pem`);
      expect(key.status()).toBe(200);
      await writeFile(path.join(dir, 'key.pem'), await key.body());

      const verify = spawnSync(process.execPath, [path.join(repoRoot, 'server/src/verifier/bin.mjs'), zip, '--key', path.join(dir, 'key.pem')], { encoding: 'utf8' });
      expect(verify.stdout + verify.stderr).toMatch(/^VERIFIED: case /);
      expect(verify.stdout).toContain('checked against the key you trust');
      expect(verify.status).toBe(0);

      execFileSync('unzip', ['-q', zip, 'ledger.jsonl', '-d', dir]);
      const ledger = (await readFile(path.join(dir, 'ledger.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { seq: number; type: string; payload: any });
      const acceptance = ledger.find((e) => e.type === 'offer.accepted');
      expect(acceptance?.payload).toMatchObject({ confirmedWith: 'code', receiptCode });
      const outcome = ledger.find((e) => e.type === 'outcome.recorded');
      expect(outcome?.payload.decision).toBe('settled');
      expect(outcome!.seq).toBeGreaterThan(acceptance!.seq);
      expect(ledger.find((e) => e.type === 'identity.checked')?.payload.result).toBe('passed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the PDF report has the identity section and shows the document number only by its last four characters', async () => {
    const { assessor, server } = journey;
    const dir = await mkdtemp(path.join(tmpdir(), 'settle-online-'));
    try {
      const report = await assessor.page.request.get(`${server.url}/api/cases/${caseId}/report`);
      expect(report.status()).toBe(200);
      expect(report.headers()['content-type']).toContain('application/pdf');
      const file = path.join(dir, 'report.pdf');
      await writeFile(file, await report.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Identity check');
      expect(text).toMatch(/passed/i);
      expect(text).toContain(SAMPLE_PERSON.documentNumber.slice(-4));
      expect(text).toContain(`•••••${SAMPLE_PERSON.documentNumber.slice(-4)}`);
      expect(text).not.toContain(SAMPLE_PERSON.documentNumber);
      expect(text).toMatch(/settled/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** The journey's toasts would cover the pictures. */
async function dismissToasts(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast-stack [aria-label="Dismiss"]').forEach((b) => b.click()));
  await page.locator('.toast-stack .banner').first().waitFor({ state: 'detached' });
}
