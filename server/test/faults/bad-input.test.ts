// Bad input, property-based: random malformed JSON, bodies the schemas refuse, wrong headers, garbage
// credentials, lying Content-Lengths, broken multipart bodies, corrupt and hostile images and bad
// recording chunks, thrown at every write route of the app. Each gets a 4xx with a reason, in time,
// and leaves every table row, every blob and the temp folder exactly as they were.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadRequest } from './bad-bodies.ts';
import { rawRequest } from './raw-http.ts';
import { listAppRoutes, routeKey, withServedApp } from './route-list.ts';
import { openStoreProbe, type StoreProbe } from './store-probe.ts';
import { declaredStringFields, dotted, generic, stringLeaves, withLeaf } from './string-fields.ts';
import { prepareFixture, type Fixture, type WriteRoute } from './write-routes.ts';

const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ALL']);

let fixture: Fixture;
let writeRoutes: string[];
let probe: StoreProbe;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const tried = new Map<string, Map<string, number>>();

beforeAll(async () => {
  const served = await withServedApp(prepareFixture);
  fixture = served.started;
  writeRoutes = listAppRoutes(served.app).routes.filter((r) => WRITE_METHODS.has(r.method)).map(routeKey);
  probe = await openStoreProbe(fixture.h.dataDir, fixture.h.databaseUrl);
});

afterAll(async () => {
  const lines = [...tried].map(([route, families]) => {
    const total = [...families.values()].reduce((a, b) => a + b, 0);
    return `  ${route}: ${total} (${[...families].map(([f, n]) => `${f} ${n}`).join(', ')})`;
  });
  console.log(`bad input (seed ${SEED}), inputs tried per route:\n${lines.join('\n')}`);
  await probe?.close();
  await fixture?.h.close();
});

interface Answer { status: number | null; json: unknown; fromNode: boolean; timedOut: boolean }

/**
 * Every request goes on a connection of its own (raw-http.ts, `Connection: close`). A kept-alive
 * connection left idle across a stall of this process (the server runs in it too) can be closed by
 * the server's keep-alive timer just as the next request is written to it: the client then sees a
 * reset the server never answered for, blamed on whatever input came next.
 */
async function send(route: WriteRoute, bad: BadRequest): Promise<Answer> {
  const headers = { ...(bad.credentials ?? route.credentials), ...bad.headers };
  const path = bad.path ?? route.path;
  const body = bad.body ?? new Uint8Array();
  const framing = bad.raw ?? { declaredLength: body.length, halfClose: false };
  const res = await rawRequest(fixture.h.base, { method: route.method, path, headers, body, ...framing });
  const json = res.contentType?.includes('json') ? (JSON.parse(res.body) as unknown) : res.body;
  // Node's own HTTP parser refuses a broken request with a bare 400 before the app sees it; only a
  // request sent with a lying Content-Length can be one.
  return { status: res.status, json, fromNode: bad.raw !== undefined && !res.contentType, timedOut: res.timedOut };
}

/**
 * Waits for the temp folder to empty: a client that left, or got Node's bare 400 for a body longer
 * than its Content-Length, has its answer while the app may still be reading what it sent. Returns
 * the last listing read, not a fresh one: a file created after it is the next check's to see.
 */
async function tempFolderEmpties(): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  let left = probe.tempFiles();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    left = probe.tempFiles();
  }
  return left;
}

