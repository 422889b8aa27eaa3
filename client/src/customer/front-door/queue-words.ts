// The waiting room's words in the page's language: a place in line ("You are next", "You are 2nd in
// line") and an estimate that neither promises too much nor jumps about ("about 3 minutes", "under a minute").
import { i18next } from '../../i18n/i18n.ts';

/** "1st", "2nd", "11th" (the language's ordinal plural rules; "第 2 位" in Chinese). */
export function ordinal(n: number): string {
  return i18next.t('frontdoor:nth', { count: n, ordinal: true });
}

export function placeWords(position: number | null): string {
  if (position === null) return i18next.t('frontdoor:placeUnknown');
  return position === 1 ? i18next.t('frontdoor:placeNext') : i18next.t('frontdoor:place', { nth: ordinal(position) });
}

/** Rounded up to whole minutes past one; null (not known yet) says so rather than guess. */
export function waitWords(etaSeconds: number | null): string {
  if (etaSeconds === null) return i18next.t('frontdoor:waitUnknown');
  if (etaSeconds < 60) return i18next.t('frontdoor:waitUnderMinute');
  return i18next.t('frontdoor:waitMinutes', { count: Math.ceil(etaSeconds / 60) });
}
