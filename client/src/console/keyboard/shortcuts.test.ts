import { describe, expect, it } from 'vitest';
import { ariaKeys, SHORTCUTS, shortcutFor, shortcutKeys, type KeyPress } from './shortcuts.ts';

const press = (code: string, held: Partial<KeyPress> = {}): KeyPress => ({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, repeat: false, code, ...held });

describe('console shortcuts', () => {
  it('Alt+Shift and a letter press its action', () => {
    expect(shortcutFor(press('KeyH'))).toBe('hang-up');
    expect(shortcutFor(press('KeyM'))).toBe('mute');
    expect(shortcutFor(press('KeyC'))).toBe('capture');
    expect(shortcutFor(press('KeyK'))).toBe('help');
  });

  it('a letter alone, with one modifier, with Ctrl or Meta too, or held down does nothing', () => {
    expect(shortcutFor(press('KeyH', { altKey: false, shiftKey: false }))).toBeNull();
    expect(shortcutFor(press('KeyH', { shiftKey: false }))).toBeNull();
    expect(shortcutFor(press('KeyH', { altKey: false }))).toBeNull();
    expect(shortcutFor(press('KeyH', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('KeyH', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('KeyH', { repeat: true }))).toBeNull();
    expect(shortcutFor(press('KeyZ'))).toBeNull();
  });

  it('each letter is used once and each action has one', () => {
    expect(new Set(SHORTCUTS.map((s) => s.code)).size).toBe(SHORTCUTS.length);
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });

  it('shows the keys as the platform names them', () => {
    const hangUp = SHORTCUTS.find((s) => s.action === 'hang-up')!;
    expect(shortcutKeys(hangUp, false)).toEqual(['Alt', 'Shift', 'H']);
    expect(shortcutKeys(hangUp, true)).toEqual(['⌥', '⇧', 'H']);
    expect(ariaKeys('hang-up')).toBe('Alt+Shift+H');
  });
});
