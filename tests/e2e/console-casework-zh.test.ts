// Journey: a claim's casework in the console, in English and in Simplified Chinese (issue 16). The customer's
// phone (its routes, with the join token) sends a clean photo, one with its clock 10 min off, one 50 km from the
// case address, a blurry one and a gallery file with EXIF, and the three identity photos; the assessor marks a
// photo superseded, records an outcome and, after passing the identity check, makes an offer. The evidence
// gallery, the viewer, the identity check, the outcome form and the settlement card pass axe at 1440×900 in
// English, then again after the top bar's switch to 中文, where each status (blurry, superseded, a capture
// flag, passed, an offer's state) is said in Chinese words with its icon. Chinese screenshots at 1440×900 and
// 1024×768: docs/screenshots/console-casework-zh-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detailedJpeg } from '../../server/test/evidence/fixtures.ts';
import { makeIdCard, SAMPLE_PERSON } from '../support/id-card.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const HOME = { latitude: 55.9756, longitude: -3.1711 };
const shots = path.join(repoRoot, 'docs', 'screenshots');

/** A same-origin JSON call from the console page, with its session cookie. */
async function consoleCall(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(async ([m, u, b]) => {
    const res = await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, ...(b === undefined ? {} : { body: JSON.stringify(b) }) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }, [method, url, body] as const);
}

