// Access control, table-driven: every route of the app (read from its router, so a new route without a
// row fails) × every kind of caller, over real HTTP with valid requests; a refusal is the error shape
// and stores nothing. Then: ids a client chooses (chat, upload, call, recording) stay inside their case.
import crypto from 'node:crypto';
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatJpeg } from '../evidence/fixtures.ts';
import { bearer, type Client } from '../http/harness.ts';
import { ACCESS_TABLE, HAND_LISTED_MOUNTS, type Expected, type Kit } from './access-table.ts';
import { createWorld, pastJoinLinkExpiry, PRINCIPALS, type Principal, type World } from './principals.ts';
import { listAppRoutes, routeKey, withServedApp } from './route-list.ts';
import { openStoreProbe, type StoreProbe } from './store-probe.ts';

let world: World;
let app: RequestListener;
let probe: StoreProbe;
let kit: Kit;
const figures = { routes: 0, cells: 0 };

beforeAll(async () => {
  ({ started: world, app } = await withServedApp(() => createWorld()));
  probe = await openStoreProbe(world.h.dataDir, world.h.databaseUrl);
  let counter = 0;
  const photo = await flatJpeg(64, 48, '#884422');
  const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');
  kit = {
    photo,
    unique: (prefix) => `${prefix}-${String(++counter).padStart(8, '0')}`,
    async evidenceIn(scene) {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await scene.assessor.json(`/api/cases/${scene.caseId}/evidence`, { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`could not upload: ${res.status}`);
      return res.body.id;
    },
    async recordingIn(scene, withChunk) {
      const started = await scene.assessor.json(`/api/cases/${scene.caseId}/recordings`, {
        method: 'POST', json: { mimeType: 'video/webm', startedAt: new Date().toISOString() },
      });
      const id = started.body.recording.id as string;
      const chunk = crypto.randomBytes(1024);
      if (withChunk) {
        const put = await scene.assessor.fetch(`/api/cases/${scene.caseId}/recordings/${id}/chunks/0`, {
          method: 'PUT', headers: { 'x-chunk-sha256': sha256(chunk) }, body: new Uint8Array(chunk),
        });
        if (put.status !== 201) throw new Error(`could not put a chunk: ${put.status}`);
      }
      return { id, chunk };
    },
    async newUser() {
      const email = `${kit.unique('user').toLowerCase()}@example.test`;
      const res = await world.admin.json('/api/users', { method: 'POST', json: { email, name: 'To switch', password: 'a long password 3' } });
      if (res.status !== 201) throw new Error(`could not create a user: ${res.status}`);
      return res.body.user.id;
    },
    async act(scene, action) {
      const res = await scene.assessor.json(`/api/cases/${scene.caseId}/${action}`, { method: 'POST', json: {} });
      if (res.status !== 200) throw new Error(`could not ${action} the case: ${res.status}`);
    },
  };
});

afterAll(async () => {
  console.log(`access matrix: ${figures.routes} routes × ${PRINCIPALS.length} callers = ${figures.cells} cells`);
  await probe.close();
  await world.close();
});

describe('the table covers the app', () => {
  it('has one row per route the app serves, and none for a route it does not', () => {
    const walked = listAppRoutes(app);
    expect(walked.routes.length).toBeGreaterThan(30);
    expect(walked.opaqueMounts.sort()).toEqual([...HAND_LISTED_MOUNTS].sort());
    const handListed = Object.keys(ACCESS_TABLE).filter((key) => HAND_LISTED_MOUNTS.some((m) => key.split(' ')[1]!.startsWith(`${m}/`)));
    for (const mount of HAND_LISTED_MOUNTS) expect(handListed.some((key) => key.includes(` ${mount}/`)), mount).toBe(true);
    expect([...walked.routes.map(routeKey), ...handListed].sort()).toEqual(Object.keys(ACCESS_TABLE).sort());
  });
});

interface Answer { status: number; body: unknown; stream: boolean }

async function call(principal: Principal, key: string): Promise<Answer> {
  const entry = ACCESS_TABLE[key]!;
  const method = key.split(' ')[0]!;
  const scene = await world.scene();
  const request = await entry.request(scene, kit);
  const { headers, expired } = await world.credentials(principal, scene, { ownSession: entry.ownSession });
  const send = async (): Promise<Answer> => {
    const all = new Headers({ ...headers, ...request.headers });
    let body = request.body;
    if (request.json !== undefined) {
      all.set('content-type', 'application/json');
      body = JSON.stringify(request.json);
    }
    const res = await fetch(world.h.base + request.path, { method, headers: all, body, signal: AbortSignal.timeout(10_000) });
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, body: null, stream: true };
    }
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text;
    return { status: res.status, body: json, stream: false };
  };
  const before = (await probe.digest());
  const answer = expired ? await pastJoinLinkExpiry(world.h, send) : await send();
  if (answer.status >= 400) {
    // A refusal stores nothing at all: no row in any table, no blob.
    expect((await probe.digest()), `${principal} → ${key} stored something`).toEqual(before);
    if (request.path.startsWith('/api/')) {
      expect(answer.body, `${principal} → ${key}`).toMatchObject({ error: { code: expect.any(String), message: expect.stringMatching(/\S/) } });
    }
  }
  return answer;
}

