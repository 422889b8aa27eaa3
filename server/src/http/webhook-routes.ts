// Outgoing webhooks, admin only: endpoints, their secret, delivery history, retry, test event.
import express from 'express';
import { CreateWebhookBody, UpdateWebhookBody, WebhookDeliveriesQuery } from '../../../protocol/webhooks.ts';
import type { WebhookService } from '../webhooks/webhook-service.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function webhookRoutes(deps: { auth: Auth; webhooks: WebhookService }): express.Router {
  const { auth, webhooks } = deps;
  const router = express.Router();
  // Secrets and delivery history: never kept by a cache on the way.
  const noStore = (res: express.Response) => res.set('Cache-Control', 'no-store');

  router.get('/admin/webhooks', async (req, res) => {
    await auth.requireAdmin(req);
    noStore(res).json({ endpoints: await webhooks.list() });
  });

  router.post('/admin/webhooks', async (req, res) => {
    const admin = await auth.requireAdmin(req);
    noStore(res).status(201).json(await webhooks.create(admin, parseInput(CreateWebhookBody, req.body)));
  });

  router.patch('/admin/webhooks/:id', async (req, res) => {
    await auth.requireAdmin(req);
    noStore(res).json({ endpoint: await webhooks.update(req.params.id, parseInput(UpdateWebhookBody, req.body)) });
  });

  router.delete('/admin/webhooks/:id', async (req, res) => {
    await auth.requireAdmin(req);
    await webhooks.remove(req.params.id);
    res.status(204).end();
  });

  router.get('/admin/webhooks/:id/secret', async (req, res) => {
    await auth.requireAdmin(req);
    noStore(res).json(await webhooks.revealSecret(req.params.id));
  });

  router.post('/admin/webhooks/:id/secret', async (req, res) => {
    await auth.requireAdmin(req);
    noStore(res).json(await webhooks.rotateSecret(req.params.id));
  });

  router.post('/admin/webhooks/:id/test', async (req, res) => {
    await auth.requireAdmin(req);
    noStore(res).json(await webhooks.sendTest(req.params.id));
  });

  router.get('/admin/webhooks/:id/deliveries', async (req, res) => {
    await auth.requireAdmin(req);
    noStore(res).json({ deliveries: await webhooks.deliveries(req.params.id, parseInput(WebhookDeliveriesQuery, req.query, 'query')) });
  });

  router.post('/admin/webhooks/:id/deliveries/:msgId/retry', async (req, res) => {
    await auth.requireAdmin(req);
    noStore(res).json({ delivery: await webhooks.retry(req.params.id, req.params.msgId) });
  });

  return router;
}
