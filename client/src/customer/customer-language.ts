// The customer's page language: the one they chose for this case (kept on this device), else the link's
// `&lang=`, else the case's, else the browser's. The server is told which one the page is in, so the
// assessor sees it.
import { z } from 'zod';
import type { JoinLanguageBody } from '../../../protocol/http.ts';
import { chooseLanguage } from '../i18n/i18n.ts';
import { ApiRequestError, apiFetch } from '../lib/api.ts';

const key = (caseId: string): string => `sightline.language.${caseId}`;

/** The language the customer picked on this device for this case, if any. */
export function chosenLanguage(caseId: string): string | null {
  try {
    return localStorage.getItem(key(caseId));
  } catch {
    return null; // storage blocked (private mode): the choice lasts for this page only
  }
}

export function keepLanguage(caseId: string, language: string): void {
  try {
    localStorage.setItem(key(caseId), language);
  } catch {
    // As above: without storage the page still switches; a reload starts from the link again.
  }
}

/** Before the case is known: the link's language, else the browser's. */
export function linkLanguage(linkLang: string | null): string {
  return chooseLanguage(linkLang);
}

/** Once the case is known: the customer's own choice, the link's, the case's, then the browser's. */
export function caseLanguage(caseId: string, linkLang: string | null, caseLang: string | null | undefined): string {
  return chooseLanguage(chosenLanguage(caseId), linkLang, caseLang);
}

/** Tells the server the page's language; 204. */
export function postJoinLanguage(token: string, language: string): Promise<void> {
  const body: JoinLanguageBody = { language };
  return apiFetch('/api/join/language', z.unknown(), { token, body }).then(() => undefined);
}

/** As postJoinLanguage, for a page that goes on either way: a failure is logged, not shown (the next switch or visit says it again). */
export function reportLanguage(token: string, language: string): void {
  postJoinLanguage(token, language).catch((error: unknown) => {
    if (error instanceof ApiRequestError && error.status === 404) return; // a server without the route
    console.warn('The page language could not be recorded', error);
  });
}
