// The digital agent: answers a customer's sentence, rules first (a complaint, a request for a person,
// the case's status, its missing documents, a preview's booking options), then the operator's
// knowledge base. It never makes an answer up: with nothing good enough it says so and hands off.
// It answers in the customer's language (agent.json, and the knowledge base's entries in that language);
// the rules hear a request in English or Chinese whatever the language of the page.
import { AGENT_LABEL, type AgentAnswer, type AgentQuestion, type HandOff } from '../../../../protocol/agent.ts';
import type { Bookable } from '../../../../protocol/tour.ts';
import { translators, type Translator } from '../../i18n/translate.ts';
import type { KbSearch } from './kb-search.ts';

export const DONT_KNOW = translators().for(null).t('agent:dontKnow');

const STATUS = /\b(status|where\s+is|where'?s|progress|how\s+far|update|next\s+step|what\s+happens\s+next|any\s+news|decided|decision)\b|进度|进展|状态|到哪一?步|怎么样了|处理结果|下一步|有消息|有结果/i;
const MISSING = /\b(missing|still\s+need|outstanding|what\s+else|left\s+to|(documents?|papers?|paperwork|photos?)\b.*\b(send|upload|need|provide|owe))\b|还缺|缺少|缺什么|还差|还需要(提供|补充|上传|什么)|要补(充|交|拍)/i;
const OPTIONS = /\b(book|booking|options?|prices?|cost|costs|how\s+much|rates?|available|availability|choices?)\b|预订|预定|价格|多少钱|费用|房价|选项|可以订|有哪些房/i;
const NOT_OPTIONS = /\b(change|cancel|refund|amend|reschedule|modify)\b|更改|修改|改期|改签|取消|退款|退订/i;
/** Asking for a person, not merely mentioning one ("someone hit my car" is not a request). */
const PERSON = /\b(human|real\s+person|operator|representative|(speak|talk|chat)\s+(to|with)\s+(a|an|some\w*|your)\b|(want|need|get)\s+(a|an)\s+(person|agent|human))|人工|真人|转接|客服人员|接线员|找(个)?人(工)?(帮|来|聊|说)/i;

const reply = (text: string, source: AgentAnswer['source'], handOff: HandOff, confidence: number): AgentAnswer =>
  ({ speaker: 'digital-agent', label: AGENT_LABEL, text, source, handOff, confidence });

/** A value that goes before the message's own full stop: its own closing mark dropped. */
const bare = (text: string): string => text.replace(/[.!?。！？]$/, '');

function priceOf(bookable: Bookable, locale: string, t: Translator['t']): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: bookable.price.currency });
  } catch {
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: bookable.price.currency });
  }
  const price = format.format(bookable.price.amount);
  return bookable.price.per ? t('agent:pricePer', { price, per: bookable.price.per }) : price;
}

/**
 * The agent's answer to one question; `kb` is the operator's knowledge base, searchable; `language` the
 * customer's (English when absent or not spoken).
 */
export function answer(question: AgentQuestion, kb: KbSearch, language?: string | null): AgentAnswer {
  const words = translators().for(language);
  const { t } = words;
  const { service, intent, caseFacts, bookables } = question;
  if (service === 'complaint') return reply(t('agent:complaint'), 'rule:complaint', 'offered', 1);
  if (PERSON.test(intent)) return reply(t('agent:personAsked'), 'rule:person-asked', 'offered', 1);
  const list = (items: readonly string[]): string => items.join(t('agent:listSeparator'));
  if (caseFacts && MISSING.test(intent)) {
    const missing = caseFacts.missingDocuments;
    const reference = caseFacts.reference;
    const text = missing.length === 0
      ? t(reference ? 'agent:nothingMissingRef' : 'agent:nothingMissing', { reference })
      : t(reference ? 'agent:stillNeedRef' : 'agent:stillNeed', { reference, list: list(missing) });
    return reply(text, 'rule:missing-documents', 'none', 1);
  }
  if (caseFacts && STATUS.test(intent)) {
    const reference = caseFacts.reference;
    const sentences = [t(reference ? 'agent:statusRef' : 'agent:status', { reference, status: bare(caseFacts.status) })];
    if (caseFacts.nextStep) sentences.push(t('agent:nextStep', { step: bare(caseFacts.nextStep) }));
    const missing = caseFacts.missingDocuments;
    if (missing.length > 0) sentences.push(t('agent:missingCount', { count: missing.length, list: list(missing) }));
    const text = sentences.reduce((first, second) => t('agent:twoSentences', { first, second }));
    return reply(text, 'rule:case-status', 'none', 1);
  }
  if (service === 'preview' && bookables && bookables.length > 0 && OPTIONS.test(intent) && !NOT_OPTIONS.test(intent)) {
    const locale = question.locale ?? words.locale;
    const lines = bookables.map((b) => t('agent:option', { title: b.title, price: priceOf(b, locale, t) }));
    return reply(t('agent:options', { list: list(lines) }), 'rule:booking-options', 'none', 1);
  }
  const match = kb.best(intent, service, words.language);
  if (!match) return reply(t('agent:dontKnow'), 'none', 'needed', 0);
  return reply(`${match.entry.title}\n\n${match.entry.text}`, `kb:${match.entry.id}`, 'none', match.confidence);
}
