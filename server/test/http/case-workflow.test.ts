// An assessor's and an admin's day over real HTTP: a case's reference, search and filters, close,
// reopen and archive (a closed case refuses every kind of new evidence), users disabled, re-enabled,
// given a new password, and cases assigned; every bad input a clear sentence that stores nothing.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatJpeg } from '../evidence/fixtures.ts';
import { bearer, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';
import { FIXTURE_TOURS } from '../faults/principals.ts';

let h: Harness;
let admin: Client;
let alice: Client;
let bob: Client;
const ids: Record<string, string> = {};
const PASSWORD = 'a long password 1';

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_TOURS_DIR: FIXTURE_TOURS, SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '10000' });
  admin = h.client();
  await admin.login();
  ids.admin = (await admin.json('/api/me')).body.user.id;
  for (const [email, name] of [['alice@example.test', 'Alice'], ['bob@example.test', 'Bob']] as const) {
    const res = await admin.json('/api/users', { method: 'POST', json: { email, name, password: PASSWORD } });
    ids[name.toLowerCase()] = res.body.user.id;
  }
  alice = h.client();
  await alice.login('alice@example.test', PASSWORD);
  bob = h.client();
  await bob.login('bob@example.test', PASSWORD);
});
afterAll(() => h.close());

const create = async (who: Client, json: Record<string, unknown>) => {
  const res = await who.json('/api/cases', { method: 'POST', json: { kind: 'damage', ...json } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { case: { id: string; reference: string | null }; token: string };
};
const ledgerOf = async (caseId: string) => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as { type: string; payload: Record<string, unknown> }[];
const titles = async (who: Client, query = '') => ((await who.json(`/api/cases${query}`)).body.cases as { title: string }[]).map((c) => c.title);
const expectRefused = (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(/^[A-Z].*\.$/);
};

describe('reference', () => {
  it('is stored at creation, shown in the case and ledgered in case.created', async () => {
    const created = await create(alice, { title: 'Hail on a Golf', reference: 'CLM-2026-0001' });
    expect(created.case.reference).toBe('CLM-2026-0001');
    const [first] = await ledgerOf(created.case.id);
    expect(first).toMatchObject({ type: 'case.created', payload: { reference: 'CLM-2026-0001' } });
  });

  it('is changed with PATCH, one case.updated entry with before and after; a no-op writes nothing', async () => {
    const { case: c } = await create(alice, { title: 'Leaking roof', reference: 'POL-1' });
    const res = await alice.json(`/api/cases/${c.id}`, { method: 'PATCH', json: { reference: 'POL-2', customerName: 'Dana' } });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ reference: 'POL-2', customerName: 'Dana' });
    const entries = await ledgerOf(c.id);
    expect(entries.at(-1)).toMatchObject({ type: 'case.updated', payload: { before: { reference: 'POL-1', customerName: null }, after: { reference: 'POL-2', customerName: 'Dana' } } });
    const count = entries.length;
    expect((await alice.json(`/api/cases/${c.id}`, { method: 'PATCH', json: { reference: 'POL-2' } })).status).toBe(200);
    expect((await ledgerOf(c.id)).length).toBe(count);
  });

  it('refuses bad edits with a sentence and stores nothing', async () => {
    const { case: c } = await create(alice, { title: 'Bad edits', reference: 'R-1' });
    const before = await snapshotOf(admin, c.id, h.dataDir);
    expectRefused(await alice.json(`/api/cases/${c.id}`, { method: 'PATCH', json: {} }), 400, 'invalid_input');
    expectRefused(await alice.json(`/api/cases/${c.id}`, { method: 'PATCH', json: { reference: 'x'.repeat(65) } }), 400, 'invalid_input');
    expectRefused(await alice.json(`/api/cases/${c.id}`, { method: 'PATCH', json: { title: '  ' } }), 400, 'invalid_input');
    expectRefused(await bob.json(`/api/cases/${c.id}`, { method: 'PATCH', json: { reference: 'R-2' } }), 403, 'forbidden');
    expectRefused(await alice.json('/api/cases/case_nope', { method: 'PATCH', json: { reference: 'R-2' } }), 404, 'not_found');
    expectRefused(await alice.json('/api/cases', { method: 'POST', json: { title: 'Too long ref', reference: 'x'.repeat(65) } }), 400, 'invalid_input');
    expect(await snapshotOf(admin, c.id, h.dataDir)).toEqual(before);
    expect(await titles(admin, '?q=Too%20long')).toEqual([]);
  });
});

