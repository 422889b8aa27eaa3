// The page's language, switchable at any time: a native select (the phone's own picker, reachable by
// keyboard and switch access) listing each language in its own name, named "Language" in the current one.
// `compact`: only the globe shows (the select lies over it, transparent), for a crowded header.
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/i18n.ts';
import './language-switch.css';

export function LanguageSwitch(props: { onChange: (language: string) => void; tone?: 'light' | 'dark'; compact?: boolean }) {
  const { t, i18n } = useTranslation('common');
  if (LANGUAGES.length < 2) return null;
  return (
    <span className={`language-switch language-switch-${props.tone ?? 'light'}${props.compact ? ' language-switch-compact' : ''}`}>
      <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z" />
      </svg>
      <select data-testid="language-switch" aria-label={t('language.label')} value={i18n.language} onChange={(event) => props.onChange(event.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t('language.name', { lng: language })}
          </option>
        ))}
      </select>
    </span>
  );
}
