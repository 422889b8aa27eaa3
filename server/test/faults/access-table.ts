// The expected answer of every route to every caller, written from the code and docs/API.md, with a
// plausible valid request for each, so a status reflects access and never validation.
import crypto from 'node:crypto';
import { PRINCIPALS, type Principal, OTHER_ASSESSOR, type Scene } from './principals.ts';

export interface CellRequest {
  path: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  json?: unknown;
}

/** What a request builder may use: a small photo, unique ids, and ways to put things in the scene first. */
export interface Kit {
  photo: Buffer;
  unique(prefix: string): string;
  /** Uploads a photo as the assessor; returns the evidence id. */
  evidenceIn(scene: Scene): Promise<string>;
  /** Starts a recording as the assessor, optionally with chunk 0 held; returns its id and chunk 0. */
  recordingIn(scene: Scene, withChunk: boolean): Promise<{ id: string; chunk: Buffer }>;
  /** Creates an assessor as the admin, to disable or enable; returns the user's id. */
  newUser(): Promise<string>;
  /** Closes or archives the scene's case as its assessor first. */
  act(scene: Scene, action: 'close' | 'archive'): Promise<void>;
}

/** 'page': a client page, 200 once the client is built and 503 before, the same for everyone. */
export type Expected = number | 'page';

export interface RouteEntry {
  expect: Record<Principal, Expected>;
  request(scene: Scene, kit: Kit): CellRequest | Promise<CellRequest>;
  /** The call ends the caller's session: users log in anew for it. */
  ownSession?: boolean;
}

type Row = Omit<RouteEntry, 'expect'> & { expect: Partial<Record<Principal, Expected>> };

/**
 * Statuses in PRINCIPALS order: none · other case's customer · expired customer · customer · other
 * assessor · assessor · admin · supervisor · expert. The last two may be left out: they then follow
 * from the others by the staff rules below (withStaffDefaults).
 */
function row(statuses: string, request: RouteEntry['request'], opts: { ownSession?: boolean } = {}): Row {
  const cells = statuses.trim().split(/\s+/);
  if (cells.length !== PRINCIPALS.length && cells.length !== PRINCIPALS.length - 2) throw new Error(`a row needs ${PRINCIPALS.length} (or ${PRINCIPALS.length - 2}) statuses: "${statuses}"`);
  const expect = Object.fromEntries(cells.map((cell, i) => [PRINCIPALS[i], cell === 'page' ? 'page' : Number(cell)]));
  return { expect, request, ...opts };
}

const CASE_SCOPED = /^\/api\/cases\/:id(\/|$)/;
/** The case writes a supervisor may still make (server/src/http/auth.ts SUPERVISOR_CASE_WRITES). */
const SUPERVISOR_WRITES = /^\/api\/cases\/:id\/peer$/;

/**
 * A row that names seven callers gets the supervisor's and the expert's answers by rule: a supervisor
 * reads any case as an admin does, changes none (403) but asks for peer credentials, and elsewhere is
 * refused where another assessor is; an expert invited to nothing is another assessor, except that they
 * open no case (403) and a case they would be refused as not theirs is one they are not told exists (404).
 */
function withStaffDefaults(rows: Record<string, Row>): Record<string, RouteEntry> {
  return Object.fromEntries(Object.entries(rows).map(([key, entry]) => {
    const [method, path] = key.split(' ') as [string, string];
    const e = entry.expect;
    const read = method === 'GET' || method === 'HEAD';
    const supervisor = CASE_SCOPED.test(path) ? (read || SUPERVISOR_WRITES.test(path) ? e.admin! : 403) : key === 'POST /api/cases' ? 403 : e.otherAssessor!;
    const expert = key === 'POST /api/cases' ? 403 : CASE_SCOPED.test(path) && e.otherAssessor === 403 && e.assessor !== 403 ? 404 : e.otherAssessor!;
    return [key, { ...entry, expect: { supervisor, expert, ...e } as Record<Principal, Expected> }];
  }));
}

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');
const inCase = (scene: Scene, rest = ''): string => `/api/cases/${scene.caseId}${rest}`;

