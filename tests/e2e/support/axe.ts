// axe-core in the browser journeys (issue 16): a screen passes when axe finds no serious or critical
// violation of WCAG 2.0/2.1/2.2 A and AA. The axe source comes from node_modules (no CDN), and runs in
// the page itself (legacy mode): the finishing step of the default mode opens a blank page in the
// journey's context, which its init scripts and page counts would see.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const failing = new Set(['serious', 'critical']);

/**
 * Serious violations waiting for a component fix: tolerated only for this rule on elements matching
 * this selector, and named in the log each time. Empty: none is tolerated.
 */
const awaitingTsx: { rule: string; selector: string; file: string }[] = [];

const awaited = (rule: string, target: string): boolean => awaitingTsx.some((a) => a.rule === rule && target.includes(a.selector));

/** The violations with only the elements no awaitingTsx entry covers; a rule left with none is dropped. */
function notAwaited(violations: Result[]): { open: Result[]; tolerated: Result[] } {
  const open: Result[] = [];
  const tolerated: Result[] = [];
  for (const v of violations) {
    const nodes = v.nodes.filter((n) => !awaited(v.id, n.target.join(' ')));
    if (nodes.length > 0) open.push({ ...v, nodes });
    if (nodes.length < v.nodes.length) tolerated.push({ ...v, nodes: v.nodes.filter((n) => awaited(v.id, n.target.join(' '))) });
  }
  return { open, tolerated };
}

/** The desktop viewport a screen is checked at besides the phone's. */
export const desktopViewport = { width: 1280, height: 800 } as const;

export interface AccessibleOptions {
  /** Also check the screen at 1280×800, then put the page's viewport back. @default false */
  desktop?: boolean;
}

/** One line per element: rule, impact, target, help. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) => v.nodes.map((node) => `  ${v.id} [${node.impact ?? v.impact}] ${node.target.join(' ')} — ${v.help}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`))
    .join('\n');
}

/**
 * Waits (at most 3 s) for the page's finite animations and transitions to end: axe reads colours as
 * drawn, so a card still fading in is measured against a blend of its colours and the page (an offer
 * card at 4.36:1 mid-fade, seen once). Endless ones (a pulse, a spinner) are not waited for.
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((resolve) => setTimeout(resolve, 3000))]);
  });
}

async function analyse(page: Page, what: string): Promise<Result[]> {
  await settle(page);
  const results = await new AxeBuilder({ page, axeSource }).withTags(axeTags).setLegacyMode(true).analyze();
  const { open: serious, tolerated } = notAwaited(results.violations.filter((v) => failing.has(v.impact ?? '')));
  if (tolerated.length > 0) console.warn(`axe: ${what}: tolerated until the component is fixed:\n${describeViolations(tolerated)}`);
  if (serious.length > 0) {
    const size = page.viewportSize();
    throw new Error(`axe: ${what} at ${size?.width}×${size?.height} has ${serious.length} serious or critical violation(s):\n${describeViolations(serious)}`);
  }
  return results.violations.filter((v) => !failing.has(v.impact ?? ''));
}

/**
 * Runs axe on the page as it is now; throws with a readable list when a serious or critical
 * violation is found, else returns the minor and moderate ones (logged when SIGHTLINE_E2E_VERBOSE).
 */
export async function expectAccessible(page: Page, what: string, options: AccessibleOptions = {}): Promise<Result[]> {
  const rest = await analyse(page, what);
  if (options.desktop) {
    const phone = page.viewportSize();
    await page.setViewportSize(desktopViewport);
    try {
      rest.push(...(await analyse(page, what)));
    } finally {
      if (phone) await page.setViewportSize(phone);
    }
  }
  if (rest.length > 0 && process.env.SIGHTLINE_E2E_VERBOSE) console.log(`axe: ${what}, minor or moderate:\n${describeViolations(rest)}`);
  return rest;
}

/**
 * 200 % zoom (WCAG 1.4.10 reflow): the page at half its width (390 px → 195 px CSS, what a phone
 * shows at 200 %) must not scroll sideways; throws naming the elements that stick out.
 */
export async function expectReflow(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) throw new Error('expectReflow needs a page with a viewport');
  await page.setViewportSize({ width: Math.round(size.width / 2), height: Math.round(size.height / 2) });
  try {
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width + 1) return [];
      return [...document.body.querySelectorAll<HTMLElement>('*')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
        .slice(0, 12)
        .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (${Math.round(el.getBoundingClientRect().left)}–${Math.round(el.getBoundingClientRect().right)} px)`);
    });
    if (wide.length > 0) throw new Error(`reflow: ${what} at ${size.width / 2} px scrolls sideways:\n  ${wide.join('\n  ')}`);
  } finally {
    await page.setViewportSize(size);
  }
}

/**
 * Touch targets on a phone (the issue's 44 px, above WCAG 2.5.8's 24 px that axe checks): every
 * visible button, select, text field and standalone link is at least 44×44 CSS px; a radio or
 * checkbox is measured by its label (the label is what the finger hits). Links inside a sentence are
 * exempt, as WCAG exempts them.
 */
export async function expectTouchTargets(page: Page, what: string): Promise<void> {
  const small = await page.evaluate(() => {
    const seen = new Set<Element>();
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const el of document.querySelectorAll('button, select, input, textarea, a[href], [role="button"]')) {
      const input = el instanceof HTMLInputElement ? el : null;
      if (input?.type === 'hidden') continue;
      const target = input && ['radio', 'checkbox', 'file'].includes(input.type) ? (input.closest('label') ?? input) : el;
      if (seen.has(target)) continue;
      seen.add(target);
      const style = getComputedStyle(target);
      const box = target.getBoundingClientRect();
      if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
      if (el instanceof HTMLAnchorElement && el.parentElement && (el.parentElement.textContent ?? '').trim().length > (el.textContent ?? '').trim().length) continue;
      if (box.width < 43.5 || box.height < 43.5) out.push(`${name(target)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  });
  if (small.length > 0) throw new Error(`touch targets: ${what} has ${small.length} under 44×44 px:\n  ${small.join('\n  ')}`);
}
