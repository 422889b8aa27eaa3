// The shortcuts' one key listener: components that can do an action register it while they can
// (useShortcut, or useShortcutButton for a button the shortcut presses), and Alt+Shift+<letter> runs
// the latest registered one that is enabled. Alt+Shift+K,
// and the top bar's "Keyboard shortcuts" button, open the help listing them all, with the ones that
// cannot be used on this screen said so.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ShortcutHelp } from './shortcut-help.tsx';
import { shortcutFor, type ShortcutAction } from './shortcuts.ts';

interface Registration {
  run: () => void;
  /** A function when only the page can tell (a button disabled by its fieldset). */
  enabled: boolean | (() => boolean);
}

const isEnabled = (entry: { current: Registration }): boolean => {
  const { enabled } = entry.current;
  return typeof enabled === 'function' ? enabled() : enabled;
};

interface Registry {
  register(action: ShortcutAction, entry: { current: Registration }): () => void;
  openHelp(): void;
}

const ShortcutContext = createContext<Registry | null>(null);

export function ShortcutProvider(props: { children: ReactNode }) {
  const entries = useRef(new Map<ShortcutAction, Array<{ current: Registration }>>());
  const [helpOpen, setHelpOpen] = useState(false);
  /** While the help (a modal dialog) is open, the page behind it takes no shortcut. */
  const helpShown = useRef(false);
  helpShown.current = helpOpen;
  const [available, setAvailable] = useState<ReadonlySet<ShortcutAction>>(new Set());

  const enabledActions = useCallback((): Set<ShortcutAction> => {
    const found = new Set<ShortcutAction>(['help']);
    for (const [action, list] of entries.current) if (list.some(isEnabled)) found.add(action);
    return found;
  }, []);

  const openHelp = useCallback(() => {
    setAvailable(enabledActions());
    setHelpOpen(true);
  }, [enabledActions]);

  const registry = useMemo<Registry>(
    () => ({
      register(action, entry) {
        const list = entries.current.get(action) ?? [];
        list.push(entry);
        entries.current.set(action, list);
        return () => {
          const now = entries.current.get(action) ?? [];
          entries.current.set(action, now.filter((e) => e !== entry));
        };
      },
      openHelp,
    }),
    [openHelp],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'help') {
        openHelp();
        return;
      }
      if (helpShown.current) return;
      const list = entries.current.get(action) ?? [];
      const entry = [...list].reverse().find(isEnabled);
      entry?.current.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openHelp]);

  return (
    <ShortcutContext.Provider value={registry}>
      {props.children}
      {helpOpen && <ShortcutHelp available={available} onClose={() => setHelpOpen(false)} />}
    </ShortcutContext.Provider>
  );
}

/** While mounted (and `enabled`), Alt+Shift+<the action's letter> runs `run`; the newest registration wins. */
export function useShortcut(action: ShortcutAction, run: () => void, enabled: boolean | (() => boolean) = true): void {
  const registry = useContext(ShortcutContext);
  const entry = useRef<Registration>({ run, enabled });
  entry.current = { run, enabled };
  useEffect(() => registry?.register(action, entry), [registry, action]);
}

/** A button the shortcut presses, as a click would, while the button is on the page and not disabled (by itself or a disabled fieldset around it). */
export function useShortcutButton(action: ShortcutAction): RefObject<HTMLButtonElement | null> {
  const button = useRef<HTMLButtonElement>(null);
  const usable = useCallback((): boolean => {
    const element = button.current;
    return element !== null && element.isConnected && !element.matches(':disabled');
  }, []);
  const press = useCallback((): void => {
    if (usable()) button.current?.click();
  }, [usable]);
  useShortcut(action, press, usable);
  return button;
}

/** Opens the shortcut help (for a button); a no-op outside the provider. */
export function useOpenShortcutHelp(): () => void {
  const registry = useContext(ShortcutContext);
  return registry?.openHelp ?? (() => undefined);
}
