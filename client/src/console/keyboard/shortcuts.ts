// The console's keyboard shortcuts: what each does and which keys press it. Every shortcut is
// Alt+Shift with a letter — never a single character (WCAG 2.1.4: a screen reader's letter navigation
// and typing in the chat must not fire them) and never a browser's own (Ctrl+Shift+… opens tools or
// windows in Chromium). Matched on the physical key (`KeyboardEvent.code`), so a keyboard layout or
// macOS's Option characters do not change them. Pure, so the matching is unit tested.

export type ShortcutAction = 'connect' | 'hang-up' | 'mute' | 'capture' | 'request-photo' | 'chat' | 'cases' | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** `KeyboardEvent.code` of the letter pressed with Alt+Shift. */
  code: string;
}

/** In the order the help lists them: the call first, then moving around. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'connect', code: 'KeyA' },
  { action: 'hang-up', code: 'KeyH' },
  { action: 'mute', code: 'KeyM' },
  { action: 'capture', code: 'KeyC' },
  { action: 'request-photo', code: 'KeyP' },
  { action: 'chat', code: 'KeyT' },
  { action: 'cases', code: 'KeyL' },
  { action: 'help', code: 'KeyK' },
];

export type KeyPress = Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code' | 'repeat'>;

/** The action a key press asks for, or null: Alt+Shift and a listed letter, nothing else held, not a key repeat. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (!press.altKey || !press.shiftKey || press.ctrlKey || press.metaKey || press.repeat) return null;
  return SHORTCUTS.find((s) => s.code === press.code)?.action ?? null;
}

/** The keys to show for a shortcut: `['Alt', 'Shift', 'H']`, or `['⌥', '⇧', 'H']` on a Mac. */
export function shortcutKeys(shortcut: Shortcut, mac: boolean): string[] {
  const letter = shortcut.code.replace(/^Key/, '');
  return mac ? ['⌥', '⇧', letter] : ['Alt', 'Shift', letter];
}

/** The `aria-keyshortcuts` value of a control the shortcut presses (`Alt+Shift+H`). */
export function ariaKeys(action: ShortcutAction): string | undefined {
  const shortcut = SHORTCUTS.find((s) => s.action === action);
  return shortcut ? `Alt+Shift+${shortcut.code.replace(/^Key/, '')}` : undefined;
}

export const isMac = (platform: string): boolean => /mac|iphone|ipad/i.test(platform);
