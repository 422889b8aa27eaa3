// For text a component writes in another reader's language (not the page's): fetches that language's
// messages if the page has not yet, and renders again once they are in.
import { useEffect, useState } from 'react';
import { hasLanguage, loadLanguage } from './i18n.ts';

/** True once `language`'s messages are loaded; until then i18next answers in English, the fallback. */
export function useLanguageMessages(language: string): boolean {
  const [, setLoaded] = useState<string | null>(null);
  const ready = hasLanguage(language);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadLanguage(language).then(
      () => live && setLoaded(language),
      (error: unknown) => console.warn(`The ${language} messages could not be loaded`, error),
    );
    return () => {
      live = false;
    };
  }, [language, ready]);
  return ready;
}
