// The digital agent over the shipped knowledge base: realistic phrasings (typos included) find the
// right entry, what it does not know it hands to a person, and the rules answer from the case's facts.
import { describe, expect, it } from 'vitest';
import { AGENT_LABEL, AgentAnswer, AgentQuestion, type ServiceType } from '../../../protocol/agent.ts';
import { loadConfig } from '../../src/config.ts';
import { answer, DONT_KNOW } from '../../src/frontdoor/agent/agent.ts';
import { createKbSearch } from '../../src/frontdoor/agent/kb-search.ts';
import { loadKnowledgeBase } from '../../src/frontdoor/agent/knowledge-base.ts';

const kb = createKbSearch(loadKnowledgeBase(loadConfig({}).knowledgeBase));
const ask = (service: ServiceType, intent: string, more: Partial<AgentQuestion> = {}) => answer(AgentQuestion.parse({ service, intent, ...more }), kb);

const facts = { reference: 'CLM-7', status: 'being assessed', nextStep: 'An assessor reviews your photos by Friday', missingDocuments: ['Driving licence', 'Repair estimate'] };

describe('the knowledge base answers what it knows', () => {
  it.each<[ServiceType, string, string]>([
    ['claim', 'How do I take a good photo of the damage?', 'how-to-take-a-good-photo-of-the-damage'],
    ['claim', 'my pictures keep coming out blurry', 'how-to-take-a-good-photo-of-the-damage'],
    ['claim', 'what documents do you need for my car accident', 'documents-a-motor-claim-needs'],
    ['claim', 'paperwork for a water leak in the kitchen', 'documents-a-home-or-property-claim-needs'],
    ['claim', 'how long does a claim take?', 'how-long-a-claim-takes'],
    ['query', 'how lonng does a claim take', 'how-long-a-claim-takes'],
    ['transaction', 'I want to chnage the dates of my booking', 'how-to-change-a-booking'],
    ['transaction', 'can I cancel my reservation and get a refund', 'how-to-cancel-a-booking'],
    ['transaction', 'how many kg of luggage can I bring', 'baggage-allowance'],
    ['transaction', 'how much baggae can i take', 'baggage-allowance'],
    ['claim', 'the airline lost my suitcase', 'lost-or-delayed-baggage'],
    ['transaction', 'can I choose a window seat', 'seat-selection'],
    ['transaction', 'cancle my flight', 'how-to-cancel-a-booking'],
    ['claim', 'documnets for a motor claim', 'documents-a-motor-claim-needs'],
    ['claim', 'pipe burst, water everywhere', 'emergency-help-after-an-accident-or-leak'],
    ['query', 'are you open on saturday', 'opening-hours-and-how-to-reach-us'],
    ['query', 'do I need to download an app?', 'no-app-needed'],
    ['consult', 'how does the video call work', 'how-the-video-call-works'],
    ['query', 'how long do you keep my personal data', 'how-we-use-and-keep-your-data'],
    ['query', 'what is an excess', 'what-an-excess-or-deductible-is'],
    ['preview', 'what time is check-in at the hotel', 'check-in-and-arrival-times'],
    ['query', 'my wifi is really slow', 'what-if-my-connection-is-poor'],
  ])('%s: "%s"', (service, intent, id) => {
    const reply = ask(service, intent);
    expect(reply).toMatchObject({ source: `kb:${id}`, handOff: 'none' });
    expect(reply.confidence).toBeGreaterThanOrEqual(0.5);
    expect(reply.text.split('\n\n')[0]).toBeTruthy();
  });

  it('answers with the entry title and its text', () => {
    const reply = ask('query', 'do I need to download an app?');
    expect(reply.text).toMatch(/^No app needed\n\nYou do not need to install anything\./);
  });

  it('keeps to the entries of the service type asked for', () => {
    // Baggage allowance is an entry for transactions, queries and previews, not for claims.
    expect(ask('claim', 'how many kg of luggage can I bring').source).not.toBe('kb:baggage-allowance');
  });
});

describe('what it does not know, it hands to a person', () => {
  it.each([
    'what is the capital of France',
    'can you recommend a good restaurant nearby',
    'my dog ate my homework',
    'the quantum flux capacitor is broken',
    'who is the prime minister',
    'is this a robot',
    'hello',
    '???',
  ])('"%s"', (intent) => {
    expect(ask('query', intent)).toEqual({ speaker: 'digital-agent', label: AGENT_LABEL, text: DONT_KNOW, source: 'none', handOff: 'needed', confidence: 0 });
  });
});

