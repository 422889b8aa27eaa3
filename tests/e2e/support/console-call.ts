// What the whole console says about the call at one moment — the header's status (the one
// data-testid="call-state"), the video's badge and caption, the connection panel, the customer's
// quality and microphone, the mode control, the recording panel and the call button — read in one
// go inside the page, and the rule that all of it agrees with the state the header names.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface ConsoleCallSnapshot {
  state: string;
  status: string;
  endedBy: string;
  recovered: string;
  badge: string | null;
  caption: string | null;
  word: string | null;
  customerQuality: string | null;
  muted: string | null;
  mode: string | null;
  modeTitle: string | null;
  toolsHint: string | null;
  button: 'connect' | 'hang-up' | null;
  buttonText: string;
  buttonDisabled: boolean;
  recording: string | null;
  recordingNote: string | null;
}

declare global {
  interface Window {
    sightlineReadConsoleCall?: () => ConsoleCallSnapshot;
    sightlineConsoleCallLog?: ConsoleCallSnapshot[];
  }
}

/** Installs the reader in the page and starts logging a snapshot at every change of the state. */
export async function watchConsoleCall(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.sightlineReadConsoleCall = () => {
      const text = (id: string): string | null => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
      const status = document.querySelector('[data-testid="call-state"]');
      const hangUp = document.querySelector<HTMLButtonElement>('[data-testid="hang-up"]');
      const connect = document.querySelector<HTMLButtonElement>('[data-testid="connect"]');
      const button = hangUp ?? connect;
      return {
        state: status?.getAttribute('data-state') ?? 'none',
        status: status?.textContent?.trim() ?? '',
        endedBy: status?.getAttribute('data-ended-by') ?? '',
        recovered: status?.getAttribute('data-recovered') ?? '',
        badge: text('video-badge'),
        caption: text('video-empty'),
        word: text('network-word'),
        customerQuality: text('customer-quality'),
        muted: text('customer-muted'),
        mode: document.querySelector('span[data-testid="customer-mode"]')?.textContent?.trim() ?? null,
        modeTitle: text('customer-mode-title'),
        toolsHint: text('tools-hint'),
        button: hangUp ? 'hang-up' : connect ? 'connect' : null,
        buttonText: button?.textContent?.trim() ?? '',
        buttonDisabled: button?.disabled ?? true,
        recording: document.querySelector('[data-testid="recording-status"]')?.getAttribute('data-recording') ?? null,
        recordingNote: text('recording-note'),
      };
    };
    const element = document.querySelector('[data-testid="call-state"]');
    const log: ConsoleCallSnapshot[] = [];
    window.sightlineConsoleCallLog = log;
    const read = window.sightlineReadConsoleCall;
    log.push(read());
    // React commits every panel in one go, so a snapshot taken as the state changes sees them all.
    new MutationObserver(() => {
      const snapshot = read();
      if (log[log.length - 1]?.state !== snapshot.state) log.push(snapshot);
    }).observe(element ?? document.body, { attributes: true, attributeFilter: ['data-state'] });
  });
}

export function readConsoleCall(page: Page): Promise<ConsoleCallSnapshot> {
  return page.evaluate(() => {
    if (!window.sightlineReadConsoleCall) throw new Error('watchConsoleCall first');
    return window.sightlineReadConsoleCall();
  });
}

/** Every state the console has named since `from` (an index into its log), with what it said. */
export async function consoleCallLog(page: Page, from = 0): Promise<ConsoleCallSnapshot[]> {
  return (await page.evaluate(() => window.sightlineConsoleCallLog ?? [])).slice(from);
}

interface Rule {
  status: RegExp;
  badge: RegExp;
  word: RegExp;
  /** null: no caption over the video, or one that explains a missing picture. */
  caption: RegExp | null;
  button: 'connect' | 'hang-up';
}

