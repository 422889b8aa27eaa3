// The front door on the wire, the customer's side: an intake (what they need, in which channel), the
// digital agent's answers on their case's join link, the hand-off to a person, and their place in the
// queue (position, estimated wait, a callback request that keeps it).
//
// A customer arrives at `/start` and posts an intake: a new case is opened for them (or, identified by
// its join link or its reference and a one-time code, their existing case is used), and they get their
// own join link. Everything after — the agent, the queue, the call — happens on that link, so they can
// leave and come back without losing their place.
import { z } from 'zod';
import { AgentAnswer, AgentAnsweredPayload, HandOffSummaryView, MAX_INTENT_CHARS, ServiceType } from './agent.ts';
import { QueueChannel } from './queue.ts';
import { text } from './text.ts';
import { TourId } from './tour.ts';

export { AgentAnswer, MAX_INTENT_CHARS, ServiceType };

/** A one-time code: six digits, sent to the phone or email the case's link went to. */
export const OneTimeCode = z.string().regex(/^\d{6}$/, 'the code is the six digits we sent you');

export const IntakeBody = z
  .object({
    service: ServiceType,
    intent: text().trim().min(1, 'say what you need in a sentence').max(MAX_INTENT_CHARS, `at most ${MAX_INTENT_CHARS} characters`),
    /** How the customer wants to be met; the agent answers in text either way (and speaks where they chose voice). */
    channel: QueueChannel.default('video'),
    customerName: text().trim().min(1).max(120).optional(),
    /** A preview: the room or cabin tour to look around. */
    tour: TourId.optional(),
    /** An existing case, identified by its reference and the one-time code sent for it (POST /api/intake/code). */
    existing: z.object({ reference: text().trim().min(1).max(120), code: OneTimeCode }).strict().optional(),
    /** For prices and dates in answers: a BCP 47 locale. */
    locale: text().trim().max(35).optional(),
    /**
     * The language of the customer's page (a supported BCP 47 tag, as http.ts's LanguageTag — not imported:
     * http.ts imports this file): the agent answers in it, and the case records it as the customer's.
     */
    language: text().trim().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as en or zh-CN').optional(),
  })
  .strict();
export type IntakeBody = z.infer<typeof IntakeBody>;

/** `POST /api/intake/code`: send a one-time code for the case with this reference (always 202: nothing is learned). */
export const IntakeCodeBody = z.object({ reference: text().trim().min(1).max(120) }).strict();
export type IntakeCodeBody = z.infer<typeof IntakeCodeBody>;

/** `POST /api/intake/code` answers 202 with this whether or not the reference names a case. */
export const IntakeCodeAccepted = z.object({ message: text() });
export type IntakeCodeAccepted = z.infer<typeof IntakeCodeAccepted>;

export const IntakeCreated = z.object({
  intakeId: text(),
  caseId: text(),
  reference: text().nullable(),
  /** The customer's own link's token and URL: the page that follows, and the way back later. */
  joinToken: text(),
  joinUrl: text(),
  /** The digital agent's answer to the intent. */
  answer: AgentAnswer,
});
export type IntakeCreated = z.infer<typeof IntakeCreated>;

/** `POST /api/join/agent`: one more question to the digital agent. */
export const AgentQuestionBody = z.object({ question: text().trim().min(1, 'ask a question').max(MAX_INTENT_CHARS, `at most ${MAX_INTENT_CHARS} characters`) }).strict();
export type AgentQuestionBody = z.infer<typeof AgentQuestionBody>;

/** `POST /api/join/hand-off`: to a person, in a channel (the intake's when absent). */
export const HandOffBody = z.object({ channel: QueueChannel.optional() }).strict();
export type HandOffBody = z.infer<typeof HandOffBody>;

/** `POST /api/join/queue/callback`: be called back at this number instead of waiting on the page; the place is kept. */
export const CallbackBody = z
  .object({
    phone: text().trim().regex(/^\+?[0-9 ()-]{6,24}$/, 'a phone number: digits, spaces, ( ) - and an optional leading +'),
    note: text().trim().max(200).optional(),
  })
  .strict();
export type CallbackBody = z.infer<typeof CallbackBody>;

export const QueuePlaceState = z.enum(['not-queued', 'waiting', 'offered', 'assigned', 'left', 'finished']);

/** The customer's place: what the waiting page shows, polled (`GET /api/join/queue`). */
export const QueuePlace = z.object({
  state: QueuePlaceState,
  channel: QueueChannel.nullable(),
  /** 1 = next; null when not waiting. */
  position: z.number().int().min(1).nullable(),
  /** Estimated seconds until someone answers; null when not waiting or not known yet. */
  etaSeconds: z.number().int().min(0).nullable(),
  /** The callback asked for, if any: the place is kept and a person calls this number. */
  callback: z.object({ phone: text(), note: text().nullable() }).nullable(),
  /** Once assigned: who is answering. */
  assessorName: text().nullable(),
  /** Being handed to a colleague: the session's assessor is asking one to take over, or it waits for one (absent: no). */
  transferring: z.boolean().optional(),
  /** A warm transfer's colleague, asked to take over and not yet answering (absent otherwise): the customer is told who. */
  transferTo: text().optional(),
});
export type QueuePlace = z.infer<typeof QueuePlace>;

/** On the join view: the intake that opened the conversation, the agent's answers so far, and the place. */
export const FrontDoorView = z.object({
  service: ServiceType,
  intent: text(),
  channel: QueueChannel,
  /** Each question and the agent's answer, oldest first, as the ledger keeps them (agent.answered). */
  turns: z.array(AgentAnsweredPayload),
  queue: QueuePlace,
});
export type FrontDoorView = z.infer<typeof FrontDoorView>;

export const IntakeOutcome = z.enum(['open', 'answered', 'handed-off', 'left']);

/** `GET /api/cases/:id/front-door`: what the person taking the case reads first. */
export const CaseFrontDoorView = z.object({
  intake: z.object({ id: text(), service: ServiceType, intent: text(), channel: QueueChannel, createdAt: text(), outcome: IntakeOutcome }),
  turns: z.array(AgentAnsweredPayload),
  /** The hand-off summary of the case's latest queue entry; null before a hand-off. */
  summary: HandOffSummaryView.nullable(),
  callback: z.object({ phone: text(), note: text().nullable() }).nullable(),
});
export type CaseFrontDoorView = z.infer<typeof CaseFrontDoorView>;