describe('search and filters', () => {
  beforeAll(async () => {
    await create(alice, { title: 'Search: flooded cellar', customerName: 'Erin Sky', reference: 'CLM_50%' });
    await create(alice, { title: 'Search: cabin preview', kind: 'preview', reference: 'BK-777' });
    await create(bob, { title: 'Search: bob water damage', reference: 'CLM-BOB' });
  });

  it('matches words in the title, customer name and reference, newest first', async () => {
    expect(await titles(alice, '?q=search')).toEqual(['Search: cabin preview', 'Search: flooded cellar']);
    expect(await titles(alice, '?q=erin%20cellar')).toEqual(['Search: flooded cellar']);
    expect(await titles(alice, '?q=bk-777')).toEqual(['Search: cabin preview']);
  });

  it('takes % and _ literally', async () => {
    expect(await titles(alice, `?q=${encodeURIComponent('CLM_50%')}`)).toEqual(['Search: flooded cellar']);
    expect(await titles(admin, `?q=${encodeURIComponent('CLM_')}`)).toEqual(['Search: flooded cellar']);
    expect(await titles(admin, '?q=%25')).toEqual(['Search: flooded cellar']);
  });

  it('filters by kind, assessor and day; an assessor only ever sees their own cases', async () => {
    expect(await titles(alice, '?q=search&kind=preview')).toEqual(['Search: cabin preview']);
    expect(await titles(admin, `?q=search&assessorId=${ids.bob}`)).toEqual(['Search: bob water damage']);
    expect(await titles(alice, `?q=search&assessorId=${ids.bob}`)).toEqual(['Search: cabin preview', 'Search: flooded cellar']);
    expect(await titles(bob, '?q=search')).toEqual(['Search: bob water damage']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await titles(alice, `?q=search&from=${today}&to=${today}`)).length).toBe(2);
    expect(await titles(alice, '?q=search&to=2000-01-01')).toEqual([]);
    expect(await titles(alice, '?q=search&from=2999-01-01')).toEqual([]);
  });

  it('refuses a bad query with 400 and the reason', async () => {
    for (const query of ['?status=shut', '?kind=fire', '?from=yesterday', '?to=2026-02-30', '?from=2026-03-01&to=2026-02-01', '?archived=maybe', '?q=a&q=b', `?q=${'x'.repeat(201)}`]) {
      const res = await alice.json(`/api/cases${query}`);
      expectRefused(res, 400, 'invalid_input');
    }
    expect((await h.client().json('/api/cases?q=x')).status).toBe(401);
  });
});

