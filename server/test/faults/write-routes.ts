// Every write route of the app with what bad input means for it: a valid request (credentials, body,
// shared schema) that the bad-input families spoil in one way each, on one prepared server.
import crypto from 'node:crypto';
import fc from 'fast-check';
import sharp from 'sharp';
import type { z } from 'zod';
import { ParticipantBody, SurveyBody, WrapUpBody } from '../../../protocol/after-session.ts';
import { ChannelAnswerBody, ChannelProposalBody, ChannelSwitchBody } from '../../../protocol/channels.ts';
import { SupersedeBody } from '../../../protocol/corrections.ts';
import { ParticipantSessionBody } from '../../../protocol/participant-session.ts';
import { TourActivityBody } from '../../../protocol/tour-activity.ts';
import { CreateApiKeyBody } from '../../../protocol/read-api.ts';
import { CallEventBody, ChatBody, ConsentBody, ConsoleLanguageBody, CreateCaseBody, CreateUserBody, EvidenceNoteBody, EvidenceUploadMeta, JoinLanguageBody, LoginBody, OutcomeBody, SendLinkBody } from '../../../protocol/http.ts';
import { AssignCaseBody, CloseCaseBody, ResetPasswordBody, SetCaseAddressBody, UpdateCaseBody } from '../../../protocol/http.ts';
import { AgentQuestionBody, CallbackBody, HandOffBody, IntakeBody, IntakeCodeBody } from '../../../protocol/intake.ts';
import { CreateWebhookBody, UpdateWebhookBody } from '../../../protocol/webhooks.ts';
import { AcceptOfferBody, DeclineOfferBody, OfferBody } from '../../../protocol/settlement-http.ts';
import { OrgSettingsPatch } from '../../../protocol/settings.ts';
import { IdentityCancelBody, IdentityCodeBody, IdentityDecisionBody, IdentityRequestBody, IdentitySubmitBody } from '../../../protocol/identity-http.ts';
import { EnqueueBody, RoutingBody, StatusBody, TransferBody } from '../../../protocol/queue.ts';
import { CreateRecordingBody, SealRecordingBody } from '../../../protocol/recording.ts';
import { AnnotationBody, ClearAnnotationsBody, MeasurementBody } from '../../../protocol/spatial.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { ADMIN, bearer, startHarness, type Harness } from '../http/harness.ts';
import { badContentHeaders, badCredentials, illFormedText, lengthMismatch, malformedJson, oversizeJson, schemaInvalid, type BadRequest, type ValidRequest } from './bad-bodies.ts';
import {
  badChecklistItem, badChunks, badImageUpload, badMultipart, badUploadEnvelope, corruptImages, illFormedDetails, uploadWithDetails, validChunk, validUpload, VALID_DETAILS, type ChunkTargets,
} from './bad-uploads.ts';
import { stringLeaves } from './string-fields.ts';

export interface WriteRoute {
  key: string;
  method: string;
  path: string;
  credentials: Record<string, string>;
  bad: fc.Arbitrary<BadRequest>;
  numRuns: number;
  /** Where the route takes text a client chose, for the ill-formed-text walk; absent when it takes none. */
  text?: TextInput;
}

/** A valid input of the route, the schema it is parsed with, and how to send a variant of it. */
export interface TextInput {
  schema: z.ZodType;
  valid: Record<string, unknown>;
  encode(value: unknown): { headers: Record<string, string>; body: Uint8Array };
}

export const LIMITS = { uploadMb: 1, chunkMb: 1, imagePixels: 4_000_000 };
const JSON_LIMIT = 256 * 1024;

export interface Fixture {
  h: Harness;
  routes: WriteRoute[];
}

