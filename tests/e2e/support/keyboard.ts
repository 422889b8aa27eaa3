// Keyboard and switch access in the browser journeys (issue 16): Tab through a page as a switch user
// does (sequential focus only), checking at each stop that focus can be seen — a ring drawn on the
// element, inside it or around it that is not there once it loses focus — and is not hidden under
// something else (WCAG 2.4.7, 2.4.11); walk a whole Tab cycle to find what it never reaches.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Trusted mouse and pointer events the page received (keyboard clicks have detail 0 and are not counted). */
    sightlineMouseEvents?: string[];
  }
}

/** An init script: counts every trusted mouse or pointer event, before the page's own listeners see it. */
export function countMouseEvents(): void {
  const seen: string[] = [];
  window.sightlineMouseEvents = seen;
  const types = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu', 'auxclick', 'wheel', 'touchstart', 'touchend'];
  for (const type of types) window.addEventListener(type, (event) => event.isTrusted && seen.push(type), true);
  // Enter or Space on a button fires a click too, with detail 0 and no pointer: only a pointer's click counts.
  window.addEventListener('click', (event) => event.isTrusted && event.detail > 0 && seen.push('click'), true);
}

export const mouseEvents = (page: Page): Promise<string[] | null> => page.evaluate(() => window.sightlineMouseEvents ?? null);

/** What has focus now: a readable name, whether its focus shows, and whether it can be seen at all. */
export interface FocusStop {
  /** `tag[data-testid=…] “label”`, or `body`. */
  name: string;
  testId: string | null;
  /** Whether `selector` (when given) matches the focused element. */
  matches: boolean;
  /** A focus indicator: the outline or box-shadow of the element, a descendant or an ancestor differs from its unfocused look. */
  ring: boolean;
  /** Some of it lies in the viewport and is not entirely covered by another element. */
  visible: boolean;
}

