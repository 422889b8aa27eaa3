// Journey: the assessor sees the customer's language (issue 16). The assessor makes a case in Simplified
// Chinese from the new-case form; the customer's page reports the language it is in (here through its
// route, so this journey does not depend on the page's own switch) and the case page says so at once;
// the customer's chat line, written in Chinese, carries a "简体中文" tag on the English console, and the
// assessor's own line carries none. The console case page passes axe.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

describe('the console shows the customer’s language', () => {
  const journey = useJourney();
  let caseId = '';
  let token = '';

  const customerPost = async (pathname: string, json: unknown): Promise<number> =>
    (await fetch(`${journey.server.url}${pathname}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(json) })).status;

  it('the new-case form offers the supported languages in their own names; the case keeps the one chosen', async () => {
    const { assessor, server } = journey;
    const page = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await page.getByTestId('new-case-open').click();
    const select = page.getByTestId('new-case-language');
    expect(await select.locator('option').allTextContents()).toEqual(['As their browser is set', 'English', '简体中文']);
    expect(await select.inputValue()).toBe('');
    await page.getByTestId('new-case-title').fill('Scratched car door');
    await page.getByTestId('new-case-customer').fill('Li Wei');
    await select.selectOption('zh-CN');
    await page.getByTestId('new-case-submit').click();
    const card = page.getByTestId('join-link-card').filter({ hasText: 'Scratched car door' });
    await card.waitFor();
    const joinUrl = await card.getByTestId('join-link-url').inputValue();
    token = new URL(joinUrl).hash.slice(1).split('&')[0]!;
    caseId = (await page.locator('[data-testid="case-row"]', { hasText: 'Scratched car door' }).getAttribute('data-case-id'))!;
    await page.getByTestId('join-link-close').click();
    await assessor.openCase(caseId);
    expect(await page.getByTestId('case-languages').textContent()).toBe('Case language: 简体中文');
    expect(await page.getByTestId('case-language').locator('[lang]').getAttribute('lang')).toBe('zh-CN');
  });

  it('the customer’s page language shows on the case page as soon as their page reports it', async () => {
    const page = journey.assessor.page;
    expect(await customerPost('/api/join/language', { language: 'zh-CN' })).toBe(204);
    await page.getByTestId('customer-language').waitFor();
    expect(await page.getByTestId('case-languages').textContent()).toBe("Customer's language: 简体中文 · Case language: 简体中文");
    expect(await customerPost('/api/join/language', { language: 'en' })).toBe(204);
    await page.getByTestId('customer-language').filter({ hasText: 'English' }).waitFor();
    expect(await customerPost('/api/join/language', { language: 'zh-CN' })).toBe(204);
    await page.getByTestId('customer-language').filter({ hasText: '简体中文' }).waitFor();
  });

  it('a chat line in the customer’s language is tagged on the English console; the assessor’s own is not', async () => {
    const { assessor } = journey;
    const page = assessor.page;
    expect(await customerPost('/api/join/consent', { recording: true, location: false })).toBe(200);
    expect(await customerPost(`/api/cases/${caseId}/chat`, { id: 'line-zh-00001', text: '您好，车门右侧有一道划痕。', language: 'zh-CN' })).toBe(201);
    const theirs = assessor.chatLine('customer', '车门右侧');
    await theirs.waitFor();
    expect(await theirs.getByTestId('chat-language').textContent()).toBe('简体中文');
    expect(await theirs.getByTestId('chat-language').getAttribute('lang')).toBe('zh-CN');
    await assessor.sendChat('Thank you, I can see it.');
    const mine = assessor.chatLine('assessor', 'Thank you');
    await mine.locator('.chat-meta', { hasNotText: 'sending' }).waitFor();
    expect(await mine.getByTestId('chat-language').count()).toBe(0);
    await page.evaluate(() => {
      document.querySelectorAll<HTMLButtonElement>('.toast-stack [aria-label="Dismiss"]').forEach((b) => b.click());
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'console-customer-language.png'), animations: 'disabled' });
    await expectAccessible(page, 'console case page with the customer’s language');
  });
});