describe('close, reopen, archive', () => {
  it('closes with a reason, reopens, and archives only a closed case; each a ledger entry', async () => {
    const { case: c } = await create(alice, { title: 'Lifecycle' });
    expectRefused(await alice.json(`/api/cases/${c.id}/archive`, { method: 'POST' }), 409, 'case_open');
    expectRefused(await alice.json(`/api/cases/${c.id}/reopen`, { method: 'POST' }), 409, 'not_closed');
    const closed = await alice.json(`/api/cases/${c.id}/close`, { method: 'POST', json: { reason: 'Settled by phone' } });
    expect(closed.status).toBe(200);
    expect(closed.body.case.closedAt).toEqual(expect.any(String));
    expectRefused(await alice.json(`/api/cases/${c.id}/close`, { method: 'POST', json: {} }), 409, 'already_closed');
    expect(await titles(alice, '?q=lifecycle&status=open')).toEqual([]);
    expect(await titles(alice, '?q=lifecycle&status=closed')).toEqual(['Lifecycle']);
    expect((await alice.json(`/api/cases/${c.id}/archive`, { method: 'POST' })).body.case.archivedAt).toEqual(expect.any(String));
    expect(await titles(alice, '?q=lifecycle')).toEqual([]);
    expect(await titles(alice, '?q=lifecycle&archived=true')).toEqual(['Lifecycle']);
    expectRefused(await alice.json(`/api/cases/${c.id}/reopen`, { method: 'POST' }), 409, 'case_archived');
    expectRefused(await alice.json(`/api/cases/${c.id}/archive`, { method: 'POST' }), 409, 'already_archived');
    expect((await alice.json(`/api/cases/${c.id}/unarchive`, { method: 'POST' })).status).toBe(200);
    expectRefused(await alice.json(`/api/cases/${c.id}/unarchive`, { method: 'POST' }), 409, 'not_archived');
    const reopened = await alice.json(`/api/cases/${c.id}/reopen`, { method: 'POST' });
    expect(reopened.body.case.closedAt).toBeNull();
    const types = (await ledgerOf(c.id)).map((e) => e.type).filter((t) => t.startsWith('case.'));
    expect(types).toEqual(['case.created', 'case.closed', 'case.archived', 'case.unarchived', 'case.reopened']);
    expect((await ledgerOf(c.id)).find((e) => e.type === 'case.closed')?.payload).toEqual({ reason: 'Settled by phone' });
  });

  it('refuses a bad close body, another assessor and an unknown case, storing nothing', async () => {
    const { case: c } = await create(alice, { title: 'Close refusals' });
    const before = await snapshotOf(admin, c.id, h.dataDir);
    expectRefused(await alice.json(`/api/cases/${c.id}/close`, { method: 'POST', json: { reason: 'x'.repeat(501) } }), 400, 'invalid_input');
    expectRefused(await alice.json(`/api/cases/${c.id}/close`, { method: 'POST', json: { reason: 7 } }), 400, 'invalid_input');
    for (const action of ['close', 'reopen', 'archive', 'unarchive']) {
      expectRefused(await bob.json(`/api/cases/${c.id}/${action}`, { method: 'POST', json: {} }), 403, 'forbidden');
      expectRefused(await alice.json(`/api/cases/case_nope/${action}`, { method: 'POST', json: {} }), 404, 'not_found');
      expect((await h.client().json(`/api/cases/${c.id}/${action}`, { method: 'POST', json: {} })).status).toBe(401);
    }
    expect(await snapshotOf(admin, c.id, h.dataDir)).toEqual(before);
  });
});

