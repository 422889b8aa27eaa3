// A third participant's place in a case's live session: join or change one's own mode, leave, the list
// the assessor's console calls from, and whom the case's lead may invite. Mounted before the invitation routes, whose
// DELETE /cases/:id/participants/:userId would otherwise take /participants/session.
import express from 'express';
import { ParticipantSessionBody } from '../../../protocol/participant-session.ts';
import type { ParticipantSessions } from '../cases/participant-sessions.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function participantSessionRoutes(deps: { auth: Auth; sessions: ParticipantSessions }): express.Router {
  const { auth } = deps;
  const router = express.Router();

  router.get('/cases/:id/participants/session', async (req, res) => {
    const user = await auth.requireUser(req);
    res.set('Cache-Control', 'no-store');
    res.json({ sessions: await deps.sessions.list(user, req.params.id) });
  });

  router.get('/cases/:id/participants/candidates', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ candidates: await deps.sessions.candidates(user, req.params.id) });
  });

  router.post('/cases/:id/participants/session', async (req, res) => {
    const user = await auth.requireUser(req);
    const { joined, session } = await deps.sessions.enter(user, req.params.id, parseInput(ParticipantSessionBody, req.body));
    res.status(joined ? 201 : 200).json({ session });
  });

  router.delete('/cases/:id/participants/session', async (req, res) => {
    const user = await auth.requireUser(req);
    await deps.sessions.leave(user, req.params.id);
    res.status(204).end();
  });

  return router;
}
