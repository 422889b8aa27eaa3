// Journey: the customer's page in Simplified Chinese (issue 16). A join link with &lang=zh-CN opens
// the page in Chinese (<html lang="zh-CN">, consent title and buttons in Chinese); the switch on the
// consent screen turns it to English and back live, with no reload; the customer agrees, waits, writes
// in the chat, is called, and sees the call end, all in Chinese. The server is told the page's language
// and the customer's chat line carries it, so the assessor sees both. Screenshots at 390×844:
// customer-{consent,waiting,chat-waiting,in-call,chat,ended}-zh.png; axe on every screen.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';
process.env.SIGHTLINE_RETENTION_DAYS = '365';

describe('the customer’s page in Simplified Chinese', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(shots, `${name}-zh.png`), fullPage, animations: 'disabled' });
  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
  let caseId = '';

  it('a link with &lang=zh-CN opens consent in Chinese, and the switch turns it to English and back live', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('屋顶漏水 — 北侧卧室', '王芳'));
    await customer.open(`${joinUrl}&lang=zh-CN`);
    const page = customer.page;
    expect(await htmlLang(page)).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('王芳，您好：');
    expect(await page.getByTestId('consent-accept').textContent()).toBe('同意并继续');
    expect(await page.getByTestId('consent-decline').textContent()).toBe('暂不同意');
    expect(await page.getByTestId('consent-retention').textContent()).toContain('保存1年');
    const language = page.getByRole('combobox', { name: '语言' });
    expect(await language.inputValue()).toBe('zh-CN');
    await shoot(page, 'customer-consent', true);
    await expectAccessible(page, 'consent (zh-CN)', { desktop: true });

    await language.selectOption('en');
    await page.getByTestId('consent-accept').filter({ hasText: 'I agree, continue' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Hello 王芳,');
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByTestId('consent-accept').filter({ hasText: '同意并继续' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
  });

  it('waiting and the chat are in Chinese; the server is told the page is in zh-CN and the line carries it', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    await customer.accept();
    expect(await page.getByTestId('call-state').textContent()).toBe('等待中');
    expect(await page.getByTestId('waiting').textContent()).toContain('正在等待Administrator…');
    await customer.sendChat('您好，漏水在卧室天花板。');
    await page.locator('[data-testid="chat-line"][data-from="customer"]', { hasText: '漏水' }).filter({ hasNotText: '发送中' }).waitFor();
    expect(await page.getByTestId('chat-sheet').getByRole('textbox').getAttribute('placeholder')).toBe('输入消息');
    await shoot(page, 'customer-chat-waiting');
    await expectAccessible(page, 'chat sheet while waiting (zh-CN)', { desktop: true });
    await customer.closeChat();
    await shoot(page, 'customer-waiting');
    await expectAccessible(page, 'waiting (zh-CN)', { desktop: true });

    const detail = await assessor.page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).json() as Promise<{ case: { customerLanguage?: string | null }; chat: Array<{ text: string; language?: string }> }>, caseId);
    expect(detail.case.customerLanguage).toBe('zh-CN');
    expect(detail.chat.find((line) => line.text.includes('漏水'))?.language).toBe('zh-CN');
  });

  it('in the call the control bar, the chat and the ended screen are in Chinese', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    await assessor.connectWaiting(caseId);
    await customer.callPage('in-call');
    expect(await page.getByTestId('call-state').textContent()).toBe('通话中');
    expect(await page.getByTestId('call-mute').getAttribute('aria-label')).toBe('关闭麦克风');
    expect(await page.getByTestId('call-hang-up').getAttribute('aria-label')).toBe('挂断');
    expect(await page.getByRole('navigation').getAttribute('aria-label')).toBe('通话控制');
    await shoot(page, 'customer-in-call');
    await expectAccessible(page, 'in call (zh-CN)', { desktop: true });

    await assessor.sendChat('Thanks — could you step back a little?');
    await page.getByTestId('chat-unread').filter({ hasText: '1' }).waitFor();
    expect(await page.getByTestId('chat-open').getAttribute('aria-label')).toBe('聊天，1条未读');
    await customer.openChat();
    await customer.chatLine('assessor', 'step back').waitFor();
    expect(await page.getByTestId('chat-sheet').textContent()).toContain('与Administrator聊天');
    await shoot(page, 'customer-chat');
    await expectAccessible(page, 'chat sheet in call (zh-CN)', { desktop: true });
    await customer.closeChat();

    // A refused photo says why in Chinese: the upload tells the server the page's language.
    await page.getByTestId('gallery-input').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('hello, this is not a photo\n'.repeat(50)) });
    await page.locator('[data-testid="gallery-upload"][data-status="failed"]').filter({ hasText: '此文件不是图片，请发送照片。' }).waitFor();

    await assessor.page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    expect(await page.getByTestId('call-ended').locator('h1').textContent()).toBe('通话已结束，感谢您');
    await page.getByTestId('survey').waitFor();
    await shoot(page, 'customer-ended', true);
    await expectAccessible(page, 'call ended (zh-CN)', { desktop: true });
  });
});