describe('a closed case refuses new evidence', () => {
  it('answers 409 case_closed to every kind of write, keeps reads, export, report and verify', async () => {
    const created = await create(alice, { title: 'Closed evidence', checklist: 'vehicle' });
    const caseId = created.case.id;
    const customer = bearer(created.token);
    await h.client().json('/api/join/consent', { method: 'POST', headers: customer, json: { recording: true } });
    const recording = (await alice.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType: 'video/webm', startedAt: new Date().toISOString() } })).body.recording.id;
    const preview = await create(alice, { title: 'Closed tour', kind: 'preview', tour: 'test-room' });
    await alice.json(`/api/cases/${preview.case.id}/close`, { method: 'POST', json: {} });
    expect((await alice.json(`/api/cases/${caseId}/close`, { method: 'POST', json: { reason: 'Done' } })).status).toBe(200);
    const before = await snapshotOf(admin, caseId, h.dataDir);

    const photo = async (fields: Record<string, string> = {}) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set('file', new Blob([new Uint8Array(await flatJpeg(64, 48, '#335577'))], { type: 'image/jpeg' }), 'photo.jpg');
      return form;
    };
    const chunk = crypto.randomBytes(512);
    const writes: [string, () => Promise<{ status: number; body: any }>][] = [
      ['customer photo', async () => h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: customer, body: await photo() })],
      ['assessor photo', async () => alice.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: await photo() })],
      ['checklist capture', async () => h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: customer, body: await photo({ source: 'device-still', checklistItem: 'front' }) })],
      ['customer chat', () => h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: customer, json: { id: 'line-closed-1', text: 'Hello?' } })],
      ['assessor chat', () => alice.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: 'line-closed-2', text: 'Hi' } })],
      ['recording start', () => alice.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType: 'video/webm', startedAt: new Date().toISOString() } })],
      ['annotation', () => alice.json(`/api/cases/${caseId}/annotations`, { method: 'POST', json: { id: 'ann-closed-01', kind: 'marker', screen: { u: 0.5, v: 0.5 }, anchor: null } })],
      ['annotation clear', () => alice.json(`/api/cases/${caseId}/annotations/clear`, { method: 'POST', json: {} })],
      ['measurement', () => h.client().json(`/api/cases/${caseId}/measurements`, {
        method: 'POST', headers: customer,
        json: { id: 'measure-closed-1', a: [0, 0, -1], b: [0.5, 0, -1], screenA: { u: 0.4, v: 0.5 }, screenB: { u: 0.6, v: 0.5 }, cameraPose: { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] } },
      })],
      ['outcome', () => alice.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'approved', reason: 'Late' } })],
      ['tour activity', () => alice.json(`/api/cases/${preview.case.id}/tour-activity`, {
        method: 'POST', json: { batchId: 'batch-closed-1', events: [{ kind: 'hotspot', hotspot: 'bed', at: '2026-12-04T10:00:00.000Z' }] },
      })],
      ['customer call credential', () => h.client().json('/api/join/peer', { method: 'POST', headers: customer })],
      ['customer consent', () => h.client().json('/api/join/consent', { method: 'POST', headers: customer, json: { recording: true } })],
    ];
    for (const [what, write] of writes) {
      const res = await write();
      expect({ what, status: res.status, code: res.body?.error?.code, message: res.body?.error?.message }).toEqual({
        what, status: 409, code: 'case_closed', message: 'This case is closed; reopen it to add evidence.',
      });
    }
    expect(await snapshotOf(admin, caseId, h.dataDir)).toEqual(before);

    // The recording under way when the case closed still finishes: its chunks are the end of evidence
    // begun while the case was open, and without them it could never be sealed.
    const putChunk = await alice.json(`/api/cases/${caseId}/recordings/${recording}/chunks/0`, {
      method: 'PUT', headers: { 'x-chunk-sha256': crypto.createHash('sha256').update(chunk).digest('hex') }, body: new Uint8Array(chunk),
    });
    expect(putChunk.status).toBe(201);
    const sealed = await alice.json(`/api/cases/${caseId}/recordings/${recording}/seal`, { method: 'POST', json: { chunkCount: 1, durationMs: 3000, chunks: [{ n: 0, sha256: crypto.createHash('sha256').update(chunk).digest('hex') }] } });
    expect(sealed.status, JSON.stringify(sealed.body)).toBe(200);

    for (const read of ['', '/ledger', '/verify', '/export', '/report', '/checklist', '/annotations']) {
      expect((await alice.fetch(`/api/cases/${caseId}${read}`)).status, read).toBe(200);
    }
    const join = await h.client().json('/api/join', { headers: customer });
    expect(join.body.closedAt).toEqual(expect.any(String));

    await alice.json(`/api/cases/${caseId}/reopen`, { method: 'POST' });
    expect((await h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: customer, json: { id: 'line-closed-1', text: 'Back' } })).status).toBe(201);
    expect((await h.client().json('/api/join/peer', { method: 'POST', headers: customer })).status).toBe(200);
  });
});