const matches = (expected: Expected, status: number): boolean => (expected === 'page' ? status === 200 || status === 503 : expected === status);

describe('every route × every caller', () => {
  it.each(Object.keys(ACCESS_TABLE))('%s', async (key) => {
    const entry = ACCESS_TABLE[key]!;
    const actual: Partial<Record<Principal, Expected>> = {};
    for (const principal of PRINCIPALS) {
      const { status } = await call(principal, key);
      const expected = entry.expect[principal];
      actual[principal] = matches(expected, status) ? expected : status;
      figures.cells += 1;
    }
    figures.routes += 1;
    expect(actual).toEqual(entry.expect);
  });
});

describe('ids a client chooses stay inside their case', () => {
  /** Everything the console shows of a case, its ledger and its calls, for before/after comparison. */
  const stateOf = async (who: Client, caseId: string) => {
    const detail = (await who.json(`/api/cases/${caseId}`)).body;
    const ledger = (await who.json(`/api/cases/${caseId}/ledger`)).body;
    return { ...detail, case: { ...detail.case, presence: null }, ledger: ledger.entries.map((e: { hash: string }) => e.hash) };
  };

  it('reusing another case\'s chat id, upload id, call id, recording upload id, annotation or measurement id never touches that case', async () => {
    const mine = await world.scene();
    const theirs = (await world.otherAssessor.json('/api/cases', { method: 'POST', json: { title: "Bob's case" } })).body.case.id as string;
    const ids = {
      line: kit.unique('line'), upload: kit.unique('upload'), call: kit.unique('call'), recording: kit.unique('rec'),
      annotation: kit.unique('ann'), measurement: kit.unique('measure'),
    };
    const photoForm = () => {
      const form = new FormData();
      form.set('uploadId', ids.upload);
      form.set('file', new Blob([new Uint8Array(kit.photo)], { type: 'image/jpeg' }), 'photo.jpg');
      return form;
    };
    const writes = (who: Client, caseId: string) => [
      () => who.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: ids.line, text: `line in ${caseId}` } }),
      () => who.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: photoForm() }),
      () => who.json(`/api/cases/${caseId}/calls`, { method: 'POST', json: { callId: ids.call, event: 'started' } }),
      () => who.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType: 'video/webm', startedAt: new Date().toISOString(), uploadId: ids.recording } }),
      () => who.json(`/api/cases/${caseId}/annotations`, { method: 'POST', json: { id: ids.annotation, kind: 'label', label: `in ${caseId}`, screen: { u: 0.5, v: 0.5 }, anchor: null } }),
      () => who.json(`/api/cases/${caseId}/measurements`, {
        method: 'POST',
        json: { id: ids.measurement, a: [0, 0, -1], b: [caseId.length / 100, 0, -1], screenA: { u: 0.4, v: 0.5 }, screenB: { u: 0.6, v: 0.5 }, cameraPose: { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] }, label: `in ${caseId}` },
      }),
    ];
    for (const write of writes(world.assessor, mine.caseId)) expect((await write()).status).toBeLessThan(300);
    const connected = await world.assessor.json(`/api/cases/${mine.caseId}/calls`, { method: 'POST', json: { callId: ids.call, event: 'connected' } });
    expect(connected.body.state).toBe('connected');

    const before = await stateOf(world.assessor, mine.caseId);
    const answers = [];
    for (const write of writes(world.otherAssessor, theirs)) answers.push(await write());
    expect(await stateOf(world.assessor, mine.caseId)).toEqual(before);
    // Chat lines, uploads, recordings, annotations and measurements are keyed per case, so Bob's case simply
    // gets its own; a call id is global, so Bob's reuse of it is refused rather than allowed to rewrite Alice's call.
    expect(answers.map((a) => a.status)).toEqual([201, 201, 409, 201, 201, 201]);
    expect(answers[2]!.body.error.code).toBe('call_id_taken');
    const bobs = (await world.otherAssessor.json(`/api/cases/${theirs}`)).body;
    expect(bobs.chat.map((l: { text: string }) => l.text)).toEqual([`line in ${theirs}`]);
    expect(bobs.evidence).toHaveLength(1);
    expect(bobs.calls).toEqual([]);
    expect(bobs.annotations.map((a: { label: string }) => a.label)).toEqual([`in ${theirs}`]);
    expect(bobs.measurements.map((m: { label: string }) => m.label)).toEqual([`in ${theirs}`]);
  });

  it("an evidence or recording id of another case is not found through one's own case", async () => {
    const mine = await world.scene();
    const other = await world.scene();
    const evidenceId = await kit.evidenceIn(other);
    const { id: recordingId } = await kit.recordingIn(other, true);
    const customer = world.h.client();
    for (const rendition of ['original', 'preview', 'thumbnail']) {
      const res = await customer.json(`/api/cases/${mine.caseId}/evidence/${evidenceId}/${rendition}`, { headers: bearer(mine.token) });
      expect(res.status).toBe(404);
    }
    for (const rest of ['', '/media']) expect((await world.assessor.json(`/api/cases/${mine.caseId}/recordings/${recordingId}${rest}`)).status).toBe(404);
  });
});
