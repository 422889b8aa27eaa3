// The Express app: security headers, JSON parsing, the API routers, the PeerJS mount and the client pages.
import express from 'express';
import type { Request, RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AnnotationService } from '../annotations/annotation-service.ts';
import type { UserStore } from '../auth/user-store.ts';
import type { CallService } from '../calls/call-service.ts';
import type { CaseLifecycle } from '../cases/case-lifecycle.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { ChannelService } from '../channels/channel-service.ts';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import type { Readiness } from '../cluster/readiness.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { EvidenceService } from '../evidence/evidence-service.ts';
import type { ExportService } from '../export/export-service.ts';
import type { IntakeService } from '../frontdoor/intake/intake-service.ts';
import type { QueueService } from '../frontdoor/queue-service.ts';
import type { KpiService } from '../frontdoor/kpi/kpi-service.ts';
import type { LedgerKey, LedgerKeyring } from '../../../protocol/http.ts';
import type { Keyring } from '../ledger/keyring.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { LinkService } from '../links/link-service.ts';
import type { MeasurementService } from '../measurements/measurement-service.ts';
import type { OutcomeService } from '../outcomes/outcome-service.ts';
import type { RecordingService } from '../recording/recording-service.ts';
import type { ReportService } from '../report/report-service.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { TourActivityService } from '../tours/tour-activity-service.ts';
import type { TourLibrary } from '../tours/tour-library.ts';
import type { CaseAddressService } from '../cases/case-address.ts';
import { caseAddressRoutes } from './case-address-routes.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import { identityRoutes } from './identity-routes.ts';
import type { ReadApi } from '../read-api/read-api.ts';
import { apiKeyRoutes } from './api-key-routes.ts';
import { readApiRoutes } from './read-api-routes.ts';
import type { WebhookService } from '../webhooks/webhook-service.ts';
import { webhookRoutes } from './webhook-routes.ts';
import { createAuth } from './auth.ts';
import { authRoutes } from './auth-routes.ts';
import { caseLifecycleRoutes } from './case-lifecycle-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { channelRoutes } from './channel-routes.ts';
import { checklistRoutes } from './checklist-routes.ts';
import { clientPages } from './client-files.ts';
import { HttpError } from '../errors.ts';
import { errorHandler, notFoundHandler, notFoundPage } from './errors.ts';
import { eventRoutes } from './event-routes.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { exportRoutes } from './export-routes.ts';
import { joinRoutes } from './join-routes.ts';
import { languageRoutes } from './language-routes.ts';
import type { Languages } from '../i18n/languages.ts';
import { linkRoutes } from './link-routes.ts';
import type { PeerCredentials } from './peer-credentials.ts';
import { recordingRoutes } from './recording-routes.ts';
import { afterSessionRoutes, type AfterSessionServices } from './after-session-routes.ts';
import type { ParticipantSessions } from '../cases/participant-sessions.ts';
import { participantSessionRoutes } from './participant-session-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { intakeRoutes, type IntakeLimits } from './intake-routes.ts';
import { queueRoutes } from './queue-routes.ts';
import { kpiRoutes } from './kpi-routes.ts';
import { sameOriginWrites, type SameOriginDeps } from './same-origin.ts';
import { spatialRoutes } from './spatial-routes.ts';
import { tourApiRoutes, tourFiles } from './tour-routes.ts';
import type { Settlement } from '../settlement/create-settlement.ts';
import { settlementRoutes } from './settlement-routes.ts';
import { settingsRoutes } from './settings-routes.ts';

