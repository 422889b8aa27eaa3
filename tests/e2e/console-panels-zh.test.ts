// Journey: the console's panels that the other Chinese journeys do not reach (issue 16), from the settlement,
// evidence-notes, evidence-correction, api-keys-admin and transfer journeys, without a call. The admin, whose
// console language is 中文, opens a case whose customer sent two photos through the join link: the
// settlement card says why no offer can be made yet; a photo gets a caption and a note; the correction form
// refuses an empty reason; at 390 px the case is read-only in one column. On the users page an API key is
// shown once, then its revocation is asked. A complaint from the front door is accepted and handed to a
// colleague (warm): the admin waits, the colleague's console (in 中文) shows the Transfer card and takes
// over. Each screen: axe, no sideways scrolling, cut-off text or wrapped button at 1440×900 and 1024×768,
// reflow at half of each, screenshots docs/screenshots/console-zh-*.png.
import path from 'node:path';
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailedJpeg } from '../../server/test/evidence/fixtures.ts';
import zhAdmin from '../../client/src/i18n/locales/zh-CN/admin.json';
import { expectAccessible } from './support/axe.ts';
import { checkConsoleZh, zh, zhText } from './support/console-zh.ts';
import { useJourney } from './support/journey.ts';
import { ConsolePage } from './support/console-page.ts';
import { newPeerContext, viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';

const COLLEAGUE = { name: '赵磊', email: 'zhao.lei@example.test', password: 'a long enough password', role: 'assessor' };
const c = zh.console;
const w = zh.casework;

describe('the console’s settlement, evidence and API-key panels in 中文', () => {
  // Each screen is checked at two sizes while an offer waits: give offers 90 s, not 20, on a busy machine.
  beforeAll(() => {
    process.env.SIGHTLINE_QUEUE_OFFER_SECONDS = '90';
  });
  const journey = useJourney();
  let theirs: BrowserContext | undefined;
  afterAll(async () => {
    delete process.env.SIGHTLINE_QUEUE_OFFER_SECONDS;
    await theirs?.close();
  });
  const page = () => journey.assessor.page;
  let caseId = '';
  let token = '';
  const photos: string[] = [];

  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown, headers?: Record<string, string>) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}), ...(headers ? { headers } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }

  /** A photo from the customer's phone (its join token, no browser): the gallery route. */
  async function upload(file: Buffer): Promise<string> {
    const body = new FormData();
    body.set('source', 'gallery');
    body.set('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await fetch(`${journey.server.url}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  const item = (id: string) => page().locator(`[data-testid="evidence-item"][data-evidence-id="${id}"]`);

  it('the settlement card before an offer can be made: why not, in Chinese', async () => {
    const { assessor, server } = journey;
    const p = page();
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await call(p.request, 'PUT', '/api/me/language', 200, { language: 'zh-CN' });
    await p.reload();
    await p.getByTestId('logout').filter({ hasText: '退出登录' }).waitFor();
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('厨房地板泡水', '王芳'));
    token = joinUrl.split('#')[1]!.split('&')[0]!;
    await p.getByTestId('join-link-close').click();
    const consent = await fetch(`${server.url}/api/join/consent`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ recording: true, location: false }) });
    expect(consent.status).toBe(200);
    const photo = await detailedJpeg(640, 480);
    photos.push(await upload(photo), await upload(photo));
    await assessor.openCase(caseId);
    await item(photos[1]!).waitFor({ timeout: 15_000 });

    const card = p.getByTestId('settlement-card');
    await expect.poll(() => card.textContent()).toMatch(new RegExp(`${w.settlement.blocked.identity_required}|${w.settlement.blocked.identity_confirm}`));
    await checkConsoleZh(p, 'console settlement card, no offer possible yet, in Chinese', 'console-zh-settlement-blocked', card);
  });

  it('the evidence viewer: a caption and a note saved; the correction form refusing an empty reason', async () => {
    const p = page();
    await item(photos[0]!).locator('.thumb').dispatchEvent('click');
    const viewer = p.getByTestId('evidence-viewer');
    await viewer.waitFor();
    await viewer.getByTestId('evidence-caption').fill('厨房地板，水渍约两平方米');
    await viewer.getByTestId('evidence-note').fill('地板下可能有积水，建议上门查看。');
    await viewer.getByTestId('note-save').click();
    await expect.poll(() => viewer.getByTestId('noted-by').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^${zhText(w.note.lastChanged, { by: 'Administrator', date: 'DATE' }).replace('DATE', '.+')}$`));
    await checkConsoleZh(p, 'console evidence viewer with a caption and a note in Chinese', 'console-zh-evidence-note', viewer);

    await viewer.getByTestId('supersede-open').click();
    await viewer.getByTestId('supersede-submit').click();
    await expect(viewer.getByTestId('supersede-error').textContent()).resolves.toContain(w.supersede.needReason);
    await checkConsoleZh(p, 'console evidence viewer, the correction form with its error, in Chinese', 'console-zh-supersede-error', viewer);
    await viewer.getByRole('button', { name: w.supersede.cancel, exact: true }).click();
    await viewer.getByTestId('evidence-viewer-close').click();
    await viewer.waitFor({ state: 'detached' });
    await expect(item(photos[0]!).getByTestId('thumb-caption').textContent()).resolves.toBe('厨房地板，水渍约两平方米');
  });

  it('at 390 px the case is read-only in one column, in Chinese, no wider than the window', async () => {
    const p = page();
    await p.setViewportSize(viewports.phone);
    try {
      const notice = p.getByTestId('narrow-notice');
      await notice.waitFor({ state: 'visible' });
      await expect(notice.textContent()).resolves.toBe(c.case.narrow);
      await p.evaluate(() => window.scrollTo(0, 0));
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
      await expectAccessible(p, 'console case at 390 px, read-only, in Chinese');
      await p.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'console-zh-case-390.png'), animations: 'disabled' });
    } finally {
      await p.setViewportSize(viewports.desktop);
    }
  });

  it('the users page: a new API key shown once, then its revocation asked', async () => {
    const p = page();
    await p.getByTestId('nav-users').click();
    await p.getByTestId('api-key-open').click();
    await p.getByTestId('api-key-name').fill('理赔系统（测试环境）');
    await p.getByTestId('api-key-scope-evidence:read').check();
    await p.getByTestId('api-key-create').click();
    await p.getByTestId('api-key-shown').waitFor();
    await expect(p.getByTestId('api-key-warning').textContent()).resolves.toContain(zhAdmin.newKey.onlyOnce.slice(0, 9));
    await checkConsoleZh(p, 'API key shown once, in Chinese', 'console-zh-api-key-shown', p.getByTestId('api-key-shown'));
    await p.getByTestId('api-key-done').click();
    await expect.poll(() => p.getByTestId('api-key-shown').count()).toBe(0);

    await p.getByTestId('api-key-revoke').click();
    await expect(p.getByTestId('api-key-revoke-confirm').textContent()).resolves.toBe(zhAdmin.apiKeys.revokeNow);
    await checkConsoleZh(p, 'API key, revoke asked, in Chinese', 'console-zh-api-key-revoke', p.getByTestId('api-key-row'));
    await p.getByTestId('api-key-revoke-confirm').click();
    await p.getByTestId('api-key-revoked').waitFor();
  });
  it('a warm transfer: waiting for the colleague, the colleague’s Transfer card, taken over — both consoles in 中文', async () => {
    const { server } = journey;
    const p = page();
    const me = (await call(p.request, 'GET', '/api/me', 200)).user;
    await call(p.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { complaints: 2 }, capacity: { video: 1 } });
    const colleague = (await call(p.request, 'POST', '/api/users', 201, COLLEAGUE)).user;
    await call(p.request, 'PUT', `/api/users/${colleague.id}/routing`, 204, { skills: { complaints: 1 }, capacity: { video: 1 } });
    await call(p.request, 'PUT', '/api/me/status', 204, { status: 'available' });
    const intake = await call(p.request, 'POST', '/api/intake', 201, { service: 'complaint', intent: '空调安装后一直漏水，已经报修三次', channel: 'video', language: 'zh-CN' });
    await call(p.request, 'POST', '/api/join/hand-off', 200, {}, { authorization: `Bearer ${intake.joinToken}` });
    const card = p.getByTestId('offer-card');
    await card.getByTestId('offer-accept').click();
    await p.locator(`[data-testid="case-view"][data-case-id="${intake.caseId}"]`).waitFor();

    theirs = await newPeerContext(journey.browser, { viewport: viewports.desktop });
    const zhao = new ConsolePage(await theirs.newPage());
    await zhao.login(server.url, COLLEAGUE.email, COLLEAGUE.password);
    await call(zhao.page.request, 'PUT', '/api/me/language', 200, { language: 'zh-CN' });
    await call(zhao.page.request, 'PUT', '/api/me/status', 204, { status: 'available' });
    await zhao.page.reload();
    await zhao.page.getByTestId('logout').filter({ hasText: '退出登录' }).waitFor();

    await p.getByTestId('transfer-open').click();
    const form = p.getByTestId('transfer-form');
    await form.getByTestId('transfer-warm').check();
    await expect.poll(() => form.getByTestId('transfer-to').locator('option').allTextContents()).toContain(zhText(c.transfer.colleague, { name: COLLEAGUE.name, status: c.transfer.status.available }));
    await form.getByTestId('transfer-to').selectOption(colleague.id);
    await form.getByTestId('transfer-note').fill('客户已报修三次，请务必约定上门时间。');
    await form.getByTestId('transfer-send').click();
    const pending = p.getByTestId('transfer-pending');
    await pending.waitFor();
    await expect(pending.textContent()).resolves.toContain(zhText(c.transfer.waiting, { name: COLLEAGUE.name }).split('…')[0]!);
    await checkConsoleZh(p, 'console, waiting for the colleague, in Chinese', 'console-zh-transfer-waiting', pending);

    const offer = zhao.page.getByTestId('offer-card');
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain(zhText(c.queue.offer.transfer, { channel: c.queue.channel.video }));
    await expect(offer.getByTestId('offer-transfer-note').textContent()).resolves.toBe('“客户已报修三次，请务必约定上门时间。”');
    await checkConsoleZh(zhao.page, 'console with a transfer offer card, in Chinese', 'console-zh-transfer-offer', offer);
    await offer.getByTestId('offer-accept').click();
    await zhao.page.locator(`[data-testid="case-view"][data-case-id="${intake.caseId}"]`).waitFor();

    await expect.poll(() => p.getByTestId('transfer-notice').textContent()).toBe(zhText(c.transfer.ended.accepted, { name: COLLEAGUE.name }));
    await checkConsoleZh(p, 'console case after the colleague took over, in Chinese', 'console-zh-transfer-taken-over');
  });
});
