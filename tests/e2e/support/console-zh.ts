// What the Chinese console journeys check on each screen (issue 16): axe at 1440×900, nothing past the
// window's right edge at 1440×900 and at 1024×768 (the console's two desktop sizes), a screenshot at each
// (docs/screenshots/<name>.png and <name>-1024.png), and no text cut off inside a part of the screen.
// The Chinese words come from the zh-CN message files, so a reworded message needs no test change.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import zhCasework from '../../../client/src/i18n/locales/zh-CN/casework.json';
import zhConsole from '../../../client/src/i18n/locales/zh-CN/console.json';
import { expectAccessible, expectReflow } from './axe.ts';
import { repoRoot } from './server.ts';
import { zhText } from './zh-screen.ts';

/** The console's zh-CN messages as typed objects, so a journey's keys are checked by the compiler. */
export const zh = { console: zhConsole, casework: zhCasework };
export { zhText };

/** Switches the signed-in user's console to 中文 (PUT /api/me/language) and reloads the page into it. */
export async function useChineseConsole(page: Page): Promise<void> {
  const status = await page.evaluate(async () => (await fetch('/api/me/language', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'zh-CN' }) })).status);
  expect(status, 'PUT /api/me/language').toBe(200);
  await page.reload();
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
}

/** Elements of `root` whose text is cut off (wider inside than their box) or reaches past the window's right edge, and buttons whose label wraps. */
async function cutOff(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const edge = document.documentElement.clientWidth;
    return [el, ...el.querySelectorAll<HTMLElement>('*')]
      .filter((node): node is HTMLElement => node instanceof HTMLElement && node.offsetParent !== null && !!node.textContent?.trim())
      // A tour's 3D view places its markers where the scene puts them and clips them at its edges by design.
      .filter((node) => !node.closest('[data-testid="tour-renderer"]'))
      // Words kept for screen readers only (a 1 px clipped box) are not cut off.
      .filter((node) => { const r = node.getBoundingClientRect(); return r.width > 1 && r.height > 1; })
      .filter((node) => {
        const style = getComputedStyle(node);
        const clipped = node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1 && !['auto', 'scroll'].includes(style.overflowX) && node.tagName !== 'SELECT' && node.tagName !== 'TEXTAREA' && node.tagName !== 'INPUT';
        return clipped || node.getBoundingClientRect().right > edge + 1;
      })
      .concat([...el.querySelectorAll<HTMLElement>('button, .btn')].filter((button) => {
        // A button with words that break onto a second line (a Chinese label breaks between any two characters).
        if (button.offsetParent === null || !button.textContent?.trim()) return false;
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          if (!text.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(text);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1).map((r) => Math.round(r.top)));
          if (lines.size > 1) return true;
        }
        return false;
      }))
      .slice(0, 12)
      .map((node) => `${node.tagName.toLowerCase()}${node.getAttribute('data-testid') ? `[data-testid=${node.getAttribute('data-testid')}]` : typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}: ${node.textContent?.trim().slice(0, 40)}`);
  });
}

async function expectFits(page: Page, what: string, part: Locator | undefined): Promise<void> {
  const size = page.viewportSize();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wide, `${what} at ${size?.width}×${size?.height}: the page scrolls sideways by ${wide} px`).toBeLessThanOrEqual(1);
  if (part) expect(await cutOff(part), `${what} at ${size?.width}×${size?.height}: text cut off or past the edge`).toEqual([]);
}

/**
 * The Chinese console screen as it is now: axe at 1440×900, then at 1440×900 and 1024×768 no sideways
 * scrolling and no text cut off in `part` (default: the whole <main>), reflow at half each width (200 %
 * zoom, expectReflow), and a screenshot at each with
 * `part` scrolled to just under the top bar. The viewport is 1440×900 again afterwards.
 */
export async function checkConsoleZh(page: Page, what: string, name: string, part?: Locator): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang), `${what}: the page is not in Chinese`).toBe('zh-CN');
  await expectAccessible(page, what);
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const region = part ?? page.locator('main');
  const take = async (file: string) => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    if (part) await part.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 72));
    else await page.evaluate(() => window.scrollTo(0, 0));
    await expectFits(page, what, region);
    // The screenshot before the reflow check: narrowing the window moves the page under its scroll position.
    await page.screenshot({ path: path.join(shots, file), animations: 'disabled' });
    await expectReflow(page, what);
  };
  await page.setViewportSize({ width: 1440, height: 900 });
  await take(`${name}.png`);
  await page.setViewportSize({ width: 1024, height: 768 });
  try {
    await take(`${name}-1024.png`);
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
}