/** The window at 1440×900 and at 1024×768 with `part` at its top (below the top bar), then back to 1440×900. */
async function shoot(page: Page, name: string, part?: Locator): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const take = async (file: string) => {
    await part?.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 72));
    await page.screenshot({ path: file, animations: 'disabled' });
  };
  await take(path.join(shots, `console-casework-zh-${name}.png`));
  await page.setViewportSize({ width: 1024, height: 768 });
  await take(path.join(shots, `console-casework-zh-${name}-1024.png`));
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** No text in the card is cut off: no element with words is wider inside than its box, or reaches past the card's edge. */
async function expectNoOverflow(card: Locator, what: string): Promise<void> {
  const over = await card.evaluate((root) => {
    const edge = root.getBoundingClientRect().right;
    return [...root.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.offsetParent !== null && el.textContent?.trim() && el.closest('.strip') === null)
      .filter((el) => (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto') || el.getBoundingClientRect().right > edge + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 40)}`);
  });
  expect(over, `${what}: text cut off or past the edge`).toEqual([]);
}

describe('casework in the console, in English and in Chinese', () => {
  const journey = useJourney();
  const page = () => journey.assessor.page;
  let caseId = '';
  let token = '';
  const ids = { clean: '', clock: '', far: '', blurry: '', gallery: '' };

  async function upload(fields: Record<string, string>, file: Buffer): Promise<string> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await fetch(`${journey.server.url}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  const customerPost = async (route: string, json: unknown): Promise<number> =>
    (await fetch(`${journey.server.url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) })).status;

  const item = (id: string) => page().locator(`[data-testid="evidence-item"][data-evidence-id="${id}"]`);

  it('the customer’s photos arrive with their flags; one is superseded; an outcome is recorded', async () => {
    const { assessor, server } = journey;
    await mkdir(shots, { recursive: true });
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Flooded garage, Leith', `${SAMPLE_PERSON.givenNames} ${SAMPLE_PERSON.surname}`));
    token = joinUrl.split('#')[1]!.split('&')[0]!;
    expect(await customerPost('/api/join/consent', { recording: true, location: true })).toBe(200);
    await page().getByTestId('join-link-close').click();
    await assessor.openCase(caseId);
    expect((await consoleCall(page(), 'PUT', `/api/cases/${caseId}/address`, { address: '1 Shore, Leith, Edinburgh', latitude: HOME.latitude, longitude: HOME.longitude })).status).toBe(200);

    const photo = await detailedJpeg(640, 480);
    const now = () => new Date().toISOString();
    const here = { latitude: String(HOME.latitude), longitude: String(HOME.longitude) };
    ids.clean = await upload({ source: 'device-still', deviceTime: now(), ...here }, photo);
    ids.clock = await upload({ source: 'device-still', deviceTime: new Date(Date.now() - 10 * 60_000).toISOString(), ...here }, photo);
    ids.far = await upload({ source: 'device-still', deviceTime: now(), latitude: '56.4256', longitude: '-3.1711' }, photo);
    ids.blurry = await upload({ source: 'device-still', deviceTime: now(), ...here }, await sharp(photo).blur(12).jpeg().toBuffer());
    const withExif = await sharp(photo).withExif({
      IFD2: { DateTimeOriginal: '2026:12:03 14:02:05' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 58/1 3216/100', GPSLongitudeRef: 'W', GPSLongitude: '3/1 10/1 1596/100' },
    }).jpeg().toBuffer();
    ids.gallery = await upload({ source: 'gallery' }, withExif);
    await item(ids.gallery).waitFor({ timeout: 15_000 });
    expect((await consoleCall(page(), 'POST', `/api/cases/${caseId}/evidence/${ids.blurry}/supersede`, { reason: 'Too blurred to read the damage', replacedBy: ids.clean })).status).toBe(201);
    await item(ids.blurry).and(page().locator('[data-superseded="true"]')).waitFor();

    expect(await item(ids.blurry).getByTestId('badge-superseded').textContent()).toBe('Superseded');
    expect(await item(ids.clock).getByTestId('capture-flag').textContent()).toBe('Clock 10 min off');
    await expectAccessible(page(), 'console evidence gallery');
    await item(ids.blurry).locator('.thumb').dispatchEvent('click');
    const viewer = page().getByTestId('evidence-viewer');
    await viewer.getByTestId('superseded-details').waitFor();
    await expectAccessible(page(), 'console evidence viewer, a superseded photo');
    await viewer.getByTestId('evidence-viewer-close').click();
    await viewer.waitFor({ state: 'detached' });

    expect((await consoleCall(page(), 'POST', `/api/cases/${caseId}/outcome`, { decision: 'referred', reason: 'Water under the floor: an on-site visit first', damageItems: [{ area: 'Garage floor', severity: 'severe', estimatedCost: 2400 }] })).status).toBe(201);
    await page().getByTestId('outcome-entry').waitFor();
    await page().getByTestId('outcome-form').scrollIntoViewIfNeeded();
    await page().getByTestId('damage-add').click();
    await expectAccessible(page(), 'console outcome form and history');
  });

  it('the customer sends the identity photos; the console shows the check to decide', async () => {
    const card = await makeIdCard();
    await page().getByTestId('identity-document').selectOption('id-card');
    await page().getByTestId('identity-request').click();
    const check = page().locator('[data-testid="identity-check"][data-state="requested"]');
    await check.waitFor();
    const checkId = (await check.getAttribute('data-check-id'))!;
    const front = await upload({ source: 'device-still', purpose: 'id-front' }, card.front);
    const back = await upload({ source: 'device-still', purpose: 'id-back' }, card.back);
    const selfie = await upload({ source: 'device-still', purpose: 'selfie' }, await detailedJpeg(600, 720));
    expect(await customerPost(`/api/join/identity-check/${checkId}`, { frontEvidenceId: front, backEvidenceId: back, selfieEvidenceId: selfie })).toBe(200);
    await page().locator('[data-testid="identity-check"][data-state="submitted"]').waitFor({ timeout: 30_000 });
    await page().getByTestId('identity-photo-selfie').locator('img').waitFor();
    await page().getByTestId('identity-fail').check();
    await expectAccessible(page(), 'console identity check to decide');
  });

  it('in Chinese: the gallery, the viewer, the identity check, the outcome form and the settlement card', async () => {
    const p = page();
    await p.getByTestId('language-switch').selectOption('zh-CN');
    await p.locator('html[lang="zh-CN"]').waitFor();

    const gallery = p.locator('section.evidence');
    await expect.poll(() => item(ids.blurry).getByTestId('badge-superseded').textContent()).toBe('已作废');
    expect(await item(ids.blurry).locator('[data-testid="badge-superseded"] svg[data-icon="superseded"]').count()).toBe(1);
    expect(await item(ids.clock).getByTestId('capture-flag').textContent()).toBe('时钟偏差 10 分钟');
    expect(await item(ids.far).getByTestId('capture-flag').textContent()).toBe('距出险地址 50 公里');
    expect(await item(ids.gallery).getByTestId('capture-exif').textContent()).toBe('EXIF：2026年12月3日 14:02, 55.98, −3.17');
    expect(await gallery.getByTestId('evidence-total').textContent()).toMatch(/^共 \d+ 项$/);
    await expectAccessible(p, 'console evidence gallery in Chinese');
    await expectNoOverflow(gallery, 'the evidence gallery');
    await shoot(p, 'evidence', gallery);

    await item(ids.blurry).locator('.thumb').dispatchEvent('click');
    const viewer = p.getByTestId('evidence-viewer');
    await viewer.getByTestId('superseded-details').waitFor();
    expect(await viewer.getByTestId('superseded-details').textContent()).toContain('已由照片 1替代');
    await expectAccessible(p, 'console evidence viewer in Chinese');
    await expectNoOverflow(viewer, 'the evidence viewer');
    await shoot(p, 'viewer');
    await viewer.getByTestId('evidence-viewer-close').click();
    await viewer.waitFor({ state: 'detached' });

    const identity = p.getByTestId('identity-card');
    expect(await identity.getByTestId('identity-state').textContent()).toBe('已收到照片：请比对后作出决定');
    expect(await identity.getByTestId('mrz-document-number').textContent()).toContain('校验位正确');
    expect(await identity.getByTestId('identity-mrz-summary').textContent()).toBe('所有校验位均正确。');
    await expectAccessible(p, 'console identity check in Chinese');
    await expectNoOverflow(identity, 'the identity check');
    await shoot(p, 'identity', identity);

    const outcome = p.getByTestId('outcome-form');
    expect(await outcome.getByTestId('outcome-submit').textContent()).toBe('记录结论');
    expect(await p.getByTestId('outcome-entry').locator('.badge').textContent()).toBe('已转交');
    await expectAccessible(p, 'console outcome form in Chinese');
    await expectNoOverflow(outcome, 'the outcome form');
    await shoot(p, 'outcome', outcome);

    // The identity check passes (in Chinese), then an offer is made: its state in words with an icon.
    await identity.getByTestId('identity-pass').check();
    await identity.getByTestId('identity-reason-input').fill('证件、自拍与通话中的客户一致');
    await identity.getByTestId('identity-decide').click();
    await p.locator('[data-testid="identity-check"][data-state="passed"]').waitFor();
    expect(await identity.getByTestId('identity-state').textContent()).toBe('已通过');
    expect(await identity.locator('[data-testid="identity-state"] svg[data-icon="accepted"]').count()).toBe(1);
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect((await consoleCall(p, 'POST', `/api/cases/${caseId}/offers`, { amount: 1250, currency: 'CNY', items: [{ description: '车库地面修复', amount: 1000 }, { description: '除湿', amount: 250 }], conditions: '', expiresAt })).status).toBe(201);
    const settlement = p.getByTestId('settlement-card');
    await settlement.getByTestId('offer-history-row').waitFor();
    await expect.poll(() => settlement.getByTestId('offer-state').textContent()).toBe('待客户确认');
    expect(await settlement.getByTestId('offer-form').locator('h3').textContent()).toBe('发出新方案（替换当前未决方案）');
    await expectAccessible(p, 'console settlement card in Chinese');
    await expectNoOverflow(settlement, 'the settlement card');
    await shoot(p, 'settlement', settlement);

    await p.getByTestId('language-switch').selectOption('en');
    await p.locator('html[lang="en"]').waitFor();
    expect(await settlement.getByTestId('offer-state').textContent()).toBe('open');
  });
});
