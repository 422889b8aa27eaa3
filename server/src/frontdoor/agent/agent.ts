// The digital agent: answers a customer's sentence, rules first (a complaint, a request for a person,
// the case's status, its missing documents, a preview's booking options), then the operator's
// knowledge base. It never makes an answer up: with nothing good enough it says so and hands off.
import { AGENT_LABEL, type AgentAnswer, type AgentQuestion, type HandOff } from '../../../../protocol/agent.ts';
import type { Bookable } from '../../../../protocol/tour.ts';
import type { KbSearch } from './kb-search.ts';

export const DONT_KNOW = "I don't know that; I'll pass you to a person.";

const STATUS = /\b(status|where\s+is|where'?s|progress|how\s+far|update|next\s+step|what\s+happens\s+next|any\s+news|decided|decision)\b/i;
const MISSING = /\b(missing|still\s+need|outstanding|what\s+else|left\s+to|(documents?|papers?|paperwork|photos?)\b.*\b(send|upload|need|provide|owe))\b/i;
const OPTIONS = /\b(book|booking|options?|prices?|cost|costs|how\s+much|rates?|available|availability|choices?)\b/i;
const NOT_OPTIONS = /\b(change|cancel|refund|amend|reschedule|modify)\b/i;
/** Asking for a person, not merely mentioning one ("someone hit my car" is not a request). */
const PERSON = /\b(human|real\s+person|operator|representative|(speak|talk|chat)\s+(to|with)\s+(a|an|some\w*|your)\b|(want|need|get)\s+(a|an)\s+(person|agent|human))/i;

const reply = (text: string, source: AgentAnswer['source'], handOff: HandOff, confidence: number): AgentAnswer =>
  ({ speaker: 'digital-agent', label: AGENT_LABEL, text, source, handOff, confidence });

/** "your case CLM-7", or "your case" when it has no reference. */
const yourCase = (reference: string | null): string => (reference ? `your case ${reference}` : 'your case');

function priceOf(bookable: Bookable, locale: string): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: bookable.price.currency });
  } catch {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: bookable.price.currency });
  }
  return `${format.format(bookable.price.amount)}${bookable.price.per ? ` per ${bookable.price.per}` : ''}`;
}

/** The agent's answer to one question; `kb` is the operator's knowledge base, searchable. */
export function answer(question: AgentQuestion, kb: KbSearch): AgentAnswer {
  const { service, intent, caseFacts, bookables } = question;
  if (service === 'complaint') {
    return reply("I'm sorry something went wrong. A complaint is always handled by a person: I'm offering you one now, and you can tell them everything in your own words.", 'rule:complaint', 'offered', 1);
  }
  if (PERSON.test(intent)) {
    return reply("Of course — I'm offering you a person now. You keep your place in the queue while you wait.", 'rule:person-asked', 'offered', 1);
  }
  if (caseFacts && MISSING.test(intent)) {
    const missing = caseFacts.missingDocuments;
    const text = missing.length === 0
      ? `Nothing is missing for ${yourCase(caseFacts.reference)}: we have everything we asked for.`
      : `For ${yourCase(caseFacts.reference)} we still need: ${missing.join('; ')}.`;
    return reply(text, 'rule:missing-documents', 'none', 1);
  }
  if (caseFacts && STATUS.test(intent)) {
    const next = caseFacts.nextStep ? ` Next step: ${caseFacts.nextStep}` : '';
    const missing = caseFacts.missingDocuments.length > 0
      ? ` ${caseFacts.missingDocuments.length} document${caseFacts.missingDocuments.length === 1 ? ' is' : 's are'} still missing: ${caseFacts.missingDocuments.join('; ')}.`
      : '';
    const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
    return reply(`${sentence(`The status of ${yourCase(caseFacts.reference)}: ${caseFacts.status}`)}${next && sentence(next)}${missing}`, 'rule:case-status', 'none', 1);
  }
  if (service === 'preview' && bookables && bookables.length > 0 && OPTIONS.test(intent) && !NOT_OPTIONS.test(intent)) {
    const locale = question.locale ?? 'en-GB';
    const lines = bookables.map((b) => `${b.title}: ${priceOf(b, locale)}`);
    return reply(`The options you can book: ${lines.join('; ')}.`, 'rule:booking-options', 'none', 1);
  }
  const match = kb.best(intent, service);
  if (!match) return reply(DONT_KNOW, 'none', 'needed', 0);
  return reply(`${match.entry.title}\n\n${match.entry.text}`, `kb:${match.entry.id}`, 'none', match.confidence);
}
