// The join page's first step, imported first by main.tsx so it runs before React and the rest of the
// page's code: the link is taken from the address bar and the messages of the language the page opens in
// (the link's `lang=`, else the browser's) are asked for at once, alongside /api/join, so the first
// screen waits on neither one after the other.
import { chooseLanguage, leaveOutConsoleMessages, prefetchMessages } from '../i18n/messages.ts';
import { takeJoinLink } from './join-token.ts';

export const link = takeJoinLink();
/** The language the page opens in, before the case is known (customer-language.ts: linkLanguage). */
export const openingLanguage = chooseLanguage(link.lang ?? null);
leaveOutConsoleMessages();
prefetchMessages(openingLanguage);