function photoForm(kit: Kit): FormData {
  const form = new FormData();
  form.set('source', 'device-still');
  form.set('uploadId', kit.unique('upload'));
  form.set('file', new Blob([new Uint8Array(kit.photo)], { type: 'image/jpeg' }), 'photo.jpg');
  return form;
}

const USERS_ONLY = '401 401 401 401';
const PAGE = 'page page page page page page page page page';
const ANYONE_200 = '200 200 200 200 200 200 200 200 200';

/** Keys are `METHOD path` exactly as the app's router lists them; the PeerJS mount is listed by hand. */
export const ACCESS_TABLE: Record<string, RouteEntry> = withStaffDefaults({
  // Public.
  'GET /api/health': row(ANYONE_200, () => ({ path: '/api/health' })),
  'GET /api/ready': row(ANYONE_200, () => ({ path: '/api/ready' })),
  'GET /api/ledger/key': row(ANYONE_200, () => ({ path: '/api/ledger/key' })),
  'GET /api/ledger/keys': row(ANYONE_200, () => ({ path: '/api/ledger/keys' })),
  'GET /.well-known/sightline-ledger-key.pem': row(ANYONE_200, () => ({ path: '/.well-known/sightline-ledger-key.pem' })),
  'POST /api/auth/login': row(ANYONE_200, () => ({ path: '/api/auth/login', json: { email: OTHER_ASSESSOR.email, password: OTHER_ASSESSOR.password } })),
  // Ending no session is not an error: logout always clears the cookie.
  'POST /api/auth/logout': row('204 204 204 204 204 204 204 204 204', () => ({ path: '/api/auth/logout' }), { ownSession: true }),

  // Users.
  'GET /api/me': row(`${USERS_ONLY} 200 200 200`, () => ({ path: '/api/me' })),
  'PUT /api/me/language': row(`${USERS_ONLY} 200 200 200`, () => ({ path: '/api/me/language', json: { language: null } })),
  'GET /api/users': row(`${USERS_ONLY} 403 403 200`, () => ({ path: '/api/users' })),
  'POST /api/users': row(`${USERS_ONLY} 403 403 201`, (_s, kit) => ({
    path: '/api/users', json: { email: `${kit.unique('user').toLowerCase()}@example.test`, name: 'New', password: 'a long password 2' },
  })),
  'POST /api/users/:id/disable': row(`${USERS_ONLY} 403 403 200`, async (_s, kit) => ({ path: `/api/users/${await kit.newUser()}/disable` })),
  'POST /api/users/:id/enable': row(`${USERS_ONLY} 403 403 200`, async (_s, kit) => ({ path: `/api/users/${await kit.newUser()}/enable` })),
  'POST /api/users/:id/password': row(`${USERS_ONLY} 403 403 200`, async (_s, kit) => ({ path: `/api/users/${await kit.newUser()}/password`, json: { password: 'a long password 9' } })),
  // Outgoing webhooks (issue 15): an admin's alone. The endpoint routes name one that does not exist (404 to the admin).
  'GET /api/admin/webhooks': row(`${USERS_ONLY} 403 403 200`, () => ({ path: '/api/admin/webhooks' })),
  'POST /api/admin/webhooks': row(`${USERS_ONLY} 403 403 201`, () => ({ path: '/api/admin/webhooks', json: { url: 'http://127.0.0.1:9/matrix', events: ['offer.declined'] } })),
  'PATCH /api/admin/webhooks/:id': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/webhooks/whe_missing', json: { enabled: false } })),
  'DELETE /api/admin/webhooks/:id': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/webhooks/whe_missing' })),
  'GET /api/admin/webhooks/:id/secret': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/webhooks/whe_missing/secret' })),
  'POST /api/admin/webhooks/:id/secret': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/webhooks/whe_missing/secret' })),
  'POST /api/admin/webhooks/:id/test': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/webhooks/whe_missing/test' })),
  'GET /api/admin/webhooks/:id/deliveries': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/webhooks/whe_missing/deliveries' })),
  'POST /api/admin/webhooks/:id/deliveries/:msgId/retry': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/webhooks/whe_missing/deliveries/msg_missing/retry' })),

  // API keys (issue 15): an admin's. The key revoked does not exist (404): revoking one is server/test/http/read-api.test.ts'.
  'GET /api/admin/api-keys': row(`${USERS_ONLY} 403 403 200`, () => ({ path: '/api/admin/api-keys' })),
  'POST /api/admin/api-keys': row(`${USERS_ONLY} 403 403 201`, (_s, kit) => ({ path: '/api/admin/api-keys', json: { name: kit.unique('key'), scopes: ['cases:read'] } })),
  'DELETE /api/admin/api-keys/:id': row(`${USERS_ONLY} 403 403 404`, () => ({ path: '/api/admin/api-keys/key_missing' })),
  // The read API takes an API key and nothing else: no caller here has one (a cookie or a join token is 401);
  // keys, scopes and revocation are server/test/http/read-api.test.ts'. Its OpenAPI description is public.
  'GET /api/v1/cases': row('401 401 401 401 401 401 401 401 401', () => ({ path: '/api/v1/cases' })),
  'GET /api/v1/cases/:id': row('401 401 401 401 401 401 401 401 401', (s) => ({ path: `/api/v1/cases/${s.caseId}` })),
  'GET /api/v1/cases/:id/outcomes': row('401 401 401 401 401 401 401 401 401', (s) => ({ path: `/api/v1/cases/${s.caseId}/outcomes` })),
  'GET /api/v1/cases/:id/evidence': row('401 401 401 401 401 401 401 401 401', (s) => ({ path: `/api/v1/cases/${s.caseId}/evidence` })),
  'GET /api/v1/cases/:id/offers': row('401 401 401 401 401 401 401 401 401', (s) => ({ path: `/api/v1/cases/${s.caseId}/offers` })),
  'GET /api/v1/cases/:id/ledger': row('401 401 401 401 401 401 401 401 401', (s) => ({ path: `/api/v1/cases/${s.caseId}/ledger` })),
  'GET /api/openapi.json': row(ANYONE_200, () => ({ path: '/api/openapi.json' })),

  // The front door's queue: an assessor's own status and offer; the queue and routing facts are for supervisors and admins.
  // 'away', so no one the matrix makes is ever offered anything. An entry id that does not exist is
  // 404 to every user: what an entry's assessor may do is tested in server/test/http/queue.test.ts.
  'PUT /api/me/status': row(`${USERS_ONLY} 204 204 204`, () => ({ path: '/api/me/status', json: { status: 'away' } })),
  'GET /api/me/status': row(`${USERS_ONLY} 200 200 200`, () => ({ path: '/api/me/status' })),
  'GET /api/me/offer': row(`${USERS_ONLY} 204 204 204`, () => ({ path: '/api/me/offer' })),
  'GET /api/queue': row(`${USERS_ONLY} 403 403 200 200 403`, () => ({ path: '/api/queue' })),
  'POST /api/queue': row(`${USERS_ONLY} 403 403 201`, (s) => ({ path: '/api/queue', json: { caseId: s.caseId, channel: 'video' } })),
  'POST /api/queue/:entryId/accept': row(`${USERS_ONLY} 404 404 404`, () => ({ path: '/api/queue/qe_missing/accept' })),
  'POST /api/queue/:entryId/decline': row(`${USERS_ONLY} 404 404 404`, () => ({ path: '/api/queue/qe_missing/decline' })),
  'POST /api/queue/:entryId/finish': row(`${USERS_ONLY} 404 404 404`, () => ({ path: '/api/queue/qe_missing/finish' })),
  'POST /api/queue/:entryId/requeue': row(`${USERS_ONLY} 404 404 404`, () => ({ path: '/api/queue/qe_missing/requeue' })),
  // Transfer: the entry's assessor, a supervisor or an admin (tested in server/test/http/transfer.test.ts); colleagues for staff but experts.
  'POST /api/queue/:entryId/transfer': row(`${USERS_ONLY} 404 404 404 404 404`, () => ({ path: '/api/queue/qe_missing/transfer', json: { mode: 'cold', note: 'For the roof team' } })),
  'POST /api/queue/:entryId/transfer/cancel': row(`${USERS_ONLY} 404 404 404 404 404`, () => ({ path: '/api/queue/qe_missing/transfer/cancel' })),
  'GET /api/queue/colleagues': row(`${USERS_ONLY} 200 200 200 200 403`, () => ({ path: '/api/queue/colleagues' })),
  'PUT /api/users/:id/routing': row(`${USERS_ONLY} 403 403 204 204 403`, async (_s, kit) => ({ path: `/api/users/${await kit.newUser()}/routing`, json: { skills: { auto: 3 }, capacity: { text: 2, video: 1 } } })),
  // The supervisor's KPIs of a period (the last 7 days when none is asked).
  'GET /api/kpis': row(`${USERS_ONLY} 403 403 200 200 403`, () => ({ path: '/api/kpis' })),
  'GET /api/kpis.csv': row(`${USERS_ONLY} 403 403 200 200 403`, () => ({ path: '/api/kpis.csv?from=2026-12-01&to=2026-12-02' })),
  'GET /api/events': row(`${USERS_ONLY} 200 200 200`, () => ({ path: '/api/events' })),

  // The customer's own calls: the token names its case, so another case's valid token reaches that case.
  'GET /api/join': row('401 200 401 200 401 401 401', () => ({ path: '/api/join' })),
  'POST /api/join/consent': row('401 200 401 200 401 401 401', () => ({ path: '/api/join/consent', json: { recording: true, location: false } })),
  'POST /api/join/peer': row('401 200 401 200 401 401 401', () => ({ path: '/api/join/peer' })),
  // The scenes' customers have agreed already, so there is nothing left for them to decline.
  'POST /api/join/decline': row('401 409 401 409 401 401 401', () => ({ path: '/api/join/decline' })),
  'POST /api/join/language': row('401 204 401 204 401 401 401', () => ({ path: '/api/join/language', json: { language: 'zh-CN' } })),

  // After the session (after-session-routes.ts): the survey is the join link's (one per link); a wrap-up
  // and the invitations are the case's assessor's, a supervisor's or an admin's; an expert invited to
  // nothing is not told the case exists. The user id invited or removed does not exist (422, 404): what
  // an invitation does is tested in server/test/http/experts.test.ts.
  // The front door: intake is public (a Bearer join link reaches that case; an expired one is refused);
  // a code request is 202 for anyone. The scene's case came through no intake: the agent and hand-off
  // are 409, its place is 'not-queued', leaving and a callback 409; its front door is 404 to those who may read it.
  'POST /api/join/agent': row('401 409 401 409 401 401 401 401 401', () => ({ path: '/api/join/agent', json: { question: 'Where is my claim?' } })),
  'POST /api/join/hand-off': row('401 409 401 409 401 401 401 401 401', () => ({ path: '/api/join/hand-off', json: {} })),
  'GET /api/join/queue': row('401 200 401 200 401 401 401 401 401', () => ({ path: '/api/join/queue' })),
  'DELETE /api/join/queue': row('401 409 401 409 401 401 401 401 401', () => ({ path: '/api/join/queue' })),
  'POST /api/join/queue/callback': row('401 409 401 409 401 401 401 401 401', () => ({ path: '/api/join/queue/callback', json: { phone: '+44 20 7946 0000' } })),
  'GET /api/cases/:id/front-door': row(`${USERS_ONLY} 403 404 404`, (s) => ({ path: inCase(s, '/front-door') })),
  // After the join-link rows: an intake on a customer's link gives that case a front door.
  'POST /api/intake': row('201 201 401 201 201 201 201', () => ({ path: '/api/intake', json: { service: 'query', intent: 'Where is my claim?' } })),
  'POST /api/intake/code': row('202 202 202 202 202 202 202 202 202', () => ({ path: '/api/intake/code', json: { reference: 'CLM-NONE' } })),
  // Settlement offers (issue 15): the customer's current offer; code, accept and decline name an offer
  // that does not exist (404 to both customers: what an offer's own customer may do is in settlement.test.ts).
  'GET /api/join/offer': row('401 200 401 200 401 401 401 401 401', () => ({ path: '/api/join/offer' })),
  'POST /api/join/offers/:offerId/code': row('401 404 401 404 401 401 401 401 401', () => ({ path: '/api/join/offers/offer_missing/code' })),
  'POST /api/join/offers/:offerId/accept': row('401 404 401 404 401 401 401 401 401', () => ({ path: '/api/join/offers/offer_missing/accept', json: { code: '123456' } })),
  'POST /api/join/offers/:offerId/decline': row('401 404 401 404 401 401 401 401 401', () => ({ path: '/api/join/offers/offer_missing/decline', json: { reason: 'Too low' } })),
  // A receipt is public; a code that names none is 404 to everyone.
  'GET /api/receipts/:code': row('404 404 404 404 404 404 404 404 404', () => ({ path: '/api/receipts/0000-0000-0000' })),
  // Organisation settings: every staff user reads them, an admin changes them.
  'GET /api/admin/settings': row(`${USERS_ONLY} 200 200 200 200 200`, () => ({ path: '/api/admin/settings' })),
  'PUT /api/admin/settings': row(`${USERS_ONLY} 403 403 200`, () => ({ path: '/api/admin/settings', json: { offerConfirmWith: 'code' } })),
  'GET /api/join/survey': row('401 204 401 204 401 401 401 401 401', () => ({ path: '/api/join/survey' })),
  'POST /api/join/survey': row('401 201 401 201 401 401 401 401 401', () => ({ path: '/api/join/survey', json: { score: 4, comment: 'Quick and kind.' } })),
  'POST /api/cases/:id/wrap-up': row(`${USERS_ONLY} 403 201 201 201 404`, (s) => ({ path: inCase(s, '/wrap-up'), json: { disposition: 'resolved', notes: 'Matrix.' } })),
  // Channel switches with consent (channel-routes.ts): the case's assessor or an admin proposes; the
  // customer answers a proposal of their own case (another case's link does not find it: 404) and switches.
  'POST /api/cases/:id/channel-proposals': row(`${USERS_ONLY} 403 201 201`, (s, kit) => ({ path: inCase(s, '/channel-proposals'), json: { proposalId: kit.unique('proposal'), from: 'text', to: 'camera', reason: 'so I can see the damage' } })),
  'POST /api/join/channel-proposals/:proposalId': row('401 404 401 201 401 401 401 401 401', async (s, kit) => {
    const proposalId = kit.unique('proposal');
    await s.assessor.json(inCase(s, '/channel-proposals'), { method: 'POST', json: { proposalId, from: 'text', to: 'camera' } });
    return { path: `/api/join/channel-proposals/${proposalId}`, json: { accepted: true } };
  }),
  'POST /api/join/channel': row('401 201 401 201 401 401 401 401 401', (_s, kit) => ({ path: '/api/join/channel', json: { switchId: kit.unique('switch'), from: 'camera', to: 'voice' } })),
  'GET /api/cases/:id/wrap-ups': row(`${USERS_ONLY} 403 200 200 200 404`, (s) => ({ path: inCase(s, '/wrap-ups') })),
  'GET /api/cases/:id/participants': row(`${USERS_ONLY} 403 200 200 200 404`, (s) => ({ path: inCase(s, '/participants') })),
  'POST /api/cases/:id/participants': row(`${USERS_ONLY} 403 422 422 422 404`, (s) => ({ path: inCase(s, '/participants'), json: { userId: 'usr_missing' } })),
  'DELETE /api/cases/:id/participants/:userId': row(`${USERS_ONLY} 403 404 404 404 404`, (s) => ({ path: inCase(s, '/participants/usr_missing') })),
  // A third participant's own place in the session: an expert invited to nothing is not told the case exists;
  // the case's assessor leads the call and joins none (403); leaving a session one is not in is 404.
  'GET /api/cases/:id/participants/candidates': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/participants/candidates') })),
  'GET /api/cases/:id/participants/session': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/participants/session') })),
  'POST /api/cases/:id/participants/session': row(`${USERS_ONLY} 403 403 201 201 404`, (s) => ({ path: inCase(s, '/participants/session'), json: { mode: 'listen', peerId: 'a'.repeat(32) } })),
  'DELETE /api/cases/:id/participants/session': row(`${USERS_ONLY} 403 404 404 404 404`, (s) => ({ path: inCase(s, '/participants/session') })),

  // Identity checks (issue 15): the case's assessor or an admin asks, lists and decides (a check that does
  // not exist: 404); the customer reads the open check and submits photos to one (missing: 404).
  'GET /api/cases/:id/identity-checks': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/identity-checks') })),
  'POST /api/cases/:id/identity-checks': row(`${USERS_ONLY} 403 201 201`, (s) => ({ path: inCase(s, '/identity-checks'), json: { document: 'passport' } })),
  'POST /api/cases/:id/identity-checks/:checkId/decision': row(`${USERS_ONLY} 403 404 404`, (s) => ({ path: inCase(s, '/identity-checks/idc_missing/decision'), json: { result: 'passed', reason: 'matrix' } })),
  'GET /api/join/identity-check': row('401 200 401 200 401 401 401 401 401', () => ({ path: '/api/join/identity-check' })),
  'POST /api/cases/:id/identity-checks/:checkId/cancel': row(`${USERS_ONLY} 403 404 404`, (s) => ({ path: inCase(s, '/identity-checks/idc_missing/cancel'), json: { reason: 'matrix' } })),
  'POST /api/join/identity-check/:checkId/code': row('401 404 401 404 401 401 401 401 401', () => ({ path: '/api/join/identity-check/idc_missing/code' })),
  'POST /api/join/identity-check/:checkId/code/confirm': row('401 404 401 404 401 401 401 401 401', () => ({ path: '/api/join/identity-check/idc_missing/code/confirm', json: { code: '123456' } })),
  'POST /api/join/identity-check/:checkId': row('401 404 401 404 401 401 401 401 401', () => ({ path: '/api/join/identity-check/idc_missing', json: { frontEvidenceId: 'ev_a', backEvidenceId: 'ev_b', selfieEvidenceId: 'ev_c' } })),

  // Cases.
  'POST /api/cases': row(`${USERS_ONLY} 201 201 201`, () => ({ path: '/api/cases', json: { title: 'Created in the matrix' } })),
  'GET /api/cases': row(`${USERS_ONLY} 200 200 200`, () => ({ path: '/api/cases' })),
  'GET /api/cases/:id': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s) })),
  'POST /api/cases/:id/join-link': row(`${USERS_ONLY} 403 201 201`, (s) => ({ path: inCase(s, '/join-link') })),
  'GET /api/cases/:id/join-link': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/join-link') })),
  // This server has no email or SMS configured: the case's own assessor is told so (409), after access is checked.
  'POST /api/cases/:id/join-link/send': row(`${USERS_ONLY} 403 409 409`, (s) => ({ path: inCase(s, '/join-link/send'), json: { channel: 'email', to: 'dana@example.test' } })),
  'GET /api/cases/:id/join-link/sends': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/join-link/sends') })),
  'POST /api/cases/:id/peer': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/peer') })),
  'POST /api/cases/:id/calls': row(`${USERS_ONLY} 403 200 200`, (s, kit) => ({ path: inCase(s, '/calls'), json: { callId: kit.unique('call'), event: 'started' } })),
  'PATCH /api/cases/:id': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s), json: { reference: 'REF-MATRIX' } })),
  'POST /api/cases/:id/close': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/close'), json: { reason: 'matrix' } })),
  'POST /api/cases/:id/reopen': row(`${USERS_ONLY} 403 200 200`, async (s, kit) => {
    await kit.act(s, 'close');
    return { path: inCase(s, '/reopen') };
  }),
  'POST /api/cases/:id/archive': row(`${USERS_ONLY} 403 200 200`, async (s, kit) => {
    await kit.act(s, 'close');
    return { path: inCase(s, '/archive') };
  }),
  'POST /api/cases/:id/unarchive': row(`${USERS_ONLY} 403 200 200`, async (s, kit) => {
    await kit.act(s, 'close');
    await kit.act(s, 'archive');
    return { path: inCase(s, '/unarchive') };
  }),
  'POST /api/cases/:id/assign': row(`${USERS_ONLY} 403 403 200`, async (s, kit) => ({ path: inCase(s, '/assign'), json: { assessorId: await kit.newUser() } })),
  // An offer: the identity gate (on by default) refuses the case's assessor and an admin 409, after access.
  'GET /api/cases/:id/offers': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/offers') })),
  'POST /api/cases/:id/offers': row(`${USERS_ONLY} 403 409 409`, (s) => ({ path: inCase(s, '/offers'), json: { amount: 10, currency: 'EUR', items: [{ description: 'Glass', amount: 10 }], conditions: '', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } })),
  'POST /api/cases/:id/outcome': row(`${USERS_ONLY} 403 201 201`, (s) => ({ path: inCase(s, '/outcome'), json: { decision: 'approved', reason: 'matrix' } })),
  'PUT /api/cases/:id/address': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/address'), json: { address: 'matrix', latitude: 55.9756, longitude: -3.1711 } })),
  'GET /api/cases/:id/ledger': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/ledger') })),
  'GET /api/cases/:id/verify': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/verify') })),
  'GET /api/cases/:id/export': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/export') })),
  'GET /api/cases/:id/report': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/report') })),

  // Evidence and chat: the case's customer or its assessor (and admins).
  'POST /api/cases/:id/evidence': row('401 403 401 201 403 201 201', (s, kit) => ({ path: inCase(s, '/evidence'), body: photoForm(kit) })),
  'GET /api/cases/:id/evidence/:evidenceId/:rendition': row('401 403 401 200 403 200 200', async (s, kit) => ({
    path: inCase(s, `/evidence/${await kit.evidenceIn(s)}/thumbnail`),
  })),
  'POST /api/cases/:id/evidence/:evidenceId/supersede': row(`${USERS_ONLY} 403 201 201`, async (s, kit) => ({
    path: inCase(s, `/evidence/${await kit.evidenceIn(s)}/supersede`), json: { reason: 'Blurry; a sharper one was taken' },
  })),
  'POST /api/cases/:id/evidence/:evidenceId/notes': row(`${USERS_ONLY} 403 201 201`, async (s, kit) => ({
    path: inCase(s, `/evidence/${await kit.evidenceIn(s)}/notes`), json: { caption: kit.unique('caption') },
  })),
  // A supervisor chats too (to the assessor alone unless in the session in full or barged in).
  'POST /api/cases/:id/chat': row('401 403 401 201 403 201 201 201 404', (s, kit) => ({ path: inCase(s, '/chat'), json: { id: kit.unique('line'), text: 'Hello' } })),

  // Annotations, measurements and the checklist: the case's customer or its assessor (and admins).
  'POST /api/cases/:id/annotations': row('401 403 401 201 403 201 201', (s, kit) => ({
    path: inCase(s, '/annotations'), json: { id: kit.unique('ann'), kind: 'marker', screen: { u: 0.5, v: 0.5 }, anchor: null },
  })),
  'POST /api/cases/:id/annotations/clear': row('401 403 401 200 403 200 200', (s) => ({ path: inCase(s, '/annotations/clear'), json: {} })),
  'GET /api/cases/:id/annotations': row('401 403 401 200 403 200 200', (s) => ({ path: inCase(s, '/annotations') })),
  'POST /api/cases/:id/measurements': row('401 403 401 201 403 201 201', (s, kit) => ({
    path: inCase(s, '/measurements'),
    json: {
      id: kit.unique('measure'), a: [0, 0, -1], b: [0.5, 0, -1], screenA: { u: 0.4, v: 0.5 }, screenB: { u: 0.6, v: 0.5 },
      cameraPose: { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] },
    },
  })),
  'GET /api/cases/:id/measurements': row('401 403 401 200 403 200 200', (s) => ({ path: inCase(s, '/measurements') })),
  // Scenes are created with the vehicle checklist (principals.ts).
  'GET /api/cases/:id/checklist': row('401 403 401 200 403 200 200', (s) => ({ path: inCase(s, '/checklist') })),

  // Recordings: the assessor's console only.
  'POST /api/cases/:id/recordings': row(`${USERS_ONLY} 403 201 201`, (s) => ({
    path: inCase(s, '/recordings'), json: { mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString(), chunkMs: 1000 },
  })),
  'GET /api/cases/:id/recordings': row(`${USERS_ONLY} 403 200 200`, (s) => ({ path: inCase(s, '/recordings') })),
  'GET /api/cases/:id/recordings/:recordingId': row(`${USERS_ONLY} 403 200 200`, async (s, kit) => ({
    path: inCase(s, `/recordings/${(await kit.recordingIn(s, false)).id}`),
  })),
  'PUT /api/cases/:id/recordings/:recordingId/chunks/:n': row(`${USERS_ONLY} 403 201 201`, async (s, kit) => {
    const { id } = await kit.recordingIn(s, false);
    const chunk = crypto.randomBytes(2048);
    return {
      path: inCase(s, `/recordings/${id}/chunks/0`),
      headers: { 'content-type': 'video/webm', 'x-chunk-sha256': sha256(chunk) },
      body: new Uint8Array(chunk),
    };
  }),
  'POST /api/cases/:id/recordings/:recordingId/seal': row(`${USERS_ONLY} 403 200 200`, async (s, kit) => {
    const { id, chunk } = await kit.recordingIn(s, true);
    return { path: inCase(s, `/recordings/${id}/seal`), json: { chunkCount: 1, durationMs: 1000, chunks: [{ n: 0, sha256: sha256(chunk) }] } };
  }),
  'GET /api/cases/:id/recordings/:recordingId/media': row(`${USERS_ONLY} 403 200 200`, async (s, kit) => ({
    path: inCase(s, `/recordings/${(await kit.recordingIn(s, true)).id}/media`),
  })),

  // Preview tours: the list is for users; a tour's files are public, like a hotel's pictures.
  'GET /api/tours': row(`${USERS_ONLY} 200 200 200`, () => ({ path: '/api/tours' })),
  'GET /tours/:tourId/*file': row(ANYONE_200, () => ({ path: '/tours/test-room/tour.json' })),
  'GET /api/tours/:tourId/analytics': row(`${USERS_ONLY} 200 200 200`, () => ({ path: '/api/tours/test-room/analytics' })),
  // A scene is a damage case: who gets past access control meets 422 no_tour, and nothing is stored.
  'POST /api/cases/:id/tour-activity': row('401 403 401 422 403 422 422', (s, kit) => ({
    path: inCase(s, '/tour-activity'), json: { batchId: kit.unique('batch'), events: [{ kind: 'hotspot', hotspot: 'bed', at: '2026-12-04T10:00:00.000Z' }] },
  })),
  'GET /api/cases/:id/tour-exposure': row('401 403 401 200 403 200 200', (s) => ({ path: inCase(s, '/tour-exposure') })),

  // The built client.
  'GET /': row(PAGE, () => ({ path: '/' })),
  'GET /console': row(PAGE, () => ({ path: '/console' })),
  'GET /j': row(PAGE, () => ({ path: '/j' })),
  'GET /start': row(PAGE, () => ({ path: '/start' })),
  'GET /receipt': row(PAGE, () => ({ path: '/receipt' })),

  // The PeerJS mount (an Express 4 sub-app, not walkable): its HTTP routes; the socket is signalling-abuse.test.ts'.
  'GET /peerjs/': row(ANYONE_200, () => ({ path: '/peerjs/' })),
  'GET /peerjs/peerjs/id': row(ANYONE_200, () => ({ path: '/peerjs/peerjs/id' })),
  'GET /peerjs/peerjs/peers': row('401 401 401 401 401 401 401 401 401', () => ({ path: '/peerjs/peerjs/peers' })),
});

/** Entries under a mount the router walk cannot see into. */
export const HAND_LISTED_MOUNTS = ['/peerjs'];
