// Channel switches with consent: the assessor proposes a mode, the customer answers, and every switch
// (on a proposal or on the customer's own choice) is ledgered. Ids are made by the client, so a
// retried POST finds its first write instead of writing twice.
import { z } from 'zod';
import { CustomerMode } from './messages.ts';
import { text } from './text.ts';

const Id = text().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

export const ChannelProposalId = Id;

/** `POST /api/cases/:id/channel-proposals` (the case's assessor or an admin). */
export const ChannelProposalBody = z.object({
  proposalId: Id,
  from: CustomerMode,
  to: CustomerMode,
  /** Why, in the assessor's words ("so I can see the damage"); shown to the customer. */
  reason: text().trim().min(1).max(200).optional(),
}).strict();
export type ChannelProposalBody = z.infer<typeof ChannelProposalBody>;

/** `POST /api/join/channel-proposals/:proposalId` (join token): the customer's consent, or not. */
export const ChannelAnswerBody = z.object({ accepted: z.boolean() }).strict();
export type ChannelAnswerBody = z.infer<typeof ChannelAnswerBody>;

/** `POST /api/join/channel` (join token): the session moved; `proposalId` names the accepted proposal, if any. */
export const ChannelSwitchBody = z.object({
  switchId: Id,
  from: CustomerMode,
  to: CustomerMode,
  proposalId: Id.nullable().optional(),
}).strict();
export type ChannelSwitchBody = z.infer<typeof ChannelSwitchBody>;

export const ChannelProposalView = z.object({
  proposalId: text(),
  from: CustomerMode,
  to: CustomerMode,
  reason: text().nullable(),
  /** null: not answered yet. */
  accepted: z.boolean().nullable(),
});
export type ChannelProposalView = z.infer<typeof ChannelProposalView>;

export const ChannelSwitchView = z.object({ switchId: text(), from: CustomerMode, to: CustomerMode, proposalId: text().nullable() });
export type ChannelSwitchView = z.infer<typeof ChannelSwitchView>;
