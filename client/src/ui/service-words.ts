// What each front-door service type is called, the same on the customer's /start page and the console.
import type { ServiceType } from '../../../protocol/agent.ts';
import { i18next } from '../i18n/i18n.ts';
import { translatedRecord } from './translated-record.ts';

const SERVICES: readonly ServiceType[] = ['claim', 'query', 'consult', 'transaction', 'complaint', 'preview'];
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export const SERVICE_TITLE = translatedRecord(SERVICES, (service) => `ui:service${capital(service)}`);

/** A digital-assistant rule's name in the page's language ("complaint" → 投诉); an id it does not know, as words. */
export function ruleWords(rule: string): string {
  const key = `routing:rule.${rule}`;
  return /^[a-z0-9-]+$/.test(rule) && i18next.exists(key) ? i18next.t(key) : rule.replace(/-/g, ' ');
}

/** Where a digital-assistant answer came from, in words: a rule over the case's facts, a knowledge-base entry, or nowhere. */
export function sourceWords(source: string): string {
  if (source === 'none') return i18next.t('ui:sourceNone');
  if (source.startsWith('rule:')) return i18next.t('ui:sourceRule', { rule: ruleWords(source.slice(5)) });
  if (source.startsWith('kb:')) return i18next.t('ui:sourceKb', { entry: source.slice(3) });
  return source;
}
