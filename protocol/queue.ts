// The front door's queue on the wire: an assessor's routing facts and status, a case put in the queue
// with criteria that relax over time, the offer an assessor answers, and the queue as an admin sees it.
import { z } from 'zod';
import { HandOffSummaryView, ServiceType } from './agent.ts';
import { text } from './text.ts';

export const QueueChannel = z.enum(['text', 'voice', 'video', 'xr']);
export type QueueChannel = z.infer<typeof QueueChannel>;

/** What an assessor may set; 'offline' is what nobody set, or a console gone for good. */
export const SettableStatus = z.enum(['available', 'busy', 'away']);
export const AssessorStatus = z.enum(['available', 'busy', 'away', 'offline']);
export type AssessorStatus = z.infer<typeof AssessorStatus>;

export const StatusBody = z.object({ status: SettableStatus });
export type StatusBody = z.infer<typeof StatusBody>;

/** `GET /api/me/status`: what the assessor last chose, 'offline' when they never did. */
export const StatusView = z.object({ status: AssessorStatus });
export type StatusView = z.infer<typeof StatusView>;

/** "auto", "property", "lang:zh-CN": letters, digits and : . _ - only, so a name is safe in any text it lands in. */
const SKILL_NAME = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,39}$/;
const SKILL_NAME_RULE = 'a skill name is 1 to 40 letters, digits or : . _ - and starts with a letter or digit';
export const SkillName = text().regex(SKILL_NAME, SKILL_NAME_RULE);
export const SkillLevel = z.number().int().min(1, 'a skill level is 1 to 5').max(5, 'a skill level is 1 to 5');

