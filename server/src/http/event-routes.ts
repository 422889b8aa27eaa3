// Server-sent events for the console: live case, evidence, chat, call and outcome changes.
import express from 'express';
import type { EventHub } from '../events/event-hub.ts';
import type { Auth } from './auth.ts';

const KEEPALIVE_MS = 20_000;

export function eventRoutes(deps: { auth: Auth; hub: EventHub }): express.Router {
  const router = express.Router();
  router.get('/events', (req, res) => {
    const user = deps.auth.requireUser(req);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const unsubscribe = deps.hub.subscribe({ user, send: (event) => res.write(`data: ${JSON.stringify(event)}\n\n`) });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  });
  return router;
}
