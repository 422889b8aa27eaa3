// Channel switches with consent: the assessor's proposal (session), the customer's answer and the
// customer's switches (join token). A retried POST answers 200 with the first write; a new one 201.
import express from 'express';
import { ChannelAnswerBody, ChannelProposalBody, ChannelProposalId, ChannelSwitchBody } from '../../../protocol/channels.ts';
import type { ChannelService } from '../channels/channel-service.ts';
import { HttpError, text } from '../errors.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function channelRoutes(deps: { auth: Auth; channels: ChannelService }): express.Router {
  const { auth, channels } = deps;
  const router = express.Router();

  router.post('/cases/:id/channel-proposals', async (req, res) => {
    const user = await auth.requireUser(req);
    const { record, created } = await channels.propose(user, req.params.id, parseInput(ChannelProposalBody, req.body));
    res.status(created ? 201 : 200).json({ proposal: record });
  });

  router.post('/join/channel-proposals/:proposalId', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const proposalId = req.params.proposalId;
    if (!ChannelProposalId.safeParse(proposalId).success) throw new HttpError(404, 'not_found', text('channel.proposalNotFound'));
    const { record, created } = await channels.answer(customer, proposalId, parseInput(ChannelAnswerBody, req.body).accepted);
    res.status(created ? 201 : 200).json({ proposal: record });
  });

  router.post('/join/channel', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const { record, created } = await channels.switched(customer, parseInput(ChannelSwitchBody, req.body));
    res.status(created ? 201 : 200).json({ switch: record });
  });

  return router;
}
