// Assessor-facing case routes: create, list, read, join links, peer credentials, calls, outcome, ledger.
import express from 'express';
import type { Request } from 'express';
import { CallEventBody, CaseListQuery, CreateCaseBody, OutcomeBody, type CaseDetail } from '../../../protocol/http.ts';
import type { AnnotationService } from '../annotations/annotation-service.ts';
import type { CallService } from '../calls/call-service.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import type { EvidenceService } from '../evidence/evidence-service.ts';
import type { Keyring } from '../ledger/keyring.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { verifyCase } from '../ledger/verify.ts';
import type { MeasurementService } from '../measurements/measurement-service.ts';
import type { OutcomeService } from '../outcomes/outcome-service.ts';
import type { RecordingService } from '../recording/recording-service.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Auth } from './auth.ts';
import type { PeerCredentials } from './peer-credentials.ts';
import { parseInput } from './validate.ts';

export interface CaseRouteDeps {
  auth: Auth;
  cases: CaseService;
  evidence: EvidenceService;
  chat: ChatService;
  outcomes: OutcomeService;
  calls: CallService;
  recordings: RecordingService;
  annotations: AnnotationService;
  measurements: MeasurementService;
  checklist: ChecklistService;
  ledger: LedgerStore;
  keyring: Pick<Keyring, 'list'>;
  blobs: BlobStore;
  peers: PeerCredentials;
  joinBase: (req: Request) => string;
}

export function caseRoutes(deps: CaseRouteDeps): express.Router {
  const { auth, cases } = deps;
  const router = express.Router();

  router.post('/cases', async (req, res) => {
    const user = await auth.requireUser(req);
    const body = parseInput(CreateCaseBody, req.body);
    res.status(201).json(await cases.create(user, body, deps.joinBase(req)));
  });

  router.get('/cases', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ cases: await cases.list(user, parseInput(CaseListQuery, req.query, 'case search')) });
  });

  router.get('/cases/:id', async (req, res) => {
    const user = await auth.requireUser(req);
    const record = await cases.authorize({ kind: 'user', user }, req.params.id, 'participants');
    const detail: CaseDetail = {
      case: await cases.view(record),
      evidence: await deps.evidence.list(record.id),
      chat: await deps.chat.list(record.id, user),
      outcomes: await deps.outcomes.list(record.id),
      calls: await deps.calls.list(record.id),
      recordings: await deps.recordings.summaries(record.id),
      annotations: await deps.annotations.listFor(record.id),
      measurements: await deps.measurements.listFor(record.id),
      checklist: await deps.checklist.stateOf(record),
    };
    res.json(detail);
  });

  router.post('/cases/:id/join-link', async (req, res) => {
    const user = await auth.requireUser(req);
    res.status(201).json(await cases.reissueJoinLink(user, req.params.id, deps.joinBase(req)));
  });

  router.post('/cases/:id/peer', async (req, res) => {
    const user = await auth.requireUser(req);
    // An invited expert (or a supervisor) registers too, as a participant: the assessor's console calls
    // them into the session, and the signalling server keeps them from reaching the customer's page.
    const record = await cases.authorize({ kind: 'user', user }, req.params.id, 'participants');
    res.json(deps.peers.mint(record.id, user.role === 'expert' || user.role === 'supervisor' ? 'participant' : 'assessor'));
  });

  router.post('/cases/:id/calls', async (req, res) => {
    const user = await auth.requireUser(req);
    res.json(await deps.calls.report(user, req.params.id, parseInput(CallEventBody, req.body)));
  });

  router.post('/cases/:id/outcome', async (req, res) => {
    const user = await auth.requireUser(req);
    await cases.authorizeWrite({ kind: 'user', user }, req.params.id);
    res.status(201).json(await deps.outcomes.record(user, req.params.id, parseInput(OutcomeBody, req.body)));
  });

  router.get('/cases/:id/ledger', async (req, res) => {
    const user = await auth.requireUser(req);
    const record = await cases.authorize({ kind: 'user', user }, req.params.id);
    res.json({ entries: await deps.ledger.list(record.id) });
  });

  router.get('/cases/:id/verify', async (req, res) => {
    const user = await auth.requireUser(req);
    const record = await cases.authorize({ kind: 'user', user }, req.params.id);
    res.json(await verifyCase(record.id, deps.ledger, deps.blobs, deps.keyring));
  });

  return router;
}
