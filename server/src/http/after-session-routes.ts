// After the session: the customer's survey (join token), the wrap-up of a session (the case's assessor,
// a supervisor, an admin), and the experts and supervisors invited to a case.
import express from 'express';
import { ParticipantBody, SurveyBody, WrapUpBody } from '../../../protocol/after-session.ts';
import type { ParticipantsService } from '../cases/participants-service.ts';
import type { SurveyService } from '../frontdoor/after/survey-service.ts';
import type { WrapUpService } from '../frontdoor/after/wrap-up-service.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export interface AfterSessionServices {
  surveys: SurveyService;
  wrapUps: WrapUpService;
  participants: ParticipantsService;
}

export function afterSessionRoutes(deps: AfterSessionServices & { auth: Auth }): express.Router {
  const { auth } = deps;
  const router = express.Router();

  router.get('/join/survey', async (req, res) => {
    const survey = await deps.surveys.answerOf(await auth.requireCustomer(req));
    res.set('Cache-Control', 'no-store');
    if (survey === null) res.status(204).end();
    else res.json({ survey });
  });

  router.post('/join/survey', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    res.status(201).json({ survey: await deps.surveys.answer(customer, parseInput(SurveyBody, req.body)) });
  });

  router.post('/cases/:id/wrap-up', async (req, res) => {
    const user = await auth.requireUser(req);
    res.status(201).json({ wrapUp: await deps.wrapUps.wrapUp(user, req.params.id, parseInput(WrapUpBody, req.body)) });
  });

  router.get('/cases/:id/wrap-ups', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ wrapUps: await deps.wrapUps.list(user, req.params.id) });
  });

  router.get('/cases/:id/participants', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ participants: await deps.participants.list(user, req.params.id) });
  });

  router.post('/cases/:id/participants', async (req, res) => {
    const user = await auth.requireUser(req);
    res.status(201).json({ participant: await deps.participants.invite(user, req.params.id, parseInput(ParticipantBody, req.body).userId) });
  });

  router.delete('/cases/:id/participants/:userId', async (req, res) => {
    const user = await auth.requireUser(req);
    await deps.participants.remove(user, req.params.id, req.params.userId);
    res.status(204).end();
  });

  return router;
}
