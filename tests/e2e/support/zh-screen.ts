// The Chinese journeys' two helpers (issue 16): `zh('customer:ended.left')` reads a message from the
// zh-CN locale files the pages bundle (so a journey asserts the words the page should show, not a copy
// of them), and `zhScreen` checks one screen as every zh journey does — a *-zh.png screenshot in
// docs/screenshots/, axe (phone, and desktop when asked) and 200 % reflow on the phone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessible, expectReflow } from './axe.ts';
import { repoRoot } from './server.ts';

const locales = path.join(repoRoot, 'client', 'src', 'i18n', 'locales', 'zh-CN');
const namespaces = new Map<string, Record<string, unknown>>();

/**
 * The zh-CN message `namespace:dotted.key` with its {{placeholders}} filled in and its markup tags
 * (<strong>, <reason></reason>) dropped, as the page shows it. Throws on a key the file does not have.
 */
export function zh(key: string, values: Record<string, string | number> = {}): string {
  const [namespace, dotted] = key.split(':') as [string, string];
  let messages = namespaces.get(namespace);
  if (!messages) {
    messages = JSON.parse(readFileSync(path.join(locales, `${namespace}.json`), 'utf8')) as Record<string, unknown>;
    namespaces.set(namespace, messages);
  }
  const message = dotted.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof message !== 'string') throw new Error(`zh-CN has no message ${key}`);
  return zhText(message, values).replace(/<\/?\w+>/g, '');
}

/** A message with its {{placeholders}} filled in (an unknown one is left as it is). */
export function zhText(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/** Some Chinese (Han) text. */
export const HAN = /\p{Script=Han}/u;

export interface ZhScreenOptions {
  /** Also run axe at the desktop viewport. @default false */
  desktop?: boolean;
  /** A full-page screenshot. @default false */
  fullPage?: boolean;
}

/**
 * One screen in Chinese: asserts the page is in zh-CN, takes docs/screenshots/<name>-zh.png, runs axe
 * and checks 200 % reflow (the phone's viewport halved).
 */
export async function zhScreen(page: Page, name: string, what: string, options: ZhScreenOptions = {}): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') throw new Error(`${what}: the page is not in zh-CN`);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', `${name}-zh.png`), fullPage: options.fullPage ?? false, animations: 'disabled' });
  await expectAccessible(page, `${what} (zh-CN)`, { desktop: options.desktop ?? false });
  await expectReflow(page, `${what} (zh-CN)`);
}

/**
 * No text cut off on the screen as it is: an element whose words are wider than its box (and that does
 * not scroll), or that reaches past the window's right edge. Words kept for screen readers only (a box
 * clipped to nothing) and what a 3D view draws are not counted.
 */
export async function expectNoClippedText(page: Page, what: string): Promise<void> {
  const clipped = await page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    return [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((node) => node.offsetParent !== null && !!node.textContent?.trim() && !node.closest('canvas, [data-testid="tour-renderer"]'))
      .filter((node) => { const r = node.getBoundingClientRect(); return r.width > 1 && r.height > 1; })
      .filter((node) => {
        const style = getComputedStyle(node);
        if (style.clip !== 'auto' || node.parentElement?.closest('.visually-hidden')) return false;
        const scrolls = ['auto', 'scroll'].includes(style.overflowX) || ['SELECT', 'TEXTAREA', 'INPUT'].includes(node.tagName);
        return (!scrolls && node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) || node.getBoundingClientRect().right > edge + 1;
      })
      .slice(0, 12)
      .map((node) => `${node.tagName.toLowerCase()}${node.dataset.testid ? `[data-testid=${node.dataset.testid}]` : ''}: ${node.textContent?.trim().slice(0, 40)}`);
  });
  if (clipped.length > 0) throw new Error(`${what} (zh-CN): text cut off or past the edge:\n  ${clipped.join('\n  ')}`);
}
