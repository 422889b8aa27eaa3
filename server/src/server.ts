// Builds the whole service from a config: storage, services, signalling, the app, and its listeners.
import { createSettingsStore } from './settings/settings-store.ts';
import { createSettlement } from './settlement/create-settlement.ts';
import { createReadApi } from './read-api/read-api.ts';
import { createCaseAddressService } from './cases/case-address.ts';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { RedisStore } from 'rate-limit-redis';
import { createAnnotationService } from './annotations/annotation-service.ts';
import { createAnnotationStore } from './annotations/annotation-store.ts';
import { ensureFirstAdmin } from './auth/bootstrap.ts';
import { createUserStore } from './auth/user-store.ts';
import { createCallService } from './calls/call-service.ts';
import { createCallStore } from './calls/call-store.ts';
import { createCaseLifecycle } from './cases/case-lifecycle.ts';
import { createCaseService } from './cases/case-service.ts';
import { readLanguages } from './i18n/languages.ts';
import { translators } from './i18n/translate.ts';
import { createParticipantSessions } from './cases/participant-sessions.ts';
import { createParticipantsService } from './cases/participants-service.ts';
import { createParticipantsStore } from './cases/participants-store.ts';
import { createCaseStore } from './cases/case-store.ts';
import { createPresenceTracker, createRedisPresence } from './cases/presence.ts';
import { createChatService } from './chat/chat-service.ts';
import { createChannelService } from './channels/channel-service.ts';
import { createChatStore } from './chat/chat-store.ts';
import { createChecklistService } from './checklist/checklist-service.ts';
import { createChecklistStore } from './checklist/checklist-store.ts';
import { registerInstance, type InstanceRegistration } from './cluster/instance-registry.ts';
import { createReadiness } from './cluster/readiness.ts';
import { loadKnowledgeBases } from './frontdoor/agent/knowledge-base.ts';
import { closeListeners, type ShutdownConfig } from './cluster/shutdown.ts';
import { closeRedis, openRedis, type Redis } from './cluster/redis.ts';
import type { Config } from './config.ts';
import { createEventHub } from './events/event-hub.ts';
import { createMemoryEventLog, createRedisEventLog } from './events/event-log.ts';
import { createEvidenceService } from './evidence/evidence-service.ts';
import { createEvidenceStore } from './evidence/evidence-store.ts';
import { createIdentityService } from './identity/identity-service.ts';
import { createIdentityStore } from './identity/identity-store.ts';
import { createMrzReader } from './identity/mrz-ocr.ts';
import { createExportService } from './export/export-service.ts';
import { createKbSearch } from './frontdoor/agent/kb-search.ts';
import { createFrontDoorReader } from './frontdoor/intake/front-door-view.ts';
import { createIntakeService } from './frontdoor/intake/intake-service.ts';
import { createIntakeStore } from './frontdoor/intake/intake-store.ts';
import { createQueueService } from './frontdoor/queue-service.ts';
import { createAfterStore } from './frontdoor/after/after-store.ts';
import { createSurveyService } from './frontdoor/after/survey-service.ts';
import { createWrapUpService } from './frontdoor/after/wrap-up-service.ts';
import { createKpiService } from './frontdoor/kpi/kpi-service.ts';
import { createApp } from './http/app.ts';
import { createPeerCredentials } from './http/peer-credentials.ts';
import { createKeyring } from './ledger/keyring.ts';
import { createLedgerStore } from './ledger/ledger-store.ts';
import { createEmailSender } from './links/email-sender.ts';
import { createLinkSeal } from './links/link-seal.ts';
import { createLinkService } from './links/link-service.ts';
import { createLinkStore } from './links/link-store.ts';
import { createSmsSender } from './links/sms-sender.ts';
import { createMeasurementService } from './measurements/measurement-service.ts';
import { createMeasurementStore } from './measurements/measurement-store.ts';
import { createOutcomeService } from './outcomes/outcome-service.ts';
import { createOutcomeStore } from './outcomes/outcome-store.ts';
import { createRecordingService } from './recording/recording-service.ts';
import { createRecordingStore } from './recording/recording-store.ts';
import { createReportService } from './report/report-service.ts';
import { createSignalling } from './signalling/signalling.ts';
import { createRedisDirectory } from './signalling/redis-directory.ts';
import { loadServerSecrets } from './secrets/server-secrets.ts';
import { openBlobStore } from './storage/open-blob-store.ts';
import { openDatabase } from './storage/database.ts';
import { lanAddresses, loadOrCreateCertificate } from './tls/certificate.ts';
import { createTourActivityService } from './tours/tour-activity-service.ts';
import { createTourActivityStore } from './tours/tour-activity-store.ts';
import { createWebhooks } from './webhooks/webhooks.ts';
import { loadTourLibrary } from './tours/tour-library.ts';

