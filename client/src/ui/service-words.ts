// What each front-door service type is called, the same on the customer's /start page and the console.
import type { ServiceType } from '../../../protocol/agent.ts';

export const SERVICE_TITLE: Record<ServiceType, string> = {
  claim: 'New damage claim',
  query: 'Question about a claim',
  consult: 'Advice',
  transaction: 'Change or payment',
  complaint: 'Complaint',
  preview: 'Preview a room or seat',
};

/** Where a digital-assistant answer came from, in words: a rule over the case's facts, a knowledge-base entry, or nowhere. */
export function sourceWords(source: string): string {
  if (source === 'none') return 'not answered';
  if (source.startsWith('rule:')) return `rule: ${source.slice(5).replace(/-/g, ' ')}`;
  if (source.startsWith('kb:')) return `knowledge base: ${source.slice(3)}`;
  return source;
}