const rules: Record<string, Rule> = {
  idle: { status: /^Customer (waiting|not connected)$/, badge: /^Not connected$/, word: /^No call$/, caption: /^(Waiting for the customer to open the link…|The customer is ready\. Connect to start the call\.)$/, button: 'connect' },
  connecting: { status: /^Connecting…$/, badge: /^Connecting…$/, word: /^Connecting…$/, caption: /^Calling the customer…$/, button: 'hang-up' },
  connected: { status: /^In call$/, badge: /^Live( · customer muted)?$/, word: /^(Measuring…|No media|Bad|Poor|Fair|Good|Excellent)$/, caption: null, button: 'hang-up' },
  dropped: { status: /^Customer dropped$/, badge: /^Customer dropped$/, word: /^Customer dropped$/, caption: /^The customer’s connection dropped\. Waiting for them to come back…$/, button: 'hang-up' },
  reconnecting: { status: /^Reconnecting…$/, badge: /^Reconnecting…$/, word: /^Reconnecting…$/, caption: /^The connection to the customer was lost\. Reconnecting…$/, button: 'hang-up' },
  ended: { status: /^Call ended( by the customer)?$/, badge: /^Call ended( by the customer)?$/, word: /^Call ended$/, caption: /^(The customer ended the call\.|You ended the call\.)$/, button: 'connect' },
  failed: { status: /^Call failed$/, badge: /^Call failed$/, word: /^Call failed$/, caption: /^[A-Z].*\.$/, button: 'connect' },
};

/**
 * Asserts that every panel of the snapshot says what the state it names means. `settled`: the state
 * has held for a moment, so what follows from it by an effect (the recorder stopping, the customer's
 * mode forgotten after a call) has happened too; a snapshot taken as the state changes is not.
 */
export function expectConsoleAgrees(s: ConsoleCallSnapshot, options: { settled?: boolean } = {}): void {
  const settled = options.settled ?? true;
  const rule = rules[s.state];
  const where = JSON.stringify(s);
  expect(rule, `unknown state: ${where}`).toBeDefined();
  if (!rule) return;
  expect(s.status, where).toMatch(rule.status);
  expect(s.badge, where).toMatch(rule.badge);
  expect(s.word, where).toMatch(rule.word);
  if (rule.caption) expect(s.caption, where).toMatch(rule.caption);
  else if (s.caption !== null) expect(s.caption, where).toMatch(/^(The customer’s camera is off|Waiting for the customer’s picture…|The customer is on (voice|text chat) only|The customer chose audio only)$/);
  expect(s.button, where).toBe(rule.button);
  if (s.state === 'ended' || s.state === 'failed') expect(s.buttonText, where).toBe('Call again');
  if (s.state === 'ended') expect(s.status === 'Call ended by the customer', where).toBe(s.endedBy === 'customer');
  // What only a connected call can say.
  if (s.state !== 'connected') {
    expect(s.customerQuality, where).toBeNull();
    expect(s.muted, where).toBeNull();
  }
  if (s.muted !== null) expect(s.badge, where).toBe('Live · customer muted');
  // The recording goes on through a drop, and says so; it never runs without a call.
  if (s.state === 'dropped' || s.state === 'reconnecting') expect(s.recording === 'false' || s.recordingNote !== null, where).toBe(true);
  else expect(s.recordingNote, where).toBeNull();
  if (settled && (s.state === 'idle' || s.state === 'ended' || s.state === 'failed')) {
    expect(s.recording, where).not.toBe('true');
    if (s.mode !== null) expect(s.mode, where).toBe('Not connected');
  }
  // The tools say why they are down in the call's own terms.
  if (s.state === 'dropped' || s.state === 'reconnecting') expect(s.toolsHint, where).toMatch(/come back when the customer is connected again/);
  if (s.state === 'connecting') expect(s.toolsHint, where).toMatch(/once the call is connected/);
  if (s.state !== 'connected' && s.modeTitle !== null && s.mode === null) expect(s.modeTitle, where).toMatch(/last reported/);
  // No panel names another state's words.
  const all = [s.status, s.badge, s.caption, s.word].join(' | ');
  if (s.state !== 'idle') expect(all, where).not.toMatch(/No call|open the link|Customer waiting/);
  if (s.state !== 'reconnecting') expect(all, where).not.toMatch(/Reconnecting/);
  if (s.state !== 'connected') expect(all, where).not.toMatch(/In call|Live|camera is off/);
  expect(all, where).not.toMatch(/network (disconnected|failed)|\bnull\b|undefined/);
}