/** Reads the focused element (see FocusStop); briefly blurs and refocuses it to compare its look without focus. */
export function focusStop(page: Page, selector = ':not(*)'): Promise<FocusStop> {
  return page.evaluate((wanted) => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: 'body', testId: null, matches: false, ring: true, visible: true };
    const testId = element.getAttribute('data-testid');
    const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
    const name = `${element.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : element.id ? `#${element.id}` : ''} “${label}”`;
    // The ring may be drawn on the element, on a child (an icon circle) or on its label (a hidden file input).
    const family = [element, ...element.querySelectorAll('*')].slice(0, 40);
    for (let up = element.parentElement, i = 0; up && i < 3; up = up.parentElement, i++) family.push(up);
    const look = (): string[] =>
      family.map((el) => {
        const s = getComputedStyle(el);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow} ${s.borderColor}`;
      });
    const focused = look();
    element.blur();
    const blurred = look();
    element.focus({ preventScroll: true });
    const ring = focused.some((value, i) => value !== blurred[i]);

    // Not entirely hidden: one of five points of its box (or of its label's, for a hidden input) shows it.
    const shown = element instanceof HTMLInputElement && element.labels?.[0] && element.getBoundingClientRect().width <= 1 ? element.labels[0] : element;
    const box = shown.getBoundingClientRect();
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + 2, box.top + 2],
      [box.right - 2, box.top + 2],
      [box.left + 2, box.bottom - 2],
      [box.right - 2, box.bottom - 2],
    ];
    const visible = box.width > 0 && box.height > 0 && points.some(([x, y]) => {
      const hit = document.elementFromPoint(x!, y!);
      return hit !== null && (shown.contains(hit) || hit.contains(shown));
    });
    return { name, testId, matches: element.matches(wanted), ring, visible };
  }, selector);
}

export interface TabWalker {
  /** Tab (or Shift+Tab) until `selector` has focus, checking every stop on the way; throws after `max` presses. */
  tabTo(selector: string, options?: { backward?: boolean; max?: number }): Promise<void>;
  /** Presses Tab once and checks the stop. */
  tab(backward?: boolean): Promise<FocusStop>;
  /** Stops where focus could not be seen: no ring, or hidden under something. */
  faults: string[];
}

/** Tabs through `page()` noting each stop without a visible focus (`what()` names the screen in the note). */
export function tabWalker(page: () => Page, what: () => string): TabWalker {
  const faults: string[] = [];
  const check = (stop: FocusStop): FocusStop => {
    if (!stop.ring) faults.push(`${what()}: ${stop.name} shows no focus ring`);
    if (!stop.visible) faults.push(`${what()}: ${stop.name} has focus but is hidden`);
    return stop;
  };
  const tab = async (backward = false): Promise<FocusStop> => {
    await page().keyboard.press(backward ? 'Shift+Tab' : 'Tab');
    return check(await focusStop(page()));
  };
  return {
    faults,
    tab,
    async tabTo(selector, options = {}) {
      const max = options.max ?? 60;
      for (let i = 0; i < max; i++) {
        await page().keyboard.press(options.backward ? 'Shift+Tab' : 'Tab');
        const stop = check(await focusStop(page(), selector));
        if (stop.matches) return;
      }
      throw new Error(`${what()}: ${max} presses of ${options.backward ? 'Shift+Tab' : 'Tab'} did not reach ${selector}`);
    },
  };
}

export const focused = (page: Page, selector: string): Promise<boolean> => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** One whole round of Tab: the stops in order (by data-testid, else a name), and what it never reached. */
export interface TabCycle {
  stops: string[];
  /** Visible, enabled controls that no press of Tab reached. */
  unreached: string[];
  /** Elements with a tabindex above 0 (they jump the page's order). */
  positive: string[];
  /** The round came back to where it started (no trap); false when `max` presses never did. */
  closed: boolean;
}

/**
 * Presses Tab from where focus is until it comes back there (or `max` presses), checking and recording
 * each stop with `walker`. Controls counted as reachable: visible, enabled buttons, links, fields,
 * selects and [tabindex] elements, outside inert parts, inside `within` when given (a modal dialog).
 */
export async function tabCycle(page: Page, walker: TabWalker, options: { within?: string; max?: number } = {}): Promise<TabCycle> {
  await page.evaluate((within) => {
    const scope = within ? document.querySelector(within) : document.body;
    const all = [...(scope?.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [tabindex]') ?? [])];
    const w = window as unknown as { sightlineReachable: HTMLElement[]; sightlineReached: Set<Element> };
    w.sightlineReachable = all.filter((el) => {
      if (el.closest('[inert]') || (el as HTMLButtonElement).disabled || el.getAttribute('tabindex') === '-1') return false;
      if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
      const shown = el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0] : el;
      const box = shown.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(shown).visibility !== 'hidden';
    });
    w.sightlineReached = new Set();
  }, options.within ?? null);
  // A round ends back where it started, or — started on something Tab never stops at (a heading given
  // focus by the page, the body) — back on its first stop.
  const start = await page.evaluateHandle(() => document.activeElement);
  let first = await page.evaluateHandle(() => null as Element | null);
  const stops: string[] = [];
  let closed = false;
  for (let i = 0; i < (options.max ?? 60); i++) {
    const stop = await walker.tab();
    const back = await page.evaluate(([origin, firstStop]) => {
      const w = window as unknown as { sightlineReached: Set<Element> };
      const now = document.activeElement;
      if (now) w.sightlineReached.add(now);
      return now === origin || (firstStop !== null && now === firstStop);
    }, [start, first] as const);
    if (back) {
      closed = true;
      break;
    }
    if (i === 0) {
      await first.dispose();
      first = await page.evaluateHandle(() => document.activeElement);
    }
    if (stop.name !== 'body') stops.push(stop.testId ?? stop.name);
  }
  await start.dispose();
  await first.dispose();
  const { unreached, positive } = await page.evaluate(() => {
    const w = window as unknown as { sightlineReachable: HTMLElement[]; sightlineReached: Set<Element> };
    const label = (el: Element) => el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”`;
    // A radio group is one stop (the arrow keys move within it): one of its radios reached is enough.
    const reached = (el: HTMLElement) =>
      w.sightlineReached.has(el) || (el instanceof HTMLInputElement && el.type === 'radio' && [...w.sightlineReached].some((r) => r instanceof HTMLInputElement && r.type === 'radio' && r.name === el.name && r.form === el.form));
    return {
      unreached: w.sightlineReachable.filter((el) => !reached(el)).map(label),
      positive: [...document.querySelectorAll('[tabindex]')].filter((el) => Number(el.getAttribute('tabindex')) > 0).map(label),
    };
  });
  return { stops, unreached, positive, closed };
}

/** The round's stops turned to start at `first` (a round starts wherever focus was). */
export function startingAt(stops: string[], first: string): string[] {
  const at = stops.indexOf(first);
  return at < 0 ? stops : [...stops.slice(at), ...stops.slice(0, at)];
}