describe('a case closed while a photo is on its way', () => {
  it('refuses the photo once it has arrived, and stores nothing of it in the ledger', async () => {
    const created = await create(alice, { title: 'Closed mid-upload' });
    const caseId = created.case.id;
    const customer = bearer(created.token);
    await h.client().json('/api/join/consent', { method: 'POST', headers: customer, json: { recording: true } });
    const jpeg = new Uint8Array(await flatJpeg(640, 480, '#557733'));
    let sendRest!: () => void;
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(jpeg.subarray(0, 1024));
        await rest;
        controller.enqueue(jpeg.subarray(1024));
        controller.close();
      },
    });
    const upload = fetch(`${h.base}/api/cases/${caseId}/evidence?source=gallery`, {
      method: 'POST', headers: { ...customer, 'content-type': 'image/jpeg' }, body, duplex: 'half',
    } as RequestInit);
    const ledgerBefore = (await alice.json(`/api/cases/${caseId}/ledger`)).body.entries.length;
    // The route admitted the upload before its body was read; the case closes while the rest is on its way.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await alice.json(`/api/cases/${caseId}/close`, { method: 'POST', json: {} })).status).toBe(200);
    sendRest();
    const res = await upload;
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'case_closed', message: 'This case is closed; reopen it to add evidence.' });
    const entries = (await alice.json(`/api/cases/${caseId}/ledger`)).body.entries;
    expect(entries.length).toBe(ledgerBefore + 1);
    expect(entries.at(-1).type).toBe('case.closed');
    expect((await alice.json(`/api/cases/${caseId}`)).body.evidence).toEqual([]);
  });
});

describe('users', () => {
  const newUser = async (name: string) => {
    const email = `${name.toLowerCase()}@example.test`;
    const res = await admin.json('/api/users', { method: 'POST', json: { email, name, password: PASSWORD } });
    expect(res.status).toBe(201);
    return { id: res.body.user.id as string, email };
  };

  it('lists users with their status and open cases', async () => {
    const res = await admin.json('/api/users');
    const a = res.body.users.find((u: { id: string }) => u.id === ids.alice);
    expect(a).toMatchObject({ name: 'Alice', role: 'assessor', disabledAt: null, openCases: expect.any(Number) });
    expect(a.openCases).toBeGreaterThan(0);
  });

  it('a disabled user is told so at login (with the right password only) and can log in once enabled', async () => {
    const carol = await newUser('Carol');
    const session = h.client();
    await session.login(carol.email, PASSWORD);
    expect((await admin.json(`/api/users/${carol.id}/disable`, { method: 'POST' })).status).toBe(200);
    expect((await session.json('/api/me')).status).toBe(401);
    const refused = await h.client().json('/api/auth/login', { method: 'POST', json: { email: carol.email, password: PASSWORD } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'account_disabled', message: 'This account is disabled; ask an administrator.' });
    const wrong = await h.client().json('/api/auth/login', { method: 'POST', json: { email: carol.email, password: 'not it at all' } });
    expect(wrong.body.error.code).toBe('bad_credentials');
    expect((await admin.json('/api/users')).body.users.find((u: { id: string }) => u.id === carol.id).disabledAt).toEqual(expect.any(String));
    expect((await admin.json(`/api/users/${carol.id}/enable`, { method: 'POST' })).status).toBe(200);
    await h.client().login(carol.email, PASSWORD);
  });

  it('resets a password: the old one stops working, the user\'s sessions end, the new one works', async () => {
    const dan = await newUser('Dan');
    const session = h.client();
    await session.login(dan.email, PASSWORD);
    const res = await admin.json(`/api/users/${dan.id}/password`, { method: 'POST', json: { password: 'a brand new password' } });
    expect(res.status).toBe(200);
    expect((await session.json('/api/me')).status).toBe(401);
    expect((await h.client().json('/api/auth/login', { method: 'POST', json: { email: dan.email, password: PASSWORD } })).status).toBe(401);
    await h.client().login(dan.email, 'a brand new password');
  });

  it('refuses bad resets: short password, itself, an unknown user, a non-admin', async () => {
    expectRefused(await admin.json(`/api/users/${ids.bob}/password`, { method: 'POST', json: { password: 'short' } }), 400, 'invalid_input');
    expectRefused(await admin.json(`/api/users/${ids.bob}/password`, { method: 'POST', json: {} }), 400, 'invalid_input');
    expectRefused(await admin.json(`/api/users/${ids.admin}/password`, { method: 'POST', json: { password: 'a brand new password' } }), 409, 'cannot_reset_self');
    expectRefused(await admin.json('/api/users/usr_nope/password', { method: 'POST', json: { password: 'a brand new password' } }), 404, 'not_found');
    expectRefused(await alice.json(`/api/users/${ids.bob}/password`, { method: 'POST', json: { password: 'a brand new password' } }), 403, 'forbidden');
    // Nothing changed: both still log in with their passwords, and the admin's session stands.
    await h.client().login('bob@example.test', PASSWORD);
    await h.client().login();
    expect((await admin.json('/api/me')).status).toBe(200);
    expect((await bob.json('/api/me')).status).toBe(200);
  });
});

