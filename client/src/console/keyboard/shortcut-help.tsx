// The list of keyboard shortcuts, in a modal dialog: the browser's own <dialog> keeps focus inside,
// closes on Escape and gives focus back to what opened it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isMac, SHORTCUTS, shortcutKeys, type ShortcutAction } from './shortcuts.ts';
import './shortcut-help.css';

export function ShortcutHelp(props: { available: ReadonlySet<ShortcutAction>; onClose: () => void }) {
  const { t } = useTranslation('keyboard');
  const dialog = useRef<HTMLDialogElement>(null);
  const mac = isMac(typeof navigator === 'undefined' ? '' : navigator.platform);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="shortcut-help" data-testid="shortcut-help" aria-labelledby="shortcut-help-title" onClose={props.onClose}>
      <h2 id="shortcut-help-title">{t('title')}</h2>
      <p className="small muted">{t('intro')}</p>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('keys')}</th>
            <th scope="col">{t('does')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => {
            const usable = props.available.has(shortcut.action);
            return (
              <tr key={shortcut.action} data-action={shortcut.action} data-usable={usable} className={usable ? '' : 'shortcut-unusable'}>
                <td>
                  <span className="shortcut-keys" aria-label={t('keysSpoken', { keys: shortcutKeys(shortcut, mac).join(' + ') })}>
                    {shortcutKeys(shortcut, mac).map((key) => (
                      <kbd key={key}>{key}</kbd>
                    ))}
                  </span>
                </td>
                <td>
                  {t(`action.${shortcut.action}`)}
                  {!usable && <span className="small muted"> {t('notHere')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form method="dialog" className="shortcut-help-actions">
        <button type="submit" className="btn btn-primary" data-testid="shortcut-help-close" autoFocus>
          {t('close')}
        </button>
      </form>
    </dialog>
  );
}