/** How long an idle keep-alive connection is kept: past the 60 s idle timeout of common load balancers. */
export const KEEP_ALIVE_MS = 65_000;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  httpUrl: string | null;
  httpsUrl: string | null;
  /** URLs a phone on the LAN can open. */
  lanUrls: string[];
  firstAdmin: { email: string; password: string; generated: boolean } | null;
  /** This instance's id in the `instances` table and in Redis. */
  instanceId: string;
  /** Stops at once: open requests and sockets are cut. */
  close(): Promise<void>;
  /**
   * Stops gracefully (timings from `config.shutdown`): readiness turns 503 for `noticeMs`, then the
   * listeners close, signalling sockets are closed with 1001 (going away: clients reconnect, to another
   * instance) and event streams end, requests under way get `graceMs` to finish, and then storage and
   * Redis are closed.
   */
  drain(): Promise<void>;
}

/** `testClock`: a test's clock for everything, ledger entries included; otherwise ledger entries take the database's. */
export async function startServer(config: Config, log: Logger, testClock?: () => Date): Promise<RunningServer> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  // The digital agent's knowledge base, read before anything is opened: a broken file stops the start
  // with its line and what is wrong, not the first customer who asks (issue 14; the intake page that
  // asks it comes next).
  const knowledgeBase = loadKnowledgeBases(config.knowledgeBase, translators().languages);
  log.info({ file: config.knowledgeBase, entries: knowledgeBase.length }, 'knowledge base read');
  const clock = testClock ?? (() => new Date());
  const db = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize } : { kind: 'sqlite', file: path.join(config.dataDir, 'sightline.db') });
  let redis: Redis | null = null;
  let instance: InstanceRegistration;
  try {
    redis = config.redisUrl ? await openRedis(config.redisUrl, 'commands', log) : null;
    instance = await registerInstance({ db, clustered: redis !== null, log });
  } catch (error) {
    if (redis) await closeRedis(redis);
    await db.close();
    throw error;
  }
  log.info({ instance: instance.id, redis: redis !== null }, 'instance registered');
  const blobs = await openBlobStore(config);
  const hub = createEventHub({
    log: redis && config.redisUrl ? createRedisEventLog({ redis, url: config.redisUrl, log }) : createMemoryEventLog(),
    onError: (err) => log.error({ err }, 'events: could not replay missed events; the stream was ended'),
    clock,
  });
  const presence = redis ? createRedisPresence({ redis, instanceId: instance.id, log }) : createPresenceTracker();
  const readiness = createReadiness({
    log,
    probes: {
      database: () => db.q().selectFrom('instances').select('id').limit(1).execute(),
      blobs: () => blobs.check(),
      ...(redis ? { redis: () => redis!.ping() } : {}),
    },
  });
  const users = createUserStore(db, clock);
  const { signer, signallingSecret } = await loadServerSecrets({ db, dataDir: config.dataDir, files: config.secretFiles, log, clock });
  const webhooks = createWebhooks({ db, now: testClock ? async () => testClock() : () => db.now(), instanceId: instance.id, retryBaseMs: config.webhooks.retryBaseMs, onError: (err) => log.error({ err }, 'webhooks: a delivery pass failed') });
  const ledger = createLedgerStore(db, testClock ?? (db.dialect === 'postgres' ? 'database' : clock), signer, webhooks.onAppended);
  const keyring = createKeyring(db);
  const tours = loadTourLibrary(config.toursDir);
  for (const { folder, reason } of tours.refused) log.error({ toursDir: config.toursDir, folder }, `tour "${folder}" is not offered: ${reason}`);
  const caseStore = createCaseStore(db);
  const settings = createSettingsStore(db);
  const checklistStore = createChecklistStore(db);
  const linkStore = createLinkStore(db);
  const linkSeal = createLinkSeal(signallingSecret);
  const participantsStore = createParticipantsStore(db);
  const callStore = createCallStore(db);
  const queue = createQueueService({
    db, ledger, cases: caseStore, hub, clock, ...config.queue,
    userExists: async (id) => (await users.byId(id)) !== null,
    // `cases` is built next; a case is published only after the service exists.
    publishCase: (caseId) => cases.publish(caseId),
    onError: (err) => log.error({ err }, 'front door: a routing pass failed'),
    // A call the console did not end (it crashed) counts only while the case's presence says a call is
    // up, which it stops saying once the customer's page has gone.
    inCall: async (assessorIds) => {
      const open = await callStore.openOf(assessorIds);
      const live = await presence.ofMany([...new Set(open.map((call) => call.caseId))]);
      return new Set(open.filter((call) => live.get(call.caseId)?.presence === 'live').map((call) => call.assessorId));
    },
  });
  const intakeStore = createIntakeStore(db);
  const userName = async (id: string) => (await users.byId(id))?.name ?? null;
  const frontDoor = createFrontDoorReader({ store: intakeStore, ledger, queue, userName });
  const senders = {
    email: config.linkSending.email ? createEmailSender(config.linkSending.email) : null,
    sms: config.linkSending.sms ? createSmsSender(config.linkSending.sms) : null,
  };
  // The languages the pages are translated into: the folders of message files they bundle.
  const languages = readLanguages(path.join(ROOT, 'client/src/i18n/locales'));
  const cases = createCaseService({
    db, cases: caseStore, ledger, presence, hub, clock,
    userExists: async (id) => (await users.byId(id)) !== null,
    checklistCaptures: checklistStore.list,
    tourTitle: (id) => tours.get(id)?.manifest.title ?? null,
    joinLinkHours: config.joinLinkHours,
    userName: async (id) => (await users.byId(id))?.name ?? null,
    customerNotice: config.customerNotice,
    linkFactsOf: linkStore.currentOf,
    sealJoinToken: (tokenId, token) => linkStore.setSealed(tokenId, linkSeal.seal(token, tokenId)),
    participantRole: participantsStore.roleOf,
    frontDoor: frontDoor.view,
    languages,
  });
  const links = createLinkService({
    db, store: linkStore, cases, ledger, seal: linkSeal, clock,
    organisation: config.customerNotice.organisation,
    senders,
  });
  const intake = createIntakeService({
    db, store: intakeStore, reader: frontDoor, cases, caseStore, languages, checklistCaptures: checklistStore.list, ledger, queue, clock,
    kb: createKbSearch(knowledgeBase),
    bookables: (id) => tours.get(id)?.manifest.bookables ?? [],
    organisation: config.customerNotice.organisation,
    senders,
    onError: (err, what) => log.error({ err }, `front door: ${what}`),
  });
  const caseLifecycle = createCaseLifecycle({
    db, cases: caseStore, service: cases, ledger, hub,
    userEnabled: async (id) => {
      const disabledAt = await users.disabledAt(id);
      return disabledAt === undefined ? 'unknown' : disabledAt === null ? 'enabled' : 'disabled';
    },
  });
  const checklist = createChecklistService({ store: checklistStore, cases, ledger, hub });
  const caseAddress = createCaseAddressService({ db, cases, ledger });
  const evidence = createEvidenceService({ db, store: createEvidenceStore(db), blobs, ledger, cases, checklist, hub, clock, images: { maxPixels: config.maxImagePixels, ...config.imageWork }, settings, caseAddress });
  const mrzReader = createMrzReader({ log, clock });
  const identity = createIdentityService({ db, store: createIdentityStore(db), evidence: createEvidenceStore(db), blobs, ledger, cases, mrz: mrzReader, clock, log, senders, organisation: config.customerNotice.organisation });
  const annotations = createAnnotationService({ db, store: createAnnotationStore(db), ledger, cases, hub });
  const measurements = createMeasurementService({ db, store: createMeasurementStore(db), ledger, cases, hub });
  const caseExports = createExportService({ cases, ledger, blobs, ledgerKey: signer.key, sign: signer.sign, keyring, clock });
  const chat = createChatService({
    db, store: createChatStore(db), ledger, cases, hub, clock, languages,
    experts: async (caseId) => (await participantsStore.list(caseId)).filter((p) => p.role === 'expert').map((p) => p.userId),
  });
  const outcomes = createOutcomeService({ db, store: createOutcomeStore(db), ledger, cases, hub, clock, tour: (id) => tours.get(id)?.manifest ?? null });
  const calls = createCallService({ db, store: callStore, ledger, cases, presence, hub, clock });
  const tourActivity = createTourActivityService({ db, store: createTourActivityStore(db), ledger, cases, clock, tour: (id) => tours.get(id)?.manifest ?? null });
  const reports = createReportService({
    db, cases, users, evidence, chat, outcomes, measurements, checklist, ledger, blobs, ledgerKey: signer.key, keyring, clock,
    tourActivity, tourTitle: (id) => tours.get(id)?.manifest.title ?? null, log,
  });
  const recordings = createRecordingService({ db, store: createRecordingStore(db), blobs, ledger, cases, hub });
  const firstAdmin = await ensureFirstAdmin(users, config.admin);
  /** The one stop, by close() or drain(), whichever comes first. */
  let stopping: Promise<void> | null = null;
  /** Presence changes still being written: storage stays open until they are done. */
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const httpServer = config.httpPort !== null ? http.createServer() : null;
  const tls = config.httpsPort !== null ? await loadOrCreateCertificate({ dataDir: config.dataDir, configured: config.tls }) : null;
  const httpsServer = tls ? https.createServer({ cert: tls.cert, key: tls.key }) : null;
  const servers = [httpServer, httpsServer].filter((s): s is http.Server => s !== null);
  for (const server of servers) {
    // Idle keep-alive connections stay open longer than any load balancer's or client's idle timeout
    // (AWS ALB and haproxy default to 60 s), so the client, not the server, closes an idle one: a
    // request sent just as the server closed the socket under it would fail with ECONNRESET.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
  }

  const signalling = createSignalling({
    secret: signallingSecret,
    servers,
    mountPath: '/peerjs',
    tokenTtlMs: 120_000,
    maxPeersPerCase: 8,
    maxPeers: config.maxPeers,
    relayRate: { bytesPerSecond: config.signallingBytesPerSecond, burstBytes: 4 * config.signallingBytesPerSecond },
    // Peers registered in Redis and relayed between instances; in this process without it.
    directory: config.redisUrl ? await createRedisDirectory({ url: config.redisUrl, log, instanceId: instance.id }) : undefined,
    // A customer's credential stands only while the join link it was minted under does.
    grantStands: async (grant) => grant.role !== 'customer' || (grant.joinTokenId !== undefined && await cases.joinTokenStands(grant.caseId, grant.joinTokenId)),
    log,
    onPresence: ({ grant, online }) => {
      if (grant.role !== 'customer') return;
      track((async () => {
        await (online ? presence.customerOnline(grant.caseId, grant.peerId) : presence.customerOffline(grant.caseId, grant.peerId));
        try {
          await ledger.append({ caseId: grant.caseId, actor: { type: 'system', id: 'signalling' }, type: online ? 'customer.joined' : 'customer.left', payload: { peerId: grant.peerId } });
        } catch (err) {
          log.error({ err, caseId: grant.caseId }, 'could not ledger a presence change');
        }
        await cases.publish(grant.caseId);
      })().catch((err: unknown) => log.error({ err, caseId: grant.caseId }, 'could not publish a presence change')));
    },
  });
  const stopRevoking = cases.onJoinLinkReplaced((caseId) => signalling.dropRevoked(caseId));
  // A closed case admits no customer (cases.joinTokenStands): its live call ends now.
  const stopClosing = caseLifecycle.onClosed((caseId) => signalling.dropRevoked(caseId));

  let httpsBase: string | null = null;
  const listening: { http: number | null; https: number | null } = { http: null, https: null };
  const joinBase = (req: Request): string => config.publicUrl ?? httpsBase ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const app = createApp({
    log, version, clientDir: path.join(ROOT, 'client/dist'), maxUploadBytes: config.maxUploadBytes, maxChunkBytes: config.maxChunkBytes, loginLimitPer15Min: config.loginLimitPer15Min, trustProxy: config.trustProxy,
    // Shared by every instance, so the limit holds however the load balancer spreads the attempts.
    loginLimitStore: redis ? new RedisStore({ prefix: 'sightline:login-limit:', sendCommand: (command: string, ...args: string[]) => redis!.call(command, ...args) as never }) : null,
    intakeLimitStore: redis ? (name) => new RedisStore({ prefix: `sightline:intake-limit:${name}:`, sendCommand: (command: string, ...args: string[]) => redis!.call(command, ...args) as never }) : null,
    intakeLimits: config.intakeLimits,
    readiness,
    tours, tourActivity, users, languages, cases, caseLifecycle, links, evidence, caseExports, reports, chat, outcomes, calls, recordings, annotations, measurements, checklist, ledger, ledgerKey: signer.key, keyring, blobs, hub, queue, intake, kpis: createKpiService({ db, clock }),
    channels: createChannelService({ db, ledger, cases }),
    afterSession: {
      surveys: createSurveyService({ db, store: createAfterStore(db), ledger, clock }),
      wrapUps: createWrapUpService({ db, store: createAfterStore(db), ledger, cases, caseStore, queue, clock }),
      participants: createParticipantsService({ cases, caseStore, store: participantsStore, users, clock }),
    },
    participantSessions: createParticipantSessions({ db, cases, caseStore, ledger, users, invitations: participantsStore }),
    peers: createPeerCredentials(signalling, config, () => clock().getTime()), peerHandler: signalling.handler, joinBase,
    ownOrigins: { publicUrl: config.publicUrl, ports: () => listening },
    settings,
    identity,
    settlement: createSettlement({
      db, ledger, cases, caseStore, outcomes, settings, hub, clock, keyring, organisation: config.customerNotice.organisation, senders,
      languageOf: users.languageOf,
      passedIdentity: async (caseId) => (await identity.hasPassedIdentity(caseId))?.checkId ?? null,
      onError: (err, what) => log.error({ err }, `settlement: ${what}`),
    }),
    readApi: createReadApi({ db, clock, limitPerMinute: config.apiLimitPerMinute, limitStore: redis ? new RedisStore({ prefix: 'sightline:api-limit:', sendCommand: (command: string, ...args: string[]) => redis!.call(command, ...args) as never }) : null }),
    webhooks: webhooks.service,
    caseAddress,
  });
  for (const server of servers) server.on('request', app);
  queue.start();
  webhooks.worker.start();

  const listen = async (server: http.Server | null, port: number | null): Promise<number | null> => {
    if (!server || port === null) return null;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, config.host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  };
  const httpPort = await listen(httpServer, config.httpPort);
  const httpsPort = await listen(httpsServer, config.httpsPort);
  Object.assign(listening, { http: httpPort, https: httpsPort });
  const lanUrls = httpsPort ? lanAddresses().map((ip) => `https://${ip}:${httpsPort}`) : [];
  httpsBase = lanUrls[0] ?? (httpsPort ? `https://localhost:${httpsPort}` : null);

  return {
    httpUrl: httpPort ? `http://localhost:${httpPort}` : null,
    httpsUrl: httpsPort ? `https://localhost:${httpsPort}` : null,
    lanUrls,
    firstAdmin,
    instanceId: instance.id,
    close() {
      stopping ??= closeNow();
      return stopping;
    },
    drain() {
      stopping ??= drain(config.shutdown);
      return stopping;
    },
  };

  async function closeNow(): Promise<void> {
    readiness.drain();
    stopRevoking();
    stopClosing();
    await queue.stop();
    await webhooks.worker.stop();
    await signalling.close();
    await hub.close();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    })));
    await closeStorage();
  }

  async function drain({ noticeMs, graceMs }: ShutdownConfig): Promise<void> {
    readiness.drain();
    log.info({ noticeMs, graceMs }, 'draining: readiness answers 503');
    await new Promise((resolve) => setTimeout(resolve, noticeMs));
    stopRevoking();
    stopClosing();
    await queue.stop();
    await webhooks.worker.stop();
    const listeners = closeListeners(servers, graceMs);
    await Promise.all([signalling.close(), hub.close()]);
    if (await listeners) log.warn({ graceMs }, 'draining: requests still under way after the grace period were cut');
    await closeStorage();
    log.info('drained');
  }

  async function closeStorage(): Promise<void> {
    await Promise.all(pending);
    await mrzReader.stop();
    presence.close();
    await instance.close().catch((err: unknown) => log.error({ err }, 'could not remove this instance from the registry'));
    if (redis) await closeRedis(redis);
    blobs.close();
    await db.close();
  }
}
