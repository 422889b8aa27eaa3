// The digital agent's contract: what it is asked, what it answers, and the ledger payloads of its answers
// and hand-offs. The agent is never a person, and every answer says so (`speaker`, `label`).
import { z } from 'zod';
import { Bookable } from './tour.ts';
import { text } from './text.ts';

/** What the customer came for, picked at intake. */
export const ServiceType = z.enum(['query', 'consult', 'transaction', 'complaint', 'claim', 'preview']);
export type ServiceType = z.infer<typeof ServiceType>;

/** Shown beside every answer the agent gives. */
export const AGENT_LABEL = "Sightline's digital assistant — not a person";

/** none: answered; offered: a person is offered (the customer may still read on); needed: the agent cannot help. */
export const HandOff = z.enum(['none', 'offered', 'needed']);
export type HandOff = z.infer<typeof HandOff>;

/** Where an answer came from: a rule by name, a knowledge-base entry by id, or nothing. */
export const AgentSource = text().regex(/^(?:rule:[a-z0-9-]+|kb:[a-z0-9-]+|none)$/, 'rule:<name>, kb:<id> or none');
export type AgentSource = z.infer<typeof AgentSource>;

/** What the agent knows of the customer's case once they identified it. */
export const CaseFacts = z.object({
  reference: text().trim().max(120).nullable(),
  /** The case's status in words ("being assessed"). */
  status: text().trim().min(1).max(200),
  nextStep: text().trim().max(500).nullable(),
  /** Checklist items not done yet, by title. */
  missingDocuments: z.array(text().trim().min(1).max(200)).max(100),
});
export type CaseFacts = z.infer<typeof CaseFacts>;

export const MAX_INTENT_CHARS = 500;

export const AgentQuestion = z.object({
  service: ServiceType,
  intent: text().trim().min(1, 'say what you need in a sentence').max(MAX_INTENT_CHARS),
  caseFacts: CaseFacts.optional(),
  /** A preview's booking options (the tour's bookables). */
  bookables: z.array(Bookable).max(500).optional(),
  /** For prices: a BCP 47 locale; en-GB when absent. */
  locale: text().trim().max(35).optional(),
});
export type AgentQuestion = z.infer<typeof AgentQuestion>;

export const AgentAnswer = z.object({
  speaker: z.literal('digital-agent'),
  label: z.literal(AGENT_LABEL),
  text: text(),
  source: AgentSource,
  handOff: HandOff,
  /** 0–1: 1 for a rule built from the case's facts, the search's coverage for a knowledge-base entry. */
  confidence: z.number().min(0).max(1),
});
export type AgentAnswer = z.infer<typeof AgentAnswer>;

export const AGENT_ANSWERED = 'agent.answered';
/** One answer the digital agent gave, and whether it offered or needed a person. */
export const AgentAnsweredPayload = z.object({ question: text(), answer: text(), source: AgentSource, handOff: HandOff });
export type AgentAnsweredPayload = z.infer<typeof AgentAnsweredPayload>;

export const AGENT_HANDED_OFF = 'agent.handed-off';
/** The summary the person sees before answering, and in a few words why the agent handed over. */
export const AgentHandedOffPayload = z.object({ summary: text(), reason: text() });
export type AgentHandedOffPayload = z.infer<typeof AgentHandedOffPayload>;

/** The hand-off summary as the person taking over reads it (server: frontdoor/agent/hand-off-summary.ts). */
export const HandOffSummaryView = z.object({
  text: text(),
  service: ServiceType,
  intent: text(),
  turns: z.array(z.object({ question: text(), source: AgentSource, handOff: HandOff })),
  photos: z.object({ count: z.number().int().min(0), ids: z.array(text()) }),
  reason: text(),
});
export type HandOffSummaryView = z.infer<typeof HandOffSummaryView>;