describe('rules come before the knowledge base', () => {
  it('offers a person at once for a complaint, whatever the sentence', () => {
    for (const intent of ['How long does a claim take?', 'You lost my bags and nobody calls back']) {
      const reply = ask('complaint', intent);
      expect(reply).toMatchObject({ source: 'rule:complaint', handOff: 'offered', confidence: 1 });
      expect(reply.text).toMatch(/offering you one now/);
    }
  });

  it('offers a person when asked for one', () => {
    for (const intent of ['can I talk to a real person please', 'I want to speak to someone', 'get me a human', 'I need an agent']) {
      expect(ask('query', intent)).toMatchObject({ source: 'rule:person-asked', handOff: 'offered' });
    }
    expect(ask('claim', 'someone drove into my car, what documents do you need').source).toBe('kb:documents-a-motor-claim-needs');
  });

  it('tells the status and the next step from the case facts', () => {
    const reply = ask('claim', 'where is my claim?', { caseFacts: facts });
    expect(reply).toMatchObject({ source: 'rule:case-status', handOff: 'none', confidence: 1 });
    expect(reply.text).toBe('The status of your case CLM-7: being assessed. Next step: An assessor reviews your photos by Friday. 2 documents are still missing: Driving licence; Repair estimate.');
    expect(ask('query', "what's the status", { caseFacts: { ...facts, reference: null, nextStep: null, missingDocuments: [] } }).text)
      .toBe('The status of your case: being assessed.');
  });

  it('without case facts, a status question goes to the knowledge base', () => {
    expect(ask('claim', 'where is my claim? what is the status').source).toBe('kb:how-to-check-the-status-of-my-claim');
  });

  it('lists the documents still missing, or says none are', () => {
    expect(ask('claim', 'what documents are still missing?', { caseFacts: facts })).toMatchObject({
      source: 'rule:missing-documents', handOff: 'none', text: 'For your case CLM-7 we still need: Driving licence; Repair estimate.',
    });
    expect(ask('claim', 'is anything outstanding', { caseFacts: { ...facts, missingDocuments: [] } }).text).toBe('Nothing is missing for your case CLM-7: we have everything we asked for.');
  });

  it('lists a preview\'s booking options with prices in the customer\'s locale', () => {
    const bookables = [
      { id: 'room-only', title: 'Room only', text: '', price: { amount: 189.5, currency: 'EUR', per: 'night' } },
      { id: 'half-board', title: 'Half board', text: '', price: { amount: 1234, currency: 'GBP' } },
    ];
    const reply = ask('preview', 'what are the options and prices?', { bookables });
    expect(reply).toMatchObject({ source: 'rule:booking-options', handOff: 'none' });
    expect(reply.text).toBe('The options you can book: Room only: €189.50 per night; Half board: £1,234.00.');
    expect(ask('preview', 'how much is it', { bookables, locale: 'de-DE' }).text).toBe('The options you can book: Room only: 189,50\u00a0€ per night; Half board: 1.234,00\u00a0£.');
    expect(ask('preview', 'how do I change my booking', { bookables }).source).toBe('kb:how-to-change-a-booking');
  });
});

describe('every answer', () => {
  it('is labelled as the digital agent, not a person, and fits the contract', () => {
    const replies = [ask('complaint', 'bad'), ask('query', 'do I need an app'), ask('query', 'capital of France'), ask('claim', 'status?', { caseFacts: facts })];
    for (const reply of replies) {
      expect(AgentAnswer.parse(reply)).toEqual(reply);
      expect(reply).toMatchObject({ speaker: 'digital-agent', label: "Sightline's digital assistant — not a person" });
    }
  });

  it('refuses an empty or oversized question at the boundary', () => {
    expect(AgentQuestion.safeParse({ service: 'query', intent: '   ' }).success).toBe(false);
    expect(AgentQuestion.safeParse({ service: 'query', intent: 'x'.repeat(501) }).success).toBe(false);
    expect(AgentQuestion.safeParse({ service: 'support', intent: 'hello' }).success).toBe(false);
  });
});