describe('bad input at every write route', () => {
  it('has a bad-input property for every write route the app serves', () => {
    expect(writeRoutes.length).toBeGreaterThan(10);
    expect(fixture.routes.map((r) => r.key).sort()).toEqual([...writeRoutes].sort());
  });

  it.each([
    'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/users', 'POST /api/users/:id/disable', 'POST /api/users/:id/enable',
    'POST /api/cases', 'POST /api/cases/:id/join-link', 'POST /api/cases/:id/join-link/send', 'POST /api/join/decline',
    'POST /api/cases/:id/peer', 'POST /api/cases/:id/calls', 'POST /api/cases/:id/outcome', 'POST /api/cases/:id/chat',
    'POST /api/cases/:id/tour-activity', 'POST /api/cases/:id/evidence/:evidenceId/supersede',
    'POST /api/cases/:id/evidence/:evidenceId/notes',
    'POST /api/cases/:id/recordings', 'POST /api/cases/:id/recordings/:recordingId/seal', 'POST /api/join/consent',
    'POST /api/join/peer', 'POST /api/cases/:id/evidence', 'PUT /api/cases/:id/recordings/:recordingId/chunks/:n',
    'POST /api/cases/:id/annotations', 'POST /api/cases/:id/annotations/clear', 'POST /api/cases/:id/measurements',
    'PUT /api/me/status', 'PUT /api/users/:id/routing', 'POST /api/queue', 'POST /api/queue/:entryId/accept',
    'POST /api/queue/:entryId/decline', 'POST /api/queue/:entryId/finish', 'POST /api/queue/:entryId/requeue',
    'POST /api/admin/api-keys', 'DELETE /api/admin/api-keys/:id',
    'PUT /api/cases/:id/address',
  ])('%s: a 4xx with a reason, never a 500 or a hang, and nothing stored', async (key) => {
    const route = fixture.routes.find((r) => r.key === key);
    if (!route) throw new Error(`no bad-input property for ${key}`);
    const counts = new Map<string, number>();
    tried.set(key, counts);
    await fc.assert(
      fc.asyncProperty(route.bad, async (bad) => {
        const before = (await probe.digest());
        counts.set(bad.family, (counts.get(bad.family) ?? 0) + 1);
        const answer = await send(route, bad);
        const what = `${bad.family} → ${answer.status}: ${JSON.stringify(answer.json)?.slice(0, 300)}`;
        expect(answer.timedOut, `${bad.family}: no answer in 10 s`).toBe(false);
        if (answer.status === null) {
          // Only a client that left may be left without an answer.
          expect(bad.raw?.halfClose, what).toBe(true);
        } else if (bad.status !== undefined) {
          expect(answer.status, what).toBe(bad.status);
        } else {
          expect(answer.status, what).toBeGreaterThanOrEqual(400);
          expect(answer.status, what).toBeLessThan(500);
        }
        if (answer.status !== null && answer.status >= 400 && !(answer.fromNode && answer.status === 400)) {
          expect(answer.json, what).toMatchObject({ error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/\S/) } });
        }
        if (bad.mentions !== undefined) expect(answer.json, what).toMatchObject({ error: { message: expect.stringContaining(bad.mentions) } });
        expect(await tempFolderEmpties(), `${bad.family}: temp files left`).toEqual([]);
        expect((await probe.digest()), `${bad.family}: something was stored`).toEqual(before);
      }),
      // No shrinking: a run that stored something would fail every later run, so the first failure is the one to see.
      { numRuns: route.numRuns, seed: SEED, endOnFailure: true, includeErrorInReport: true },
    );
    const health = await rawRequest(fixture.h.base, { method: 'GET', path: '/api/health', headers: {}, body: new Uint8Array(), declaredLength: 0, halfClose: false }, 5_000);
    expect(health.status).toBe(200);
  }, 60_000);

  // Stored text and signed text must be the same: SQLite would keep U+FFFD where the ledger signs a lone
  // surrogate. Each string a client chooses, at every route that takes one, gets one of each half.
  it('a lone surrogate in any string a client chooses: a 400 naming the field, and nothing stored', async () => {
    const walked = fixture.routes.filter((route) => route.text);
    expect(walked.map((route) => route.key)).toEqual(expect.arrayContaining(['POST /api/cases', 'POST /api/cases/:id/chat', 'POST /api/cases/:id/evidence']));
    for (const route of walked) {
      const { schema, valid, encode } = route.text!;
      const leaves = stringLeaves(valid);
      const reached = leaves.map(generic);
      // A string field holding JSON (the photo's `layer`) is reached through the strings inside it.
      const left = declaredStringFields(schema).map(generic).filter((field) => !reached.some((r) => r === field || r.startsWith(`${field}.`)));
      expect(left, `${route.key}: string fields its valid input leaves out`).toEqual([]);
      for (const path of leaves) {
        for (const lone of ['\ud800', '\udfff']) {
          const before = (await probe.digest());
          const field = dotted(path);
          const answer = await send(route, { family: 'ill-formed text', ...encode(withLeaf(valid, path, (old) => `${old}${lone}`)) });
          const what = `${route.key} ${field} → ${answer.status}: ${JSON.stringify(answer.json)?.slice(0, 300)}`;
          expect(answer.status, what).toBe(400);
          expect(answer.json, what).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining(`${field}: `) } });
          expect(await tempFolderEmpties(), what).toEqual([]);
          expect((await probe.digest()), what).toEqual(before);
        }
      }
    }
  }, 60_000);

  it('no request polluted Object.prototype of the server process', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