const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function prepareFixture(): Promise<Fixture> {
  const h = await startHarness({
    SIGHTLINE_MAX_UPLOAD_MB: String(LIMITS.uploadMb),
    SIGHTLINE_MAX_CHUNK_MB: String(LIMITS.chunkMb),
    SIGHTLINE_MAX_IMAGE_PIXELS: String(LIMITS.imagePixels),
    SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '1000000',
  });
  const admin = h.client();
  await admin.login();
  const adminCookie = admin.cookie!;
  const adminId = (await admin.json('/api/me')).body.user.id as string;
  // Logout gets a session of its own: if a bad request ever ended it, the sessions table would show it.
  const leaving = h.client();
  await leaving.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Bad input', checklist: 'vehicle' } })).body;
  const caseId = created.case.id as string;
  const customer = bearer(created.token);
  await h.client().json('/api/join/consent', { method: 'POST', headers: customer, json: { recording: true, location: true } });
  const startRecording = async () =>
    (await admin.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType: 'video/webm', startedAt: new Date().toISOString() } })).body.recording.id as string;
  const held = crypto.randomBytes(1024);
  const putHeld = (id: string) => admin.fetch(`/api/cases/${caseId}/recordings/${id}/chunks/0`, { method: 'PUT', headers: { 'x-chunk-sha256': sha256(held) }, body: new Uint8Array(held) });
  const [openId, sealedId] = [await startRecording(), await startRecording()];
  await putHeld(openId!);
  await putHeld(sealedId!);
  const sealBody = { chunkCount: 1, durationMs: 1000, chunks: [{ n: 0, sha256: sha256(held) }] };
  await admin.json(`/api/cases/${caseId}/recordings/${sealedId}/seal`, { method: 'POST', json: sealBody });

  // A user for the disable and enable routes to name.
  const switched = (await admin.json('/api/users', { method: 'POST', json: { email: 'switched@example.test', name: 'Switched', password: 'a long password 4', role: 'assessor' } })).body.user.id as string;
  // An API key for the revoke route to name.
  const apiKeyId = (await admin.json('/api/admin/api-keys', { method: 'POST', json: { name: 'Bad input', scopes: ['cases:read'] } })).body.apiKey.id as string;
  // A webhook endpoint for its routes to name (an address nothing listens on, an event this fixture never makes).
  const webhook = (await admin.json('/api/admin/webhooks', { method: 'POST', json: { url: 'http://127.0.0.1:9/bad-input', events: ['offer.declined'] } })).body.endpoint.id as string;

  // One annotation to clear, so a valid clear names a real id.
  await admin.json(`/api/cases/${caseId}/annotations`, { method: 'POST', json: { id: 'ann-00000001', kind: 'marker', screen: { u: 0.5, v: 0.5 }, anchor: null } });

  const photo = await flatJpeg(64, 48, '#446688');
  const evidenceIds: string[] = [];
  for (const colour of ['#112233', '#332211']) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await flatJpeg(64, 48, colour))], { type: 'image/jpeg' }), 'photo.jpg');
    evidenceIds.push((await admin.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form })).body.id);
  }
  const png = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#224466' } }).png().toBuffer();
  const jpeg = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#663322' } }).jpeg().toBuffer();
  const inCase = (rest: string) => `/api/cases/${caseId}${rest}`;
  const cookie = { cookie: adminCookie };
  const chunkTargets: ChunkTargets = {
    open: inCase(`/recordings/${openId}`), sealed: inCase(`/recordings/${sealedId}`), held, maxBytes: LIMITS.chunkMb * 1024 * 1024,
  };

  const jsonRoute = (key: string, path: string, credentials: Record<string, string>, valid: Record<string, unknown>, schema: z.ZodType, limit = JSON_LIMIT): WriteRoute => {
    const request: ValidRequest = { headers: { 'content-type': 'application/json' }, body: utf8(JSON.stringify(valid)) };
    const families = [
      malformedJson(JSON.stringify(valid)), schemaInvalid(valid, schema), oversizeJson(valid, limit),
      badContentHeaders(request, { typeMatters: true }), lengthMismatch(request),
    ];
    // Public routes: a garbage cookie is no login, and they need none.
    if (!['POST /api/auth/login', 'POST /api/intake', 'POST /api/intake/code'].includes(key)) families.push(badCredentials(request, credentials.cookie ?? null, 401));
    if (stringLeaves(valid).length === 0) return { key, method: key.split(' ')[0]!, path, credentials, bad: fc.oneof(...families), numRuns: 90 };
    families.push(illFormedText(valid));
    const text: TextInput = { schema, valid, encode: (value) => ({ headers: request.headers, body: utf8(JSON.stringify(value)) }) };
    return { key, method: key.split(' ')[0]!, path, credentials, bad: fc.oneof(...families), numRuns: 90, text };
  };
  const bodilessRoute = (key: string, path: string, credentials: Record<string, string>, badAuthStatus = 401): WriteRoute => {
    const request: ValidRequest = { headers: {}, body: null };
    const families = [
      malformedJson('{"a": 1}'), badContentHeaders(request, { typeMatters: false }), oversizeJson({}, JSON_LIMIT),
      badCredentials(request, credentials.cookie ?? null, badAuthStatus), lengthMismatch(request),
    ];
    return { key, method: key.split(' ')[0]!, path, credentials, bad: fc.oneof(...families), numRuns: 40 };
  };

  const upload = validUpload(photo);
  const chunk = validChunk(chunkTargets);
  const routes: WriteRoute[] = [
    jsonRoute('POST /api/auth/login', '/api/auth/login', {}, { email: ADMIN.email, password: ADMIN.password }, LoginBody),
    bodilessRoute('POST /api/auth/logout', '/api/auth/logout', { cookie: leaving.cookie! }, 204),
    jsonRoute('POST /api/users', '/api/users', cookie, { email: 'new@example.test', name: 'New', password: 'a long password 3', role: 'assessor' }, CreateUserBody),
    bodilessRoute('POST /api/users/:id/disable', `/api/users/${switched}/disable`, cookie),
    bodilessRoute('POST /api/users/:id/enable', `/api/users/${switched}/enable`, cookie),
    jsonRoute('POST /api/users/:id/password', `/api/users/${switched}/password`, cookie, { password: 'a long password 5' }, ResetPasswordBody),
    jsonRoute('POST /api/admin/api-keys', '/api/admin/api-keys', cookie, { name: 'Claims system', scopes: ['cases:read', 'evidence:read'] }, CreateApiKeyBody),
    bodilessRoute('DELETE /api/admin/api-keys/:id', `/api/admin/api-keys/${apiKeyId}`, cookie),
    // Outgoing webhooks (issue 15); delete, test and retry name what does not exist (valid: 404).
    jsonRoute('POST /api/admin/webhooks', '/api/admin/webhooks', cookie, { url: 'https://claims.example.test/hooks', events: ['offer.declined'], description: 'Claims' }, CreateWebhookBody),
    jsonRoute('PATCH /api/admin/webhooks/:id', `/api/admin/webhooks/${webhook}`, cookie, { url: 'http://127.0.0.1:9/bad-input', events: ['offer.declined'], description: 'Claims', enabled: true }, UpdateWebhookBody),
    bodilessRoute('DELETE /api/admin/webhooks/:id', '/api/admin/webhooks/whe_missing', cookie),
    bodilessRoute('POST /api/admin/webhooks/:id/secret', `/api/admin/webhooks/${webhook}/secret`, cookie),
    bodilessRoute('POST /api/admin/webhooks/:id/test', '/api/admin/webhooks/whe_missing/test', cookie),
    bodilessRoute('POST /api/admin/webhooks/:id/deliveries/:msgId/retry', `/api/admin/webhooks/${webhook}/deliveries/msg_missing/retry`, cookie),
    jsonRoute('PATCH /api/cases/:id', inCase(''), cookie, { title: 'Renamed', customerName: 'Dana', reference: 'CLM-1' }, UpdateCaseBody),
    jsonRoute('POST /api/cases/:id/close', inCase('/close'), cookie, { reason: 'Settled' }, CloseCaseBody),
    jsonRoute('PUT /api/cases/:id/address', inCase('/address'), cookie, { address: '1 Shore, Leith', latitude: 55.9756, longitude: -3.1711 }, SetCaseAddressBody),
    bodilessRoute('POST /api/cases/:id/reopen', inCase('/reopen'), cookie),
    bodilessRoute('POST /api/cases/:id/archive', inCase('/archive'), cookie),
    bodilessRoute('POST /api/cases/:id/unarchive', inCase('/unarchive'), cookie),
    jsonRoute('POST /api/cases/:id/assign', inCase('/assign'), cookie, { assessorId: switched }, AssignCaseBody),
    jsonRoute('POST /api/cases', '/api/cases', cookie, { kind: 'preview', title: 'New case', customerName: 'Dana', assessorId: adminId, joinLinkHours: 24, checklist: 'property', tour: 'hotel-standard', reference: 'BK-1', language: 'zh-CN' }, CreateCaseBody),
    bodilessRoute('POST /api/cases/:id/join-link', inCase('/join-link'), cookie),
    jsonRoute('POST /api/cases/:id/join-link/send', inCase('/join-link/send'), cookie, { channel: 'email', to: 'dana@example.test' }, SendLinkBody),
    bodilessRoute('POST /api/cases/:id/peer', inCase('/peer'), cookie),
    jsonRoute('POST /api/cases/:id/calls', inCase('/calls'), cookie, { callId: 'call-00000001', event: 'started', detail: 'x' }, CallEventBody),
    jsonRoute('POST /api/cases/:id/outcome', inCase('/outcome'), cookie, {
      decision: 'booked', reason: 'Kitchen floor', amount: 900, currency: 'EUR', damageItems: [{ area: 'floor', severity: 'moderate', estimatedCost: 900 }],
      booking: { option: 'room-only', seat: '23A' }, followUpOn: '2026-12-10',
    }, OutcomeBody),
    jsonRoute('POST /api/cases/:id/evidence/:evidenceId/supersede', inCase(`/evidence/${evidenceIds[0]}/supersede`), cookie, { reason: 'Blurry', replacedBy: evidenceIds[1] }, SupersedeBody),
    jsonRoute('POST /api/cases/:id/evidence/:evidenceId/notes', inCase(`/evidence/${evidenceIds[0]}/notes`), cookie, { caption: 'Dent on the door', note: 'Seen on the call' }, EvidenceNoteBody),
    jsonRoute('POST /api/cases/:id/chat', inCase('/chat'), customer, { id: 'line-00000001', text: 'Hello', language: 'en' }, ChatBody),
    jsonRoute('POST /api/cases/:id/tour-activity', inCase('/tour-activity'), cookie, {
      batchId: 'batch-00000001', view: '3d', events: [
        { kind: 'viewpoint', viewpoint: 'door', at: '2026-12-04T10:00:00.000Z', seconds: 3 },
        { kind: 'hotspot', hotspot: 'bed', at: '2026-12-04T10:00:00.000Z' },
        { kind: 'seat', seat: '23A', at: '2026-12-04T10:00:00.000Z' },
        { kind: 'pointer', viewpoint: 'door', target: [0, 1, 0], at: '2026-12-04T10:00:00.000Z' },
        { kind: 'led', viewpoint: 'door', at: '2026-12-04T10:00:00.000Z' },
        { kind: 'offer', option: 'room-only', seat: '23A', amount: 10, currency: 'EUR', at: '2026-12-04T10:00:00.000Z' },
      ],
    }, TourActivityBody),
    jsonRoute('POST /api/cases/:id/annotations', inCase('/annotations'), customer, {
      id: 'ann-00000002', kind: 'circle', label: 'Dent', screen: { u: 0.4, v: 0.6 },
      anchor: { pose: { position: [0.2, 0, -1.5], orientation: [0, 0, 0, 1] }, anchored: true, cameraPose: { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] } },
    }, AnnotationBody),
    jsonRoute('POST /api/cases/:id/annotations/clear', inCase('/annotations/clear'), cookie, { ids: ['ann-00000001'] }, ClearAnnotationsBody),
    jsonRoute('POST /api/cases/:id/measurements', inCase('/measurements'), customer, {
      id: 'measure-00000001', a: [0, 0, -2], b: [1, 0, -2], screenA: { u: 0.3, v: 0.5 }, screenB: { u: 0.7, v: 0.5 },
      cameraPose: { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] }, label: 'Width',
    }, MeasurementBody),
    jsonRoute('POST /api/cases/:id/recordings', inCase('/recordings'), cookie, {
      mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString(), chunkMs: 1000, uploadId: 'rec-upload-01',
    }, CreateRecordingBody, 16 * 1024),
    jsonRoute('POST /api/cases/:id/recordings/:recordingId/seal', `${chunkTargets.open}/seal`, cookie, { chunkCount: 1, durationMs: 1000, chunks: [{ n: 0, sha256: sha256(held) }] }, SealRecordingBody, 10 * 1024 * 1024),
    jsonRoute('POST /api/join/consent', '/api/join/consent', customer, { recording: true, location: true }, ConsentBody),
    bodilessRoute('POST /api/join/peer', '/api/join/peer', customer),
    bodilessRoute('POST /api/join/decline', '/api/join/decline', customer),
    jsonRoute('POST /api/join/language', '/api/join/language', customer, { language: 'zh-CN' }, JoinLanguageBody),
    // After the session: the survey (the customer's), a wrap-up and an invitation (the case's assessor's).
    // The front door (issue 14): intake and code requests are public; the agent, hand-off and callback are
    // on the join link (this case came through no intake, so a valid request is a 409, never stored).
    jsonRoute('POST /api/intake', '/api/intake', {}, { service: 'preview', intent: 'Show me the room', channel: 'video', customerName: 'Dana', tour: 'hotel-standard', existing: { reference: 'CLM-NONE', code: '123456' }, locale: 'en-GB', language: 'zh-CN' }, IntakeBody),
    jsonRoute('POST /api/intake/code', '/api/intake/code', {}, { reference: 'CLM-NONE' }, IntakeCodeBody),
    jsonRoute('POST /api/join/agent', '/api/join/agent', customer, { question: 'Where is my claim?' }, AgentQuestionBody),
    jsonRoute('POST /api/join/hand-off', '/api/join/hand-off', customer, { channel: 'text' }, HandOffBody),
    jsonRoute('POST /api/join/queue/callback', '/api/join/queue/callback', customer, { phone: '+44 20 7946 0000', note: 'after 5pm' }, CallbackBody),
    bodilessRoute('DELETE /api/join/queue', '/api/join/queue', customer),
    // Identity checks (issue 15): the assessor's request and a decision on a check that does not exist (valid: 404);
    // the customer's submission to a check that does not exist (valid: 404).
    jsonRoute('POST /api/cases/:id/identity-checks', inCase('/identity-checks'), cookie, { document: 'id-card' }, IdentityRequestBody),
    jsonRoute('POST /api/cases/:id/identity-checks/:checkId/decision', inCase('/identity-checks/idc_missing/decision'), cookie, { result: 'failed', reason: 'The photo is not the person on the call' }, IdentityDecisionBody),
    jsonRoute('POST /api/cases/:id/identity-checks/:checkId/cancel', inCase('/identity-checks/idc_missing/cancel'), cookie, { reason: 'Asked for the wrong document' }, IdentityCancelBody),
    bodilessRoute('POST /api/join/identity-check/:checkId/code', '/api/join/identity-check/idc_missing/code', customer),
    jsonRoute('POST /api/join/identity-check/:checkId/code/confirm', '/api/join/identity-check/idc_missing/code/confirm', customer, { code: '123456' }, IdentityCodeBody),
    jsonRoute('POST /api/join/identity-check/:checkId', '/api/join/identity-check/idc_missing', customer, { frontEvidenceId: 'ev_front', backEvidenceId: 'ev_back', selfieEvidenceId: 'ev_selfie' }, IdentitySubmitBody),
    // Settlement offers (issue 15): the fixture's case has no passed identity check (a valid offer is
    // 409); the customer's routes name an offer that does not exist (valid: 404).
    jsonRoute('POST /api/cases/:id/offers', inCase('/offers'), cookie, { amount: 100, currency: 'EUR', items: [{ description: 'Glass', amount: 100 }], conditions: 'Paid in 5 days', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }, OfferBody),
    bodilessRoute('POST /api/join/offers/:offerId/code', '/api/join/offers/offer-missing/code', customer),
    jsonRoute('POST /api/join/offers/:offerId/accept', '/api/join/offers/offer-missing/accept', customer, { code: '123456' }, AcceptOfferBody),
    jsonRoute('POST /api/join/offers/:offerId/decline', '/api/join/offers/offer-missing/decline', customer, { reason: 'Too low' }, DeclineOfferBody),
    jsonRoute('PUT /api/admin/settings', '/api/admin/settings', cookie, { offerRequiresIdentity: true, offerConfirmWith: 'code', captureMaxDistanceM: 1000 }, OrgSettingsPatch),
    jsonRoute('POST /api/join/survey', '/api/join/survey', customer, { score: 4, comment: 'Quick and kind.' }, SurveyBody),
    // Channel switches with consent: the assessor's proposal; the customer's answer and switch (naming a
    // proposal this fixture never made: a valid answer is 404, a valid switch 409).
    jsonRoute('POST /api/cases/:id/channel-proposals', inCase('/channel-proposals'), cookie, { proposalId: 'proposal-fixture-1', from: 'text', to: 'camera', reason: 'so I can see the damage' }, ChannelProposalBody),
    jsonRoute('POST /api/join/channel-proposals/:proposalId', '/api/join/channel-proposals/proposal-missing-1', customer, { accepted: true }, ChannelAnswerBody),
    jsonRoute('POST /api/join/channel', '/api/join/channel', customer, { switchId: 'switch-fixture-1', from: 'text', to: 'camera', proposalId: 'proposal-missing-2' }, ChannelSwitchBody),
    jsonRoute('POST /api/cases/:id/wrap-up', inCase('/wrap-up'), cookie, { disposition: 'follow-up', notes: 'Call back on Monday.', entryId: 'qe_missing' }, WrapUpBody),
    jsonRoute('POST /api/cases/:id/participants', inCase('/participants'), cookie, { userId: switched }, ParticipantBody),
    bodilessRoute('DELETE /api/cases/:id/participants/:userId', inCase(`/participants/${switched}`), cookie),
    jsonRoute('POST /api/cases/:id/participants/session', inCase('/participants/session'), cookie, { mode: 'listen', peerId: 'a'.repeat(32) }, ParticipantSessionBody),
    bodilessRoute('DELETE /api/cases/:id/participants/session', inCase('/participants/session'), cookie),
    // The front door's queue (issue 14). Nothing is queued in this fixture, so the background routing
    // pass has nothing to write; the entry routes name an entry that does not exist.
    jsonRoute('PUT /api/me/status', '/api/me/status', cookie, { status: 'available' }, StatusBody),
    jsonRoute('PUT /api/me/language', '/api/me/language', cookie, { language: 'zh-CN' }, ConsoleLanguageBody),
    jsonRoute('PUT /api/users/:id/routing', `/api/users/${switched}/routing`, cookie, { skills: { auto: 3, 'lang-zh': 2 }, capacity: { text: 3, video: 1 } }, RoutingBody),
    jsonRoute('POST /api/queue', '/api/queue', cookie, {
      caseId, channel: 'video', priority: 1, steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 3 }] }, { afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }] }],
    }, EnqueueBody),
    ...(['accept', 'decline', 'finish', 'requeue'] as const).map((action) => bodilessRoute(`POST /api/queue/:entryId/${action}`, `/api/queue/entry-not-queued/${action}`, cookie)),
    jsonRoute('POST /api/queue/:entryId/transfer', '/api/queue/entry-not-queued/transfer', cookie, { mode: 'warm', to: switched, skill: { skill: 'roof', minLevel: 3 }, note: 'She has the photos ready' }, TransferBody),
    bodilessRoute('POST /api/queue/:entryId/transfer/cancel', '/api/queue/entry-not-queued/transfer/cancel', cookie),
    {
      key: 'POST /api/cases/:id/evidence', method: 'POST', path: inCase('/evidence'), credentials: customer, numRuns: 220,
      text: { schema: EvidenceUploadMeta, valid: VALID_DETAILS, encode: (value) => uploadWithDetails(photo, value) },
      bad: fc.oneof(
        { arbitrary: badImageUpload(corruptImages({ jpeg, png }, LIMITS.imagePixels)), weight: 4 },
        { arbitrary: badMultipart(photo), weight: 4 },
        { arbitrary: badChecklistItem(photo, 'vehicle', inCase('/evidence')), weight: 1 },
        { arbitrary: illFormedDetails(photo), weight: 1 },
        { arbitrary: badUploadEnvelope(photo, LIMITS.uploadMb * 1024 * 1024), weight: 1 },
        { arbitrary: badCredentials(upload, null, 401), weight: 1 },
        { arbitrary: lengthMismatch(upload), weight: 2 },
      ),
    },
    {
      key: 'PUT /api/cases/:id/recordings/:recordingId/chunks/:n', method: 'PUT', path: chunk.path, credentials: cookie, numRuns: 120,
      bad: fc.oneof(
        { arbitrary: badChunks(chunkTargets), weight: 6 },
        { arbitrary: badCredentials(chunk, adminCookie, 401), weight: 1 },
        { arbitrary: lengthMismatch(chunk), weight: 2 },
      ),
    },
  ];
  return { h, routes };
}
