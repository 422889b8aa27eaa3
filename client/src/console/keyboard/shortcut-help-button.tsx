// The top bar's "Keyboard shortcuts" button: a keyboard drawn beside its name, opening the help (as Alt+Shift+K does).
import { useTranslation } from 'react-i18next';
import { ariaKeys } from './shortcuts.ts';
import { useOpenShortcutHelp } from './use-shortcuts.tsx';
import './shortcut-help.css';

export function ShortcutHelpButton() {
  const { t } = useTranslation('keyboard');
  const open = useOpenShortcutHelp();
  return (
    <button type="button" className="btn btn-small shortcut-help-open" data-testid="shortcut-help-open" aria-keyshortcuts={ariaKeys('help')} aria-haspopup="dialog" onClick={open}>
      <svg className="shortcut-help-icon" viewBox="0 0 20 14" aria-hidden="true">
        <rect x="1" y="1" width="18" height="12" rx="2" />
        <path d="M4 5h1M7.5 5h1M11 5h1M14.5 5h1M4 8h1M15 8h1M7 10h6" />
      </svg>
      <span className="shortcut-help-word">{t('open')}</span>
    </button>
  );
}