describe('assign', () => {
  it('moves a case to another enabled assessor: one case.assigned entry, out of the first list, into the second', async () => {
    const { case: c } = await create(alice, { title: 'To reassign' });
    const res = await admin.json(`/api/cases/${c.id}/assign`, { method: 'POST', json: { assessorId: ids.bob } });
    expect(res.status).toBe(200);
    expect(res.body.case.assessorId).toBe(ids.bob);
    expect(await titles(alice, '?q=reassign')).toEqual([]);
    expect(await titles(bob, '?q=reassign')).toEqual(['To reassign']);
    expect((await ledgerOf(c.id)).at(-1)).toMatchObject({ type: 'case.assigned', payload: { from: ids.alice, to: ids.bob } });
    expect((await alice.json(`/api/cases/${c.id}`)).status).toBe(403);
  });

  it('refuses an assessor, a disabled or unknown target and a bad body, storing nothing', async () => {
    const { case: c } = await create(alice, { title: 'Stays put' });
    const erin = (await admin.json('/api/users', { method: 'POST', json: { email: 'erin@example.test', name: 'Erin', password: PASSWORD } })).body.user.id;
    await admin.json(`/api/users/${erin}/disable`, { method: 'POST' });
    const before = await snapshotOf(admin, c.id, h.dataDir);
    expectRefused(await alice.json(`/api/cases/${c.id}/assign`, { method: 'POST', json: { assessorId: ids.bob } }), 403, 'forbidden');
    expectRefused(await admin.json(`/api/cases/${c.id}/assign`, { method: 'POST', json: { assessorId: erin } }), 422, 'assessor_disabled');
    expectRefused(await admin.json(`/api/cases/${c.id}/assign`, { method: 'POST', json: { assessorId: 'usr_nope' } }), 422, 'unknown_assessor');
    expectRefused(await admin.json(`/api/cases/${c.id}/assign`, { method: 'POST', json: {} }), 400, 'invalid_input');
    expectRefused(await admin.json(`/api/cases/${c.id}/assign`, { method: 'POST', json: { assessorId: '' } }), 400, 'invalid_input');
    expectRefused(await admin.json('/api/cases/case_nope/assign', { method: 'POST', json: { assessorId: ids.bob } }), 404, 'not_found');
    expect(await snapshotOf(admin, c.id, h.dataDir)).toEqual(before);
    expect(await titles(alice, '?q=stays')).toEqual(['Stays put']);
  });

  it('tells both the old and the new assessor over the live feed', async () => {
    const { case: c } = await create(alice, { title: 'Feed reassign' });
    const heard = async (who: Client) => {
      const controller = new AbortController();
      const res = await who.fetch('/api/events', { signal: controller.signal });
      const reader = res.body!.getReader();
      return {
        async until(text: string) {
          let seen = '';
          while (!seen.includes(text)) seen += new TextDecoder().decode((await reader.read()).value);
          controller.abort();
          return seen;
        },
      };
    };
    const [a, b] = [await heard(alice), await heard(bob)];
    await admin.json(`/api/cases/${c.id}/assign`, { method: 'POST', json: { assessorId: ids.bob } });
    const needle = `"assessorId":"${ids.bob}"`;
    expect(await a.until(needle)).toContain(c.id);
    expect(await b.until(needle)).toContain(c.id);
  });
});
