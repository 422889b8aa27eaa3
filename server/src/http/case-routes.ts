// Assessor-facing case routes: create, list, read, join links, peer credentials, calls, outcome, ledger.
import express from 'express';
import type { Request } from 'express';
import { CallEventBody, CaseListQuery, CreateCaseBody, OutcomeBody, type CaseDetail, type LedgerKey } from '../../../protocol/http.ts';
import type { AnnotationService } from '../annotations/annotation-service.ts';
import type { CallService } from '../calls/call-service.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import type { EvidenceService } from '../evidence/evidence-service.ts';
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
  ledgerKey: LedgerKey;
  blobs: BlobStore;
  peers: PeerCredentials;
  joinBase: (req: Request) => string;
}

export function caseRoutes(deps: CaseRouteDeps): express.Router {
  const { auth, cases } = deps;
  const router = express.Router();

  router.post('/cases', (req, res) => {
    const user = auth.requireUser(req);
    const body = parseInput(CreateCaseBody, req.body);
    res.status(201).json(cases.create(user, body, deps.joinBase(req)));
  });

  router.get('/cases', (req, res) => {
    const user = auth.requireUser(req);
    res.json({ cases: cases.list(user, parseInput(CaseListQuery, req.query, 'case search')) });
  });

  router.get('/cases/:id', (req, res) => {
    const user = auth.requireUser(req);
    const record = cases.authorize({ kind: 'user', user }, req.params.id);
    const detail: CaseDetail = {
      case: cases.view(record),
      evidence: deps.evidence.list(record.id),
      chat: deps.chat.list(record.id),
      outcomes: deps.outcomes.list(record.id),
      calls: deps.calls.list(record.id),
      recordings: deps.recordings.summaries(record.id),
      annotations: deps.annotations.listFor(record.id),
      measurements: deps.measurements.listFor(record.id),
      checklist: deps.checklist.stateOf(record),
    };
    res.json(detail);
  });

  router.post('/cases/:id/join-link', (req, res) => {
    const user = auth.requireUser(req);
    res.status(201).json(cases.reissueJoinLink(user, req.params.id, deps.joinBase(req)));
  });

  router.post('/cases/:id/peer', (req, res) => {
    const user = auth.requireUser(req);
    const record = cases.authorize({ kind: 'user', user }, req.params.id);
    res.json(deps.peers.mint(record.id, 'assessor'));
  });

  router.post('/cases/:id/calls', (req, res) => {
    const user = auth.requireUser(req);
    res.json(deps.calls.report(user, req.params.id, parseInput(CallEventBody, req.body)));
  });

  router.post('/cases/:id/outcome', (req, res) => {
    const user = auth.requireUser(req);
    cases.authorizeWrite({ kind: 'user', user }, req.params.id);
    res.status(201).json(deps.outcomes.record(user, req.params.id, parseInput(OutcomeBody, req.body)));
  });

  router.get('/cases/:id/ledger', (req, res) => {
    const user = auth.requireUser(req);
    const record = cases.authorize({ kind: 'user', user }, req.params.id);
    res.json({ entries: deps.ledger.list(record.id) });
  });

  router.get('/cases/:id/verify', async (req, res) => {
    const user = auth.requireUser(req);
    const record = cases.authorize({ kind: 'user', user }, req.params.id);
    res.json(await verifyCase(record.id, deps.ledger, deps.blobs, deps.ledgerKey.publicKeyPem));
  });

  return router;
}
