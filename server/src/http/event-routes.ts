// Server-sent events for the console: live case, evidence, chat, call and outcome changes. A stream lives
// as long as the session that opened it: the hub ends it when the session ends, the keepalive on expiry.
// Each event carries its id; a console that reconnects sends the last one back (Last-Event-ID) and gets
// what it missed first, or a `resync` when that is no longer kept.
import express from 'express';
import { HttpError } from '../errors.ts';
import type { EventHub, Subscriber } from '../events/event-hub.ts';
import { isEventId } from '../events/event-log.ts';
import type { Auth } from './auth.ts';

const KEEPALIVE_MS = 20_000;

/** `heartbeat`: the console's sign of life for the front door's routing (away after a quiet minute). */
export function eventRoutes(deps: { auth: Auth; hub: EventHub; heartbeat?: (userId: string) => Promise<void> }): express.Router {
  const { auth, hub } = deps;
  const router = express.Router();
  router.get('/events', async (req, res, next) => {
    const user = await auth.requireUser(req);
    // requireUser found a user, so the request named a session.
    const sessionId = auth.sessionId(req) as string;
    const expiresAt = await auth.sessionExpiresAt(sessionId);
    const lastEventId = req.get('last-event-id')?.trim() || undefined;
    if (lastEventId !== undefined && !isEventId(lastEventId)) {
      throw new HttpError(400, 'invalid_last_event_id', 'Last-Event-ID: not an id this server gave out (<ms>-<n>)');
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const subscriber: Subscriber = {
      currentUser: () => auth.userOfSession(sessionId),
      expiresAtMs: expiresAt === null ? 0 : Date.parse(expiresAt),
      send: (event, id) => res.write(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`),
      end: () => res.end(),
    };
    const unsubscribe = hub.subscribe(subscriber, user, lastEventId);
    const beat = (): void => {
      deps.heartbeat?.(user.id).catch(next);
    };
    beat();
    // A session that just expires ends no request: the keepalive is where a quiet stream notices (the
    // hub ends it then). A failed look-up goes to the error handler, which logs it and ends the stream;
    // the client reconnects.
    const keepalive = setInterval(() => {
      hub.recheck(subscriber).then((live) => {
        // The stream may have closed while the user was read.
        if (live && !res.writableEnded && !res.destroyed) {
          res.write(': keepalive\n\n');
          beat();
        }
      }, next);
    }, KEEPALIVE_MS);
    // 'close' on the response: the client went away or the stream was ended here.
    res.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  });
  return router;
}