const MAX_SKILLS = 50;
/** Names are checked here rather than as the record's key schema, so a refusal says why the name is bad. */
export const SkillLevels = z.record(z.string(), SkillLevel).superRefine((skills, ctx) => {
  const names = Object.keys(skills);
  if (names.length > MAX_SKILLS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_SKILLS} skills` });
  for (const name of names) if (!SKILL_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: SKILL_NAME_RULE });
});

/** Sessions held at once per channel: a live session takes the whole person, so voice, video and XR are 0 or 1. */
export const ChannelCapacity = z.object({
  text: z.number().int().min(0).max(20).optional(),
  voice: z.number().int().min(0).max(1).optional(),
  video: z.number().int().min(0).max(1).optional(),
  xr: z.number().int().min(0).max(1).optional(),
}).strict();
export type ChannelCapacity = z.infer<typeof ChannelCapacity>;

export const RoutingBody = z.object({ skills: SkillLevels, capacity: ChannelCapacity });
export type RoutingBody = z.infer<typeof RoutingBody>;

export const SkillRequirement = z.object({ skill: SkillName, minLevel: SkillLevel });

export const RoutingStep = z.object({
  afterSeconds: z.number().int().min(0).max(86_400),
  requires: z.array(SkillRequirement).max(10),
});
export type RoutingStep = z.infer<typeof RoutingStep>;

/** Whether step `next` accepts everyone `previous` did: every skill it asks was asked before, at the same or a higher level. */
function relaxes(previous: RoutingStep, next: RoutingStep): boolean {
  return next.requires.every((need) => previous.requires.some((had) => had.skill === need.skill && had.minLevel >= need.minLevel));
}

/** Steps in strictly ascending time, each accepting at least whoever the one before did (routing-types.ts). */
export const RoutingSteps = z.array(RoutingStep).max(10).superRefine((steps, ctx) => {
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.afterSeconds <= steps[i - 1]!.afterSeconds) {
      ctx.addIssue({ code: 'custom', path: [i, 'afterSeconds'], message: 'steps must be in ascending afterSeconds' });
    } else if (!relaxes(steps[i - 1]!, steps[i]!)) {
      ctx.addIssue({ code: 'custom', path: [i, 'requires'], message: 'a later step may only relax the one before (drop a skill or lower a level)' });
    }
  }
});

export const EnqueueBody = z.object({
  caseId: text().min(1).max(100),
  channel: QueueChannel,
  /** Higher is served first. @default 0 */
  priority: z.number().int().min(0).max(9).default(0),
  steps: RoutingSteps.default([]),
});
export type EnqueueBody = z.infer<typeof EnqueueBody>;

export const QueueEntryState = z.enum(['waiting', 'offered', 'assigned', 'left', 'finished']);

export const QueueEntryView = z.object({
  id: text(),
  caseId: text(),
  channel: QueueChannel,
  priority: z.number().int(),
  enqueuedAt: text(),
  state: QueueEntryState,
  offeredTo: text().nullable(),
  assignedTo: text().nullable(),
});
export type QueueEntryView = z.infer<typeof QueueEntryView>;

/** Why a pin stopped holding: its assessor passed the entry over, or is offline. */
export const PinLapse = z.enum(['passed over', 'offline']);
export type PinLapse = z.infer<typeof PinLapse>;

/**
 * Why an offer went to its assessor, as facts the reader's console words in its language (the stored
 * `reason` is the same in English): matched a routing step (`stepIndex` 0 is the first, `afterSeconds` when
 * it took over), pinned to one person, or a warm transfer from a colleague (by `skill` when the colleague
 * was found by it). A match may follow a pin that lapsed, or come after the passed-over list was cleared.
 */
export const OfferFacts = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('matched'),
    stepIndex: z.number().int().min(0),
    afterSeconds: z.number().int().min(0),
    requires: z.array(SkillRequirement),
    pinLapsed: z.object({ to: text(), why: PinLapse }).optional(),
    clearedPassedOver: z.literal(true).optional(),
  }),
  z.object({ kind: z.literal('pinned'), to: text() }),
  z.object({ kind: z.literal('transfer'), from: text(), skill: SkillRequirement.optional() }),
]);
export type OfferFacts = z.infer<typeof OfferFacts>;

/** The offer an assessor has to answer: accept or decline before `expiresAt`. */
export const QueueOffer = z.object({
  entryId: text(),
  caseId: text(),
  channel: QueueChannel,
  priority: z.number().int(),
  enqueuedAt: text(),
  expiresAt: text(),
  /** Why this assessor, e.g. "matched auto≥2 after relaxing at 30 s". */
  reason: text(),
  /** The same reason as facts, for the reader's language; null on an offer made before they were stored. */
  facts: OfferFacts.nullable(),
  /** What the case is called, so the person knows what they are taking. */
  caseTitle: text(),
  /** The front door's service type; null for an entry an admin queued. */
  service: ServiceType.nullable(),
  /** The digital agent's hand-off summary, read before answering; null when the entry had none. */
  summary: HandOffSummaryView.nullable(),
  /** The customer asked to be called back at this number instead of waiting on the page. */
  callback: z.object({ phone: text(), note: text().nullable() }).nullable(),
  /** A warm transfer: the colleague still in the session with the customer, and their note; null for a customer from the queue. */
  transfer: z.object({ fromId: text(), fromName: text(), note: text().nullable() }).nullable(),
});
export type QueueOffer = z.infer<typeof QueueOffer>;

export const ChannelCounts = z.object({ text: z.number().optional(), voice: z.number().optional(), video: z.number().optional(), xr: z.number().optional() });

export const QueueAssessorView = z.object({
  id: text(),
  name: text(),
  /** As routing sees it: 'available' with no console heartbeat for a minute reads 'away'. */
  status: AssessorStatus,
  skills: z.record(text(), z.number()),
  capacity: ChannelCounts,
  load: ChannelCounts,
  offer: text().nullable(),
});
export type QueueAssessorView = z.infer<typeof QueueAssessorView>;

export const QueueView = z.object({
  /** Waiting and offered entries in routing order, each with its place on its channel and an estimate. */
  entries: z.array(QueueEntryView.extend({
    position: z.number().int(),
    etaSeconds: z.number().int().nullable(),
    caseTitle: text().nullable(),
    service: ServiceType.nullable(),
  })),
  assessors: z.array(QueueAssessorView),
});
export type QueueView = z.infer<typeof QueueView>;

/**
 * `POST /api/queue/:entryId/transfer`: hand the session on. Cold: back to the queue at its first place,
 * for `to` alone (then, if the pin lapses, by `skill`), or for `skill`, or by its own steps. Warm:
 * offered to `to` if free, else to the best free match for `skill`, while the sender keeps the customer
 * until the colleague accepts.
 */
export const TransferBody = z
  .object({
    mode: z.enum(['warm', 'cold']),
    to: text().min(1).max(100).optional(),
    skill: SkillRequirement.optional(),
    note: text().trim().max(500).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.mode === 'warm' && body.to === undefined && body.skill === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a warm transfer names a colleague or a skill' });
  });
export type TransferBody = z.infer<typeof TransferBody>;

/** `GET /api/queue/colleagues`: who a session can be handed to, as routing sees them now. */
export const ColleaguesView = z.object({
  colleagues: z.array(z.object({ id: text(), name: text(), status: AssessorStatus, skills: z.record(text(), z.number()), channels: z.array(QueueChannel) })),
});
export type ColleaguesView = z.infer<typeof ColleaguesView>;
