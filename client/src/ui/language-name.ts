// A language's name in its own words ("简体中文", "English"), from its own common.json: what a reader of
// that language recognises, whatever the page's language. A tag the pages do not speak is shown as it is.
import { i18next, LANGUAGES } from '../i18n/i18n.ts';

export function languageName(tag: string): string {
  return LANGUAGES.includes(tag) ? i18next.getFixedT(tag, 'common')('language.name') : tag;
}