export interface AppDeps {
  log: Logger;
  version: string;
  clientDir: string;
  maxUploadBytes: number;
  maxChunkBytes: number;
  loginLimitPer15Min: number;
  /** Express `trust proxy`: whose X-Forwarded-For names the client (config.trustProxy). */
  trustProxy: string[];
  /** Where login attempts are counted when instances share Redis; null: in this process only. */
  loginLimitStore: Store | null;
  /** Whether to send this instance traffic (GET /api/ready). */
  readiness: Readiness;
  users: UserStore;
  /** The languages the pages speak (a user's console language is one). */
  languages: Languages;
  tours: TourLibrary;
  tourActivity: TourActivityService;
  cases: CaseService;
  caseLifecycle: CaseLifecycle;
  links: LinkService;
  evidence: EvidenceService;
  caseExports: ExportService;
  chat: ChatService;
  /** Channel proposals, answers and switches (the mode ladder, with consent). */
  channels: ChannelService;
  outcomes: OutcomeService;
  calls: CallService;
  recordings: RecordingService;
  annotations: AnnotationService;
  measurements: MeasurementService;
  checklist: ChecklistService;
  reports: ReportService;
  ledger: LedgerStore;
  ledgerKey: LedgerKey;
  keyring: Pick<Keyring, 'list'>;
  blobs: BlobStore;
  hub: EventHub;
  queue: QueueService;
  intake: IntakeService;
  /** The front door's rate limits (intake-routes.ts defaults when absent). */
  intakeLimits?: IntakeLimits;
  /** Where the front door's limiters count when instances share Redis, one store per limiter name; null: in this process. */
  intakeLimitStore?: ((name: string) => Store) | null;
  kpis: KpiService;
  /** Surveys, wrap-ups and the experts invited to a case. */
  afterSession: AfterSessionServices;
  /** Experts and supervisors in a case's live session (participant-session-routes.ts). */
  participantSessions: ParticipantSessions;
  peers: PeerCredentials;
  peerHandler: RequestHandler;
  joinBase: (req: Request) => string;
  /** Which origins count as the server's own, for cookie-authenticated writes. */
  ownOrigins: SameOriginDeps;
  /** The organisation's settings (admin pages; issue 15). */
  settings: SettingsStore;
  /** Settlement offers, the customer's decision and its public receipts (issue 15). */
  settlement: Settlement;
  /** The case's address, which photos are checked against (issue 15, capture). */
  caseAddress: CaseAddressService;
  /** Outgoing webhooks' admin side (issue 15). */
  webhooks: WebhookService;
  /** API keys and the REST read API (/api/v1) with its OpenAPI description (issue 15). */
  readApi: ReadApi;
  /** Identity checks before regulated steps (issue 15). */
  identity: IdentityService;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          // WebAssembly only (three's meshopt decoder for tour scenes); still no eval of strings.
          scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:', 'mediastream:'],
          // blob: lets three.js fetch() the textures of a tour scene the page itself unpacked from its
          // .glb (ImageBitmapLoader); a blob: URL is the page's own memory, so nothing leaves through it.
          connectSrc: ["'self'", 'blob:', 'ws:', 'wss:'],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // A self-signed LAN certificate must stay click-through-able: no HSTS pinning from here.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  const auth = createAuth({ users: deps.users, cases: deps.cases });
  const api = express.Router();
  api.use(sameOriginWrites(deps.ownOrigins));
  // Before the shared JSON parser: chunk bodies are raw bytes, and a seal body may exceed its limit.
  api.use(recordingRoutes({ auth, cases: deps.cases, recordings: deps.recordings, blobs: deps.blobs, maxChunkBytes: deps.maxChunkBytes }));
  api.use(express.json({ limit: '256kb', strict: true }));
  // Liveness: the process serves. Readiness: its dependencies answer and it is not draining.
  api.get('/health', (_req, res) => {
    res.json({ ok: true, version: deps.version });
  });
  api.get('/ready', async (_req, res) => {
    const report = await deps.readiness.check();
    res.status(report.ok ? 200 : 503).set('Cache-Control', 'no-store').json(report);
  });
  api.get('/ledger/key', (_req, res) => {
    res.json(deps.ledgerKey);
  });
  // Every key that ever signed an entry, so an entry signed before a rotation can still be checked.
  api.get('/ledger/keys', async (_req, res) => {
    const keyring: LedgerKeyring = { current: deps.ledgerKey.keyId, keys: await deps.keyring.list() };
    res.json(keyring);
  });
  api.use(authRoutes({ auth, users: deps.users, hub: deps.hub, loginLimitPer15Min: deps.loginLimitPer15Min, loginLimitStore: deps.loginLimitStore, openCases: deps.caseLifecycle.openCounts, consoleSettings: deps.links.settings, languages: deps.languages }));
  api.use(joinRoutes({ auth, cases: deps.cases, links: deps.links, peers: deps.peers }));
  api.use(languageRoutes({ auth, cases: deps.cases }));
  api.use(eventRoutes({ auth, hub: deps.hub, heartbeat: deps.queue.heartbeat }));
  api.use(evidenceRoutes({ auth, cases: deps.cases, evidence: deps.evidence, chat: deps.chat, blobs: deps.blobs, maxUploadBytes: deps.maxUploadBytes }));
  api.use(spatialRoutes({ auth, cases: deps.cases, annotations: deps.annotations, measurements: deps.measurements }));
  api.use(checklistRoutes({ auth, checklist: deps.checklist }));
  api.use(caseRoutes({ ...deps, auth }));
  api.use(linkRoutes({ auth, links: deps.links, joinBase: deps.joinBase }));
  api.use(caseLifecycleRoutes({ auth, lifecycle: deps.caseLifecycle }));
  api.use(exportRoutes({ auth, caseExports: deps.caseExports }));
  api.use(reportRoutes({ auth, reports: deps.reports }));
  api.use(queueRoutes({ auth, queue: deps.queue }));
  api.use(intakeRoutes({ auth, intake: deps.intake, joinBase: deps.joinBase, ...(deps.intakeLimits ? { limits: deps.intakeLimits } : {}), limitStore: deps.intakeLimitStore ?? null }));
  api.use(kpiRoutes({ auth, kpis: deps.kpis }));
  api.use(participantSessionRoutes({ auth, sessions: deps.participantSessions }));
  api.use(afterSessionRoutes({ auth, ...deps.afterSession }));
  api.use(channelRoutes({ auth, channels: deps.channels }));
  // Settle online (issue 15): one line per router below.
  api.use(identityRoutes({ auth, identity: deps.identity, limitStore: deps.intakeLimitStore ?? null }));
  api.use(apiKeyRoutes({ auth, apiKeys: deps.readApi.apiKeys }), readApiRoutes({ auth, readApi: deps.readApi, ledger: deps.ledger, version: deps.version }));
  api.use(webhookRoutes({ auth, webhooks: deps.webhooks }));
  api.use(settlementRoutes({ auth, settlement: deps.settlement, joinBase: deps.joinBase, limitStore: deps.intakeLimitStore ?? null }), settingsRoutes({ auth, settings: deps.settings, clock: deps.settlement.clock }));
  api.use(caseAddressRoutes({ auth, caseAddress: deps.caseAddress }));
  api.use(tourApiRoutes({ auth, tours: deps.tours, cases: deps.cases, tourActivity: deps.tourActivity }));
  api.use(notFoundHandler());
  app.use('/api', api);

  app.get('/.well-known/sightline-ledger-key.pem', (_req, res) => {
    res.type('application/x-pem-file').send(deps.ledgerKey.publicKeyPem);
  });
  app.use('/peerjs', deps.peerHandler);
  app.use('/tours', tourFiles(deps.tours));
  app.use(clientPages(deps.clientDir));
  app.use(notFoundPage());
  app.use(notFoundHandler());
  app.use(errorHandler(deps.log));
  return app;
}
