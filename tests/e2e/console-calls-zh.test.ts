// Journey: a live call's console in Simplified Chinese (issue 16), the console screens of the queue, call,
// live-inspection, third-participant, transfer, recording and after-session journeys. The admin, whose
// console language is 中文, opens the status menu and goes Available; a customer's complaint comes in
// through the front door and its offer card is accepted; the customer joins from a Chinese link over real
// WebRTC and the case shows the call connected and recording, the customer's language and a chat; the
// customer turns the camera off and mutes; the admin invites an expert, whose own console (in 中文) joins
// the call, and the admin's case shows their tile; a supervisor listens, then whispers; the transfer form,
// warm (with its error) and cold; the admin hangs up: the call ended, the recording sealed and played with
// its timeline, the wrap-up saved, the case closed. Each screen: axe, no sideways scrolling, cut-off text
// or wrapped button at 1440×900 and 1024×768, reflow at half of each (tests/e2e/support/console-zh.ts),
// screenshots docs/screenshots/console-zh-*.png.
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ConsolePage } from './support/console-page.ts';
import { checkConsoleZh, zh, zhText } from './support/console-zh.ts';
import { useJourney } from './support/journey.ts';
import { newPeerContext, recordPageLog, viewports } from './support/launcher.ts';

const EXPERT = { name: '陈思远', email: 'chen.siyuan@example.test', password: 'a long enough password', role: 'expert' };
const SUPERVISOR = { name: '周静', email: 'zhou.jing@example.test', password: 'a long enough password', role: 'supervisor' };
const COLLEAGUE = { name: '赵磊', email: 'zhao.lei@example.test', password: 'a long enough password', role: 'assessor' };
const c = zh.console;

