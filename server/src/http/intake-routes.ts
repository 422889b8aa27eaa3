// The front door, the customer's side: intake (public), one-time codes for an existing case, and on the
// case's join link the digital agent, the hand-off to a person and the place in the queue. Public
// writes are rate-limited per client address and per case reference (429 with Retry-After).
import express from 'express';
import type { Request, RequestHandler } from 'express';
import type { Store } from 'express-rate-limit';
import { AgentQuestionBody, CallbackBody, HandOffBody, IntakeBody, IntakeCodeBody, type IntakeCodeAccepted } from '../../../protocol/intake.ts';
import { HttpError, text, type ErrorText } from '../errors.ts';
import type { IntakeFor, IntakeService } from '../frontdoor/intake/intake-service.ts';
import type { Auth } from './auth.ts';
import { tenMinuteLimit } from './ten-minute-limit.ts';
import { parseInput } from './validate.ts';


/** Requests per ten minutes. */
export interface IntakeLimits {
  /** New intakes (cases opened or reached) per client address; refused intakes do not count. */
  intakesPerAddress: number;
  /** Code requests and code attempts per client address. */
  codesPerAddress: number;
  /** Code requests and code attempts per case reference, whoever sends them. */
  codesPerReference: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = { intakesPerAddress: 10, codesPerAddress: 20, codesPerReference: 10 };

export interface IntakeRouteDeps {
  auth: Auth;
  intake: IntakeService;
  joinBase: (req: Request) => string;
  limits?: IntakeLimits;
  /** Where the counts are kept when instances share Redis (one store per limiter, by name); null: this process. */
  limitStore?: ((name: string) => Store) | null;
}

/** POST /api/intake/code, however its path is spelled (the router ignores case). */
const isCodeRequest = (req: Request): boolean => req.path.toLowerCase().replace(/\/+$/, '').endsWith('/code');

/** The reference a code request or attempt names, as the limiter counts it; null when the body names none. */
function referenceOf(req: Request): string | null {
  const body = req.body as { reference?: unknown; existing?: { reference?: unknown } } | undefined;
  const reference = isCodeRequest(req) ? body?.reference : body?.existing?.reference;
  return typeof reference === 'string' && reference.trim() !== '' ? reference.trim().toUpperCase() : null;
}

export function intakeRoutes(deps: IntakeRouteDeps): express.Router {
  const { auth, intake } = deps;
  const limits = deps.limits ?? DEFAULT_INTAKE_LIMITS;
  const router = express.Router();

  const limiter = (name: string, limit: number, reason: ErrorText, options: Parameters<typeof tenMinuteLimit>[4] = {}): RequestHandler =>
    tenMinuteLimit(deps.limitStore, name, limit, reason, options);

  const intakesPerAddress = limiter('intake', limits.intakesPerAddress, text('limit.requests'), { skipFailedRequests: true });
  /** A well-formed code request or attempt: a malformed one tests no code and is refused 400 anyway, so it is not counted. */
  const codeAttempt = (req: Request) => referenceOf(req) !== null && (isCodeRequest(req) ? IntakeCodeBody : IntakeBody).safeParse(req.body).success;
  const codesPerAddress = limiter('code-address', limits.codesPerAddress, text('limit.codeAttemptsAddress'), {
    skip: (req) => !codeAttempt(req),
  });
  const codesPerReference = limiter('code-reference', limits.codesPerReference, text('limit.codeAttemptsCase'), {
    skip: (req) => !codeAttempt(req),
    keyGenerator: (req) => `ref:${referenceOf(req)}`,
  });

  router.post('/intake', intakesPerAddress, codesPerAddress, codesPerReference, async (req, res) => {
    const body = parseInput(IntakeBody, req.body);
    let who: IntakeFor = { kind: 'new' };
    if (req.headers.authorization) {
      if (body.existing) throw new HttpError(400, 'invalid_input', text('intake.bothCredentials'));
      const customer = await auth.requireCustomer(req);
      who = { kind: 'link', customer, token: req.headers.authorization.replace(/^Bearer\s+/, '') };
    } else if (body.existing) {
      who = { kind: 'code', reference: body.existing.reference, code: body.existing.code };
    }
    res.status(201).json(await intake.intake(body, who, deps.joinBase(req)));
  });

  router.post('/intake/code', codesPerAddress, codesPerReference, (req, res) => {
    const { reference } = parseInput(IntakeCodeBody, req.body);
    // Answered before anything is looked up, so neither the answer nor its time says whether the case exists.
    const accepted: IntakeCodeAccepted = { message: 'If a case has that reference and its link was sent to you, a code is on its way to the same address or phone.' };
    res.status(202).json(accepted);
    void intake.sendCode(reference);
  });

  router.post('/join/agent', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const { question } = parseInput(AgentQuestionBody, req.body);
    res.json({ answer: await intake.ask(customer, question) });
  });

  router.post('/join/hand-off', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const { channel } = parseInput(HandOffBody, req.body ?? {});
    res.json(await intake.handOff(customer, channel));
  });

  router.get('/join/queue', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    res.set('Cache-Control', 'no-store').json(await intake.place(customer));
  });

  router.delete('/join/queue', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    res.json(await intake.leave(customer));
  });

  router.post('/join/queue/callback', async (req, res) => {
    const customer = await auth.requireCustomer(req);
    const body = parseInput(CallbackBody, req.body);
    res.json(await intake.callback(customer, { phone: body.phone, note: body.note ?? null }));
  });

  router.get('/cases/:id/front-door', async (req, res) => {
    const user = await auth.requireUser(req);
    res.set('Cache-Control', 'no-store').json(await intake.caseFrontDoor(user, req.params.id));
  });

  return router;
}
