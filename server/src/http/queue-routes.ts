// The front door's queue: an assessor's status and offer, accepting or declining it, ending or losing
// the session it led to; and (supervisors and admins) the queue itself and who routes what.
import express from 'express';
import { EnqueueBody, RoutingBody, StatusBody, TransferBody, type QueueEntryView, type StatusView } from '../../../protocol/queue.ts';
import type { QueueService } from '../frontdoor/queue-service.ts';
import type { StoredEntry } from '../frontdoor/queue-store.ts';
import { HttpError, text } from '../errors.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

const entryView = (e: StoredEntry): QueueEntryView => ({
  id: e.id, caseId: e.caseId, channel: e.channel, priority: e.priority, enqueuedAt: e.enqueuedAt, state: e.state, offeredTo: e.offeredTo, assignedTo: e.assignedTo,
});

export function queueRoutes(deps: { auth: Auth; queue: QueueService }): express.Router {
  const { auth, queue } = deps;
  const router = express.Router();

  router.put('/me/status', async (req, res) => {
    const user = await auth.requireUser(req);
    await queue.setStatus(user.id, parseInput(StatusBody, req.body).status);
    res.status(204).end();
  });

  router.get('/me/status', async (req, res) => {
    const user = await auth.requireUser(req);
    const view: StatusView = { status: await queue.statusOf(user.id) };
    res.set('Cache-Control', 'no-store').json(view);
  });

  router.get('/me/offer', async (req, res) => {
    const user = await auth.requireUser(req);
    const offer = await queue.offerFor(user.id);
    res.set('Cache-Control', 'no-store');
    if (offer === null) res.status(204).end();
    else res.json({ offer });
  });

  router.get('/queue', async (req, res) => {
    await auth.requireSupervisor(req);
    res.set('Cache-Control', 'no-store').json(await queue.view());
  });

  router.post('/queue', async (req, res) => {
    const admin = await auth.requireAdmin(req);
    const body = parseInput(EnqueueBody, req.body);
    res.status(201).json({ entry: entryView(await queue.enqueue({ type: 'assessor', id: admin.id }, body)) });
  });

  router.post('/queue/:entryId/accept', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ entry: entryView(await queue.accept(req.params.entryId, user.id)) });
  });

  router.post('/queue/:entryId/decline', async (req, res) => {
    const user = await auth.requireUser(req);
    await queue.decline(req.params.entryId, user.id);
    res.status(204).end();
  });

  router.post('/queue/:entryId/finish', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ entry: entryView(await queue.finish(req.params.entryId, user)) });
  });

  router.post('/queue/:entryId/requeue', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ entry: entryView(await queue.requeue(req.params.entryId, user)) });
  });

  router.post('/queue/:entryId/transfer', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ entry: entryView(await queue.transfer(req.params.entryId, user, parseInput(TransferBody, req.body))) });
  });

  router.post('/queue/:entryId/transfer/cancel', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ entry: entryView(await queue.cancelTransfer(req.params.entryId, user)) });
  });

  router.get('/queue/colleagues', async (req, res) => {
    const user = await auth.requireUser(req);
    if (user.role === 'expert') throw new HttpError(403, 'forbidden', text('queue.expertInvitedOnly'));
    res.set('Cache-Control', 'no-store').json(await queue.colleagues());
  });

  router.put('/users/:id/routing', async (req, res) => {
    await auth.requireSupervisor(req);
    await queue.setRouting(req.params.id, parseInput(RoutingBody, req.body));
    res.status(204).end();
  });

  return router;
}