describe('a live call’s console in 中文', () => {
  let expertContext: BrowserContext;
  let expert: ConsolePage;
  const journey = useJourney({
    setup: async (j) => {
      expertContext = await newPeerContext(j.browser, { viewport: viewports.desktop });
      j.contexts.push(expertContext);
      expert = new ConsolePage(await expertContext.newPage());
      j.logs.push(recordPageLog(expert.page, 'expert'));
    },
  });
  const page = () => journey.assessor.page;
  let caseId = '';
  let joinUrl = '';
  let expertId = '';

  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown, headers?: Record<string, string>) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}), ...(headers ? { headers } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }

  it('the status menu, an offer card from the front door at 1440 and 1024 px, the case opened from it', async () => {
    const { assessor, server } = journey;
    const p = page();
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await call(p.request, 'PUT', '/api/me/language', 200, { language: 'zh-CN' });
    const me = (await call(p.request, 'GET', '/api/me', 200)).user;
    await call(p.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { complaints: 2 }, capacity: { video: 1 } });
    expertId = (await call(p.request, 'POST', '/api/users', 201, EXPERT)).user.id;
    await call(p.request, 'POST', '/api/users', 201, SUPERVISOR);
    const colleague = (await call(p.request, 'POST', '/api/users', 201, COLLEAGUE)).user;
    await call(p.request, 'PUT', `/api/users/${colleague.id}/routing`, 204, { skills: { complaints: 1 }, capacity: { video: 1 } });
    await p.reload();
    await p.getByTestId('logout').filter({ hasText: '退出登录' }).waitFor();

    await p.getByTestId('status-picker').click();
    const available = p.getByRole('menuitemradio', { name: new RegExp(c.queue.status.available) });
    await available.waitFor();
    await expect(p.getByRole('menuitemradio').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining(c.queue.status.hint.available)]));
    await checkConsoleZh(p, 'console status menu open in Chinese', 'console-zh-status-menu', p.locator('header.topbar'));
    await available.click();
    await p.locator('[data-testid="status-picker"][data-status="available"]').waitFor();

    const intake = await call(p.request, 'POST', '/api/intake', 201, { service: 'complaint', intent: '维修师傅两次都没上门，我为此请了一天假', channel: 'video', language: 'zh-CN' });
    caseId = intake.caseId;
    joinUrl = intake.joinUrl;
    await call(p.request, 'POST', '/api/join/hand-off', 200, {}, { authorization: `Bearer ${intake.joinToken}` });
    const card = p.getByTestId('offer-card');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain(c.queue.channel.video);
    await expect(card.getByTestId('offer-accept').textContent()).resolves.toBe(c.queue.offer.accept);
    await expect(card.getByTestId('offer-handoff-reason').textContent()).resolves.toBe(c.queue.summary.reason.complaint);
    // Why it came here, and the assistant's rule, worded from their facts in the reader's language.
    await expect(card.getByTestId('offer-reason').textContent()).resolves.toBe('匹配：投诉 1 级及以上（第一步）');
    await expect(card.locator('[data-source="rule:complaint"]').textContent()).resolves.toContain('规则：投诉');
    await checkConsoleZh(p, 'console incoming offer from the front door in Chinese', 'console-zh-front-door-offer', card);
    await card.getByTestId('offer-accept').click();
    await p.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    await card.waitFor({ state: 'detached' });
    await expect(p.getByTestId('call-state').textContent()).resolves.toMatch(new RegExp(`^(${c.call.status.linkNotOpened}|${c.call.status.notConnected})$`));
    await expect(p.getByTestId('front-door-handoff').textContent()).resolves.toContain(c.queue.summary.reason.complaint);
    await checkConsoleZh(p, 'console case opened from an offer in Chinese', 'console-zh-case-from-offer');
  });

  it('the customer joins from a Chinese link: in call and recording, the customer’s language, a chat', async () => {
    const { assessor, customer } = journey;
    const p = page();
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await customer.accept();
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await assessor.currentRecordingId();
    await expect(p.getByTestId('call-state').textContent()).resolves.toBe(c.call.status.inCall);
    // The top bar's status says the call too, the chosen status kept for after it.
    await p.locator('[data-testid="status-picker"][data-in-call="true"][data-status="available"]').waitFor();
    await expect(p.getByTestId('status-picker').textContent()).resolves.toContain(c.queue.status.inCall);
    await expect(p.getByTestId('hang-up').textContent()).resolves.toContain(c.call.action.hangUp);
    await expect(p.getByTestId('video-badge').textContent()).resolves.toMatch(new RegExp(`^${c.call.badge.live}`));
    await p.getByTestId('customer-language').filter({ hasText: '简体中文' }).waitFor();
    await expect(p.getByTestId('case-languages').textContent()).resolves.toContain(zhText(c.case.customerLanguage.replace(/<\/?lang>/g, ''), { name: '简体中文' }));
    await customer.sendChat('热水器在厨房左边，漏水的是底部');
    await assessor.chatLine('customer', '热水器在厨房左边').waitFor();
    await assessor.sendChat('好的，请把镜头对准热水器底部。');
    await customer.chatLine('assessor', '请把镜头对准').waitFor();
    await expect(p.getByTestId('recording-status').textContent()).resolves.toContain(zh.casework.recording.on);
    await checkConsoleZh(p, 'console case in a live call in Chinese: markup tools, recording, chat', 'console-zh-call');

    // The customer turns the camera off and mutes: the console says so in Chinese, still in call.
    await customer.closeChat();
    await customer.page.getByTestId('call-camera').click();
    await customer.page.getByTestId('call-mute').click();
    await expect.poll(() => p.getByTestId('video-badge').textContent()).toBe(c.call.badge.liveMuted);
    await expect.poll(() => p.getByTestId('video-empty').textContent()).toBe(c.call.cameraOff.camera);
    await expect(p.getByTestId('customer-muted').textContent()).resolves.toBe(c.call.muted);
    await checkConsoleZh(p, 'console call, the customer’s camera off and muted, in Chinese', 'console-zh-call-muted');
    await customer.page.getByTestId('call-camera').click();
    await customer.page.getByTestId('call-mute').click();
    await expect.poll(() => p.getByTestId('video-badge').textContent()).toBe(c.call.badge.live);
    await assessor.waitForLiveVideo();
  });

  it('an expert is invited; their own console in 中文 before and after joining; the admin sees their tile', async () => {
    const { server } = journey;
    const p = page();
    await p.getByTestId('invite-expert-open').click();
    await p.getByTestId('invite-expert-choice').selectOption(expertId);
    await expect(p.getByTestId('invite-expert-submit').textContent()).resolves.toBe(c.participants.invite.invite);
    await checkConsoleZh(p, 'console case in a call, inviting an expert, in Chinese', 'console-zh-invite-expert', p.getByTestId('invite-expert'));
    await p.getByTestId('invite-expert-submit').click();
    await p.getByTestId('invited-list').filter({ hasText: EXPERT.name }).waitFor();

    await expert.login(server.url, EXPERT.email, EXPERT.password);
    await call(expert.page.request, 'PUT', '/api/me/language', 200, { language: 'zh-CN' });
    await expert.page.goto(`${server.url}/#/cases/${caseId}`);
    await expert.page.reload();
    const stage = expert.page.getByTestId('participant-stage');
    await stage.waitFor();
    await expect(expert.page.getByTestId('participant-join').textContent()).resolves.toBe(c.participants.join);
    await checkConsoleZh(expert.page, 'expert’s console, the case before joining, in Chinese', 'console-zh-expert-before');
    await expert.page.getByTestId('participant-join').click();
    await expert.page.locator('[data-testid="participant-stage"][data-state="connected"]').waitFor({ timeout: 45_000 });
    await expect(expert.page.getByTestId('participant-status').textContent()).resolves.toContain(c.participants.forParticipant.full);
    await checkConsoleZh(expert.page, 'expert’s console, joined, in Chinese', 'console-zh-expert');

    const tile = p.locator(`[data-testid="participant-tile"][data-user="${expertId}"][data-connected="true"]`);
    await tile.waitFor({ timeout: 45_000 });
    await expect(tile.getByTestId('participant-mode').textContent()).resolves.toContain(c.participants.forAssessor.full);
    await checkConsoleZh(p, 'console case with the expert’s tile in Chinese', 'console-zh-call-expert', p.getByTestId('participant-tiles'));
    await expert.page.getByTestId('participant-leave').click();
    await p.locator(`[data-testid="participant-tile"][data-user="${expertId}"]`).waitFor({ state: 'detached' });
  });

  it('a supervisor listens, then whispers: their console and the admin’s case with the whispering tile, in 中文', async () => {
    const { server } = journey;
    const p = page();
    await expert.page.getByTestId('logout').click();
    await expert.login(server.url, SUPERVISOR.email, SUPERVISOR.password);
    await call(expert.page.request, 'PUT', '/api/me/language', 200, { language: 'zh-CN' });
    const me = (await call(expert.page.request, 'GET', '/api/me', 200)).user;
    await expert.page.goto(`${server.url}/#/cases/${caseId}`);
    await expert.page.reload();
    await expert.page.getByTestId('participant-listen').click();
    await expert.page.locator('[data-testid="participant-stage"][data-state="connected"]').waitFor({ timeout: 45_000 });
    await expect(expert.page.getByTestId('participant-status').textContent()).resolves.toContain(c.participants.forParticipant.listen);
    await checkConsoleZh(expert.page, 'supervisor’s console, listening, in Chinese', 'console-zh-supervisor-listen');
    await expert.page.getByTestId('participant-whisper').click();
    const tile = p.locator(`[data-testid="participant-tile"][data-user="${me.id}"][data-mode="whisper"]`);
    await tile.waitFor();
    await expect(tile.getByTestId('participant-mode').textContent()).resolves.toContain(c.participants.forAssessor.whisper);
    await checkConsoleZh(p, 'console case with a whispering supervisor, in Chinese', 'console-zh-call-whisper', p.getByTestId('participant-tiles'));
    await expert.page.getByTestId('participant-leave').click();
    await p.locator(`[data-testid="participant-tile"][data-user="${me.id}"]`).waitFor({ state: 'detached' });
  });

  it('the transfer form: warm with its error (no colleague chosen), then cold', async () => {
    const p = page();
    await p.getByTestId('transfer-open').click();
    const form = p.getByTestId('transfer-form');
    await expect(form.locator('h3').textContent()).resolves.toBe(c.transfer.title);
    await form.getByTestId('transfer-warm').check();
    await expect.poll(() => form.getByTestId('transfer-to').locator('option').allTextContents()).toContain(zhText(c.transfer.colleague, { name: COLLEAGUE.name, status: c.transfer.status.offline }));
    await form.getByTestId('transfer-note').fill('客户的热水器两次维修均未上门，请务必约定具体时间。');
    await form.getByTestId('transfer-send').click();
    await expect(form.getByTestId('transfer-error').textContent()).resolves.toBe(c.transfer.chooseSomeone);
    await checkConsoleZh(p, 'console transfer form, warm, in Chinese', 'console-zh-transfer-warm', form);
    await form.getByTestId('transfer-cold').check();
    await expect(form.getByTestId('transfer-send').textContent()).resolves.toBe(c.transfer.sendQueue);
    await checkConsoleZh(p, 'console transfer form, cold, in Chinese', 'console-zh-transfer-cold', form);
    await form.getByRole('button', { name: c.transfer.back }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('hung up: the call ended, the recording sealed and played with its timeline', async () => {
    const { assessor, customer } = journey;
    const p = page();
    const recordingId = await assessor.currentRecordingId();
    await p.getByTestId('hang-up').click();
    await p.locator('[data-testid="call-state"][data-state="ended"]').waitFor();
    await customer.callPage('ended');
    await expect(p.getByTestId('call-state').textContent()).resolves.toBe(c.call.status.ended);
    await expect(p.getByTestId('connect').textContent()).resolves.toBe(c.call.action.callAgain);
    await assessor.recordingUpload(recordingId).and(p.locator('[data-state="sealed"]')).waitFor({ timeout: 30_000 });
    await expect(assessor.recordingUpload(recordingId).textContent()).resolves.toContain(zh.casework.recording.state.sealed);
    await checkConsoleZh(p, 'console case, call hung up, in Chinese', 'console-zh-call-ended');

    const item = p.locator(`[data-testid="recording-item"][data-recording-id="${recordingId}"][data-sealed="true"]`);
    await item.waitFor({ timeout: 10_000 });
    await item.click();
    const player = p.locator(`[data-testid="recording-player"][data-recording-id="${recordingId}"]`);
    await player.waitFor();
    await expect.poll(() => player.locator('[data-testid="timeline-marker"][data-kind="chat"]').count()).toBe(2);
    await expect(player.getByRole('group', { name: zh.casework.recording.timeline }).or(player.getByLabel(zh.casework.recording.timeline)).count()).resolves.toBeGreaterThan(0);
    await checkConsoleZh(p, 'console recording player and its timeline in Chinese', 'console-zh-recording', player);
  });

  it('the wrap-up: its error, then Resolved with notes; the case closed', async () => {
    const p = page();
    const panel = p.getByTestId('wrap-up');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain(c.wrapUp.hint);
    await panel.getByTestId('wrap-up-save').click();
    await expect(panel.getByTestId('wrap-up-problem').textContent()).resolves.toContain(c.wrapUp.choose);
    await panel.getByRole('radio', { name: c.wrapUp.disposition.resolved, exact: true }).check();
    await panel.getByTestId('wrap-up-notes').fill('已与客户约定周三上午上门维修热水器。');
    await checkConsoleZh(p, 'console wrap-up form in Chinese', 'console-zh-wrap-up', panel);
    await panel.getByTestId('wrap-up-save').click();
    await expect(panel.getByTestId('wrap-up-row').textContent()).resolves.toContain(c.wrapUp.disposition.resolved);
    await panel.getByTestId('wrap-up-saved').waitFor();

    await p.getByTestId('close-case').click();
    await p.getByTestId('close-reason').fill('已电话解决');
    await p.getByTestId('case-close-submit').click();
    await p.getByTestId('case-closed-banner').waitFor();
    await expect(p.getByTestId('case-closed-banner').textContent()).resolves.toContain(c.case.closedBanner);
    await checkConsoleZh(p, 'console closed case in Chinese', 'console-zh-case-closed');
  });
});
